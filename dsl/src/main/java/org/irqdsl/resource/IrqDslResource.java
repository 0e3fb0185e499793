package org.irqdsl.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.impl.EClassImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.service.OperationCanceledManager;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.impl.ListBasedDiagnosticConsumer;
import org.eclipse.xtext.linking.impl.XtextLinkingDiagnostic;
import org.eclipse.xtext.linking.lazy.LazyLinkingResource;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.util.Triple;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.XtextSyntaxDiagnostic;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.OnChangeEvictingCache;
import org.irqdsl.linking.IrqDslLinker;
import org.irqdsl.parser.IrqDslPartialParsingHelper;
import org.irqdsl.parser.Replacement;

import com.google.inject.Inject;

/**
 * The language's resource: every syntax error of the text, each at its own position, in every
 * host (command line, language server, Eclipse).
 * <p>
 * The parse kept is the parse of the real text: its node model and semantic model are what the
 * text says (with ANTLR's recovery), so hover, completion, outline and formatting see the text
 * the user wrote at its offsets. Only the errors come from more: when the parse has errors,
 * {@link SyntaxRecovery} re-parses copies of the text with the broken lines blanked (positions
 * kept) to find the errors ANTLR's recovery skipped, and those copies are dropped. This holds for
 * a full load and for the language server's incremental re-parse alike (both end in
 * {@link #addSyntaxErrors()}). A wrapper of the parser instead would have to return one node
 * model, either of the real text (then the further errors have no parse to live in) or of a
 * blanked copy (then editors would work on text that is not there).
 * <p>
 * A text with a NUL is binary data ({@link BinaryText}): one error, no syntax errors.
 */
public class IrqDslResource extends LazyLinkingResource {

	/** Set during {@link #updateCleanly}: a parse with syntax errors gets no recovery and no linking. */
	private boolean tentative;

	@Inject
	private IrqDslPartialParsingHelper partialParsing;

	/** Lazy links installed by the last whole link: linking only replaced elements appends more. */
	private int linksAtWholeLink;

	private static final Object RESOLVED = new Object();

	/** Changes of the model by parsing: {@link ReplacedElements} tells the index what changed since a mark. */
	private final ReplacedElements replaced = new ReplacedElements();

	/**
	 * Xtext's partial re-parse of an edit ({@link #update}) for a caller that keeps the result only
	 * when the text has no syntax error (the language server's build): false when it has one, and
	 * then the resource is left without its syntax errors' recovery and without linking — the
	 * caller unloads it and parses the text whole, so those (a re-parse of the whole text per
	 * error, for the recovery) are not done twice. True: the resource is as {@link #update} leaves it.
	 */
	public boolean updateCleanly(int offset, int replacedLength, String newText) {
		tentative = true;
		try {
			update(offset, replacedLength, newText);
		} finally {
			tentative = false;
		}
		return getErrors().isEmpty() && !getParseResult().hasSyntaxErrors();
	}

	/** Xtext's partial re-parse, recording what it replaced for {@link #doLinking()}. */
	@Override
	public void update(int offset, int replacedTextLength, String newText) {
		partialParsing.recording(() -> super.update(offset, replacedTextLength, newText));
	}

	/**
	 * In the resource's cache from the end of each linking of this resource: Xtext's cache drops its
	 * values on any change of the model, so its absence means a change made by anything but
	 * parsing (a rename's, a quick fix's) — a whole change for {@link ReplacedElements}.
	 */
	private static final Object LINKED = new Object();

	private void markLinked() {
		if (getCache() instanceof OnChangeEvictingCache cache) {
			cache.getOrCreate(this).set(LINKED, Boolean.TRUE);
		}
	}

	/**
	 * Links only the element a partial re-parse replaced when that gives the whole link's result
	 * ({@link IrqDslLinker#linkReplaced}); otherwise, and after a full parse, the whole resource.
	 */
	@Override
	protected void doLinking() {
		if (tentative && getParseResult() != null && getParseResult().hasSyntaxErrors()) {
			replaced.wholeChange();
			return;
		}
		Optional<Replacement> replacement = partialParsing.replacement();
		if (replacement.isPresent() && getLinker() instanceof IrqDslLinker linker && !tooManyStaleLinks()) {
			ListBasedDiagnosticConsumer consumer = new ListBasedDiagnosticConsumer();
			if (linker.linkReplaced(replacement.get(), consumer)) {
				if (!isValidationDisabled()) {
					getErrors().addAll(consumer.getResult(Severity.ERROR));
					getWarnings().addAll(consumer.getResult(Severity.WARNING));
				}
				replaced.replaced(getURIFragment(replacement.get().replacement()));
				markLinked();
				return;
			}
		}
		replaced.wholeChange();
		super.doLinking();
		linksAtWholeLink = getLazyProxyInformation().size();
		markLinked();
	}

	@Override
	protected void doUnload() {
		replaced.wholeChange();
		super.doUnload();
	}

