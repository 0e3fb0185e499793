package org.irqdsl.ui.editor;


import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.irqdsl.ui.IrqDslActivator;
import org.irqdsl.ui.IrqDslLanguage;
import org.irqdsl.ui.IrqDslLanguage.Checked;
import org.irqdsl.ui.markers.IrqDslMarkers;

/** After each change (and when the editor opens): re-parse, run the checks, update markers, highlighting and outline. */
public class IrqDslReconcilingStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {

	private final IrqDslEditor editor;
	private IDocument document;
	private IProgressMonitor monitor;

	public IrqDslReconcilingStrategy(IrqDslEditor editor) {
		this.editor = editor;
	}

	@Override
	public void setDocument(IDocument document) {
		this.document = document;
	}

	@Override
	public void setProgressMonitor(IProgressMonitor monitor) {
		this.monitor = monitor;
	}

	@Override
	public void initialReconcile() {
		reconcile();
	}

	@Override
	public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
		reconcile();
	}

	@Override
	public void reconcile(IRegion partition) {
		reconcile();
	}

	private void reconcile() {
		if (document == null) {
			return;
		}
		try {
			String text = document.get();
			Checked checked = IrqDslLanguage.check(editor.getLocation(), text);
			if (!text.equals(document.get())) {
				return; // changed meanwhile: the next reconcile reports it
			}
			IrqDslMarkers.replace(editor.getFile(), checked);
			editor.reconciled(checked.parsed());
		} catch (RuntimeException e) {
			IrqDslActivator.log("checking " + editor.getTitle() + " failed", e);
		}
	}
}
