package org.irqdsl.ide.server;

import java.util.Optional;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.build.IncrementalBuilder;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.irqdsl.resource.IrqDslResource;

import com.google.inject.Inject;

/**
 * Xtext's language-server build, with an edited document's resource kept and re-parsed where it
 * was edited ({@link XtextResource#update}, Xtext's partial parsing) instead of unloaded and parsed
 * whole: on a 10,000-device file, unloading and parsing were a third of a build
 * (docs/performance.md, "Language server").
 * <p>
 * It keeps the result only when it is the result a full parse gives: the re-parsed text is the
 * document's text, character for character, and has no syntax error (the errors of a broken text
 * are found by re-parsing copies of the whole text, {@code SyntaxRecovery}, exactly as
 * {@code irqdsl check} finds them; a partial parse could recover differently). Otherwise — and for
 * a whole-text change, a file changed on disk, a deleted file — the resource is unloaded and
 * parsed whole, as before. Linking is whole either way: Xtext re-links the resource after a
 * partial parse, and the replaced objects become proxies that other files' references resolve
 * again.
 */
public class IncrementalReparseBuilder extends IncrementalBuilder.InternalStatefulIncrementalBuilder {

	@Inject
	private PendingEdits pendingEdits;

	/**
	 * The index entry of a built file: made from its previous entry when only elements linked alone
	 * changed ({@code DescriptionSnapshots}) instead of copied whole from the file.
	 */
	@Override
	protected IResourceDescription getSerializableResourceDescription(IResourceDescription description) {
		Resource resource = getRequest().getResourceSet().getResource(description.getURI(), false);
		if (!(resource instanceof XtextResource xtext)) {
			return super.getSerializableResourceDescription(description);
		}
		return IncrementalIndexer.snapshots(xtext).of(resource,
				getContext().getOldState().getResourceDescriptions().getResourceDescription(description.getURI()));
	}

	@Override
	protected void unloadResource(URI uri) {
		Optional<PendingEdits.Pending> pending = pendingEdits.take(uri);
		Resource resource = getRequest().getResourceSet().getResource(uri, false);
		if (pending.isPresent() && !getRequest().getDeletedFiles().contains(uri) && resource instanceof XtextResource xtext
				&& reparsed(xtext, pending.get())) {
			return;
		}
		super.unloadResource(uri);
	}

	/** Applies the edits; true when the resource now is what a full parse of the document gives. */
	static boolean reparsed(XtextResource resource, PendingEdits.Pending pending) {
		if (!(resource instanceof IrqDslResource irqdsl) || pending.edits().isEmpty() || !resource.isLoaded()
				|| resource.getParseResult() == null || resource.getParseResult().getRootNode() == null) {
			return false;
		}
		if (resource.getParseResult().hasSyntaxErrors()) {
			return false; // a broken text stays broken after most edits: the attempt would only add a parse
		}
		try {
			for (PendingEdits.Edit edit : pending.edits()) {
				if (!irqdsl.updateCleanly(edit.offset(), edit.length(), edit.text())) {
					return false; // a syntax error: the full parse finds them all, as irqdsl check does
				}
			}
		} catch (RuntimeException e) { // edits for another text than the resource's: parse it whole
			return false;
		}
		return resource.getParseResult().getRootNode().getText().equals(pending.text());
	}
}
