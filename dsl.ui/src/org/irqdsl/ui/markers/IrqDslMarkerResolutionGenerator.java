package org.irqdsl.ui.markers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolution2;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;
import org.irqdsl.ui.IrqDslActivator;
import org.irqdsl.ui.IrqDslLanguage;
import org.irqdsl.ui.IrqDslLanguage.Parsed;
import org.irqdsl.validation.FixableCheck;
import org.irqdsl.validation.IrqDslChecks;
import org.irqdsl.validation.QuickFix;

/**
 * Quick fixes of irqdsl problem markers: the fixes the check itself offers ({@link FixableCheck}),
 * the same the language server sends as code actions.
 */
public class IrqDslMarkerResolutionGenerator implements IMarkerResolutionGenerator2 {

	@Override
	public boolean hasResolutions(IMarker marker) {
		return IrqDslChecks.fixable(marker.getAttribute(IrqDslMarkers.CHECK_ID, "")).isPresent();
	}

	@Override
	public IMarkerResolution[] getResolutions(IMarker marker) {
		List<IMarkerResolution> result = new ArrayList<>();
		try {
			for (QuickFix fix : fixes(marker)) {
				result.add(new Resolution(fix.label()));
			}
		} catch (CoreException | RuntimeException e) {
			IrqDslActivator.log("cannot compute the quick fixes of " + marker.getResource().getFullPath(), e);
		}
		return result.toArray(IMarkerResolution[]::new);
	}

	/** The fixes of the marker's problem in the file's current text (the editor's, when it is open). */
	static List<QuickFix> fixes(IMarker marker) throws CoreException {
		IFile file = (IFile) marker.getResource();
		ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
		IPath path = file.getFullPath();
		manager.connect(path, LocationKind.IFILE, null);
		try {
			return fixes(marker, file, manager.getTextFileBuffer(path, LocationKind.IFILE).getDocument().get());
		} finally {
			manager.disconnect(path, LocationKind.IFILE, null);
		}
	}

	private static List<QuickFix> fixes(IMarker marker, IFile file, String text) {
		String id = marker.getAttribute(IrqDslMarkers.CHECK_ID, "");
		FixableCheck check = IrqDslChecks.fixable(id).orElse(null);
		if (check == null) {
			return List.of();
		}
		Parsed parsed = IrqDslLanguage.parse(file.getLocation() == null ? null : file.getLocation().toPath(), text);
		// the marker may be older than the text: take this check's finding nearest to where the marker was
		int line = marker.getAttribute(IMarker.LINE_NUMBER, -1);
		int start = marker.getAttribute(IMarker.CHAR_START, -1);
		Issue issue = parsed.validate(CancelIndicator.NullImpl).stream()
				.filter(i -> id.equals(IrqDslChecks.idOf(i)) && i.getOffset() != null)
				.min(Comparator.comparingInt((Issue i) -> Math.abs(i.getLineNumber() - line)).thenComparingInt(i -> Math.abs(i.getOffset() - start)))
				.orElse(null);
		if (issue == null) {
			return List.of();
		}
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(parsed.resource().getParseResult().getRootNode(), issue.getOffset());
		EObject source = leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
		return source == null ? List.of() : check.fixes(source, issue.getOffset());
	}

	/** Applies the fix with this label to the file's current text; saves only when no editor has the file open. */
	public static boolean apply(IMarker marker, String label) throws CoreException, BadLocationException {
		IFile file = (IFile) marker.getResource();
		ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
		IPath path = file.getFullPath();
		manager.connect(path, LocationKind.IFILE, null);
		try {
			ITextFileBuffer buffer = manager.getTextFileBuffer(path, LocationKind.IFILE);
			IDocument document = buffer.getDocument();
			QuickFix fix = fixes(marker, file, document.get()).stream().filter(f -> f.label().equals(label)).findFirst().orElse(null);
			if (fix == null) {
				return false;
			}
			List<QuickFix.Edit> edits = new ArrayList<>(fix.edits());
			edits.sort(Comparator.comparingInt(QuickFix.Edit::offset).reversed());
			for (QuickFix.Edit edit : edits) {
				document.replace(edit.offset(), edit.length(), edit.text());
			}
			if (!buffer.isShared()) {
				buffer.commit(null, true);
			}
			return true;
		} finally {
			manager.disconnect(path, LocationKind.IFILE, null);
		}
	}

	/** One fix of a check. */
	public static final class Resolution implements IMarkerResolution2 {
		private final String label;

		Resolution(String label) {
			this.label = label;
		}

		@Override
		public String getLabel() {
			return label;
		}

		@Override
		public String getDescription() {
			return label;
		}

		@Override
		public Image getImage() {
			return null;
		}

		@Override
		public void run(IMarker marker) {
			try {
				apply(marker, label);
			} catch (CoreException | BadLocationException | RuntimeException e) {
				IrqDslActivator.log("quick fix '" + label + "' failed on " + marker.getResource().getFullPath(), e);
			}
		}
	}
}
