package org.irqdsl.ui.editor;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.irqdsl.ui.markers.IrqDslMarkerResolutionGenerator;
import org.irqdsl.ui.markers.IrqDslMarkers;

/** Ctrl+1 in the editor: the marker resolutions of the irqdsl problems at the caret's line. */
public class IrqDslQuickAssistProcessor implements IQuickAssistProcessor {

	private final IrqDslEditor editor;
	private final IrqDslMarkerResolutionGenerator generator = new IrqDslMarkerResolutionGenerator();

	public IrqDslQuickAssistProcessor(IrqDslEditor editor) {
		this.editor = editor;
	}

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public boolean canFix(Annotation annotation) {
		return annotation instanceof MarkerAnnotation m && isOurs(m.getMarker()) && generator.hasResolutions(m.getMarker());
	}

	@Override
	public boolean canAssist(IQuickAssistInvocationContext invocationContext) {
		return false;
	}

	private static boolean isOurs(IMarker marker) {
		try {
			return marker.exists() && IrqDslMarkers.MARKER_TYPE.equals(marker.getType());
		} catch (org.eclipse.core.runtime.CoreException e) {
			return false;
		}
	}

	@Override
	public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
		IAnnotationModel model = editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
		IDocument document = editor.getDocument();
		List<ICompletionProposal> result = new ArrayList<>();
		// two findings of one line can offer the same fix (unmaskable-without-parent-mask and
		// nonmaskable-msi-without-remap both mark the MSI maskable): offer it once, as the language server does
		java.util.Set<String> offered = new java.util.HashSet<>();
		if (model == null || document == null) {
			return new ICompletionProposal[0];
		}
		int line;
		try {
			line = document.getLineOfOffset(context.getOffset());
		} catch (org.eclipse.jface.text.BadLocationException e) {
			return new ICompletionProposal[0];
		}
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			Annotation annotation = it.next();
			Position position = model.getPosition(annotation);
			if (!canFix(annotation) || position == null) {
				continue;
			}
			try {
				if (document.getLineOfOffset(position.getOffset()) != line) {
					continue;
				}
			} catch (org.eclipse.jface.text.BadLocationException e) {
				continue;
			}
			IMarker marker = ((MarkerAnnotation) annotation).getMarker();
			for (IMarkerResolution resolution : generator.getResolutions(marker)) {
				if (!offered.add(resolution.getLabel())) {
					continue;
				}
				result.add(new ICompletionProposal() {
					@Override
					public void apply(IDocument doc) {
						resolution.run(marker);
					}

					@Override
					public Point getSelection(IDocument doc) {
						return null;
					}

					@Override
					public String getAdditionalProposalInfo() {
						return marker.getAttribute(IMarker.MESSAGE, "");
					}

					@Override
					public String getDisplayString() {
						return resolution.getLabel();
					}

					@Override
					public Image getImage() {
						return null;
					}

					@Override
					public IContextInformation getContextInformation() {
						return null;
					}
				});
			}
		}
		return result.toArray(ICompletionProposal[]::new);
	}
}