	/** Exported names of a state of the model, identified by its {@link ReplacedElements#mark()}. */
	public record Exports(long mark, List<IEObjectDescription> exports) {
	}

	private volatile Exports lastExports;

	/** The exported names last made for this resource ({@link IrqDslResourceDescription}). */
	Exports lastExports() {
		return lastExports;
	}

	void lastExports(Exports exports) {
		lastExports = exports;
	}

	/** What parsing changed in this resource's model: see {@link ReplacedElements}. */
	public ReplacedElements replacedElements() {
		if (getCache() instanceof OnChangeEvictingCache cache && isLoaded() && cache.getOrCreate(this).get(LINKED) == null) {
			replaced.wholeChange(); // changed since it was last linked, by something else than parsing
			markLinked();
		}
		return replaced;
	}

	/**
	 * The lazy links of replaced elements stay in Xtext's list (a link's proxy names its index):
	 * a whole link now and then starts it afresh, so a long editing session does not grow it.
	 */
	private boolean tooManyStaleLinks() {
		return getLazyProxyInformation().size() > 2 * linksAtWholeLink + 1024;
	}

	/**
	 * Resolves the lazy links once per state of the model: the language server's build resolves
	 * them, then the validator asks again — a walk over every reference of the file, 12% of
	 * validating a 10,000-device file. The mark lives in the resource's cache, which any change
	 * of the model clears.
	 */
	@Override
	public void resolveLazyCrossReferences(CancelIndicator monitor) {
		if (getCache() instanceof OnChangeEvictingCache cache) {
			OnChangeEvictingCache.CacheAdapter adapter = cache.getOrCreate(this);
			if (adapter.get(RESOLVED) != null) {
				return;
			}
			resolveAll(monitor);
			adapter.set(RESOLVED, Boolean.TRUE);
			return;
		}
		resolveAll(monitor);
	}

	/**
	 * Xtext's walk over every object to resolve its lazy links, without going below an object
	 * under which no object can have a reference (a device's capabilities): a fifth of the objects
	 * of a 10,000-device file.
	 */
	private void resolveAll(CancelIndicator monitor) {
		CancelIndicator cancel = monitor == null ? CancelIndicator.NullImpl : monitor;
		for (TreeIterator<EObject> all = EcoreUtil.getAllContents(this, true); all.hasNext();) {
			OPERATION_CANCELED.checkCanceled(cancel);
			InternalEObject object = (InternalEObject) all.next();
			EStructuralFeature[] references = ((EClassImpl.FeatureSubsetSupplier) object.eClass().getEAllStructuralFeatures())
					.crossReferences();
			if (references != null) {
				for (EStructuralFeature reference : references) {
					resolveLazyCrossReference(object, reference);
				}
			}
			if (!IrqDslLinker.mayReferBelow(object)) {
				all.prune();
			}
		}
	}

	private static final OperationCanceledManager OPERATION_CANCELED = new OperationCanceledManager();

	@Override
	protected void addSyntaxErrors() {
		IParseResult result = getParseResult();
		if (result == null || result.getRootNode() == null) {
			super.addSyntaxErrors();
			return;
		}
		if (tentative && result.hasSyntaxErrors()) {
			return;
		}
		Optional<BinaryText> binary = BinaryText.find(result.getRootNode().getText());
		if (binary.isPresent()) {
			getErrors().add(new BinaryTextDiagnostic(binary.get()));
			return;
		}
		if (result.hasSyntaxErrors()) {
			getErrors().addAll(new SyntaxRecovery(getParser(), getEntryPoint()).errors(result));
		}
	}

	/**
	 * Removes the linking diagnostic of a reference that now resolves, by its node. Xtext's version
	 * builds the unresolved-name message to find the diagnostic to remove, and ours walks the scope
	 * for the names that would resolve ({@code IrqDslLinkingDiagnosticMessageProvider}): once per
	 * resolved reference of a file that has any error, 8% of a language-server build of 10,000
	 * devices (docs/performance.md, "Language server"). A linking diagnostic is at its node.
	 */
	@Override
	protected void removeDiagnostic(Triple<EObject, EReference, INode> triple) {
		INode node = triple.getThird();
		for (List<Resource.Diagnostic> list : List.of(getErrors(), getWarnings())) {
			if (!list.isEmpty()) {
				list.removeIf(d -> d instanceof XtextLinkingDiagnostic l && l.getOffset() == node.getOffset()
						&& l.getLength() == node.getLength());
			}
		}
	}

	/**
	 * The errors of a resource's text, if any: its syntax errors, or that it is binary. A file with
	 * such errors gets only those (the checks of half-parsed text describe what is not there).
	 */
	public static List<Resource.Diagnostic> textErrors(Resource resource) {
		List<Resource.Diagnostic> result = new ArrayList<>();
		for (Resource.Diagnostic d : resource.getErrors()) {
			if (d instanceof XtextSyntaxDiagnostic || d instanceof BinaryTextDiagnostic) {
				result.add(d);
			}
		}
		return result;
	}
}
