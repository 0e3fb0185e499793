package org.irqdsl.ui.editor;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.texteditor.ITextEditorActionConstants;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.eclipse.xtext.util.CancelIndicator;
import org.irqdsl.ui.IrqDslActivator;
import org.irqdsl.ui.IrqDslLanguage;
import org.irqdsl.ui.IrqDslLanguage.Parsed;

/**
 * The editor of {@code .irqdsl} files: a text editor whose services (checks, completion, hover,
 * outline, hyperlinks, formatting, quick fixes) are dsl.ide's, called in-process.
 */
public class IrqDslEditor extends TextEditor {

	public static final String ID = "org.irqdsl.ui.editor";
	public static final String CONTEXT_ID = "org.irqdsl.ui.editorContext";

	private IrqDslOutlinePage outline;
	private final IrqDslHighlighting highlighting = new IrqDslHighlighting();
	private volatile Parsed lastParsed;
	private volatile long reconciles;

	public IrqDslEditor() {
		setSourceViewerConfiguration(new IrqDslSourceViewerConfiguration(this));
	}

	@Override
	protected void initializeKeyBindingScopes() {
		setKeyBindingScopes(new String[] { CONTEXT_ID });
	}

	@Override
	public void createPartControl(org.eclipse.swt.widgets.Composite parent) {
		super.createPartControl(parent);
		highlighting.install(getSourceViewer());
	}

	@Override
	protected void editorContextMenuAboutToShow(IMenuManager menu) {
		super.editorContextMenuAboutToShow(menu);
		menu.appendToGroup(ITextEditorActionConstants.GROUP_EDIT, new org.eclipse.jface.action.Action("Format") {
			@Override
			public void run() {
				format();
			}
		});
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		if (IContentOutlinePage.class.equals(adapter)) {
			if (outline == null) {
				outline = new IrqDslOutlinePage(this);
				if (lastParsed != null) {
					outline.update(lastParsed);
				}
			}
			return adapter.cast(outline);
		}
		return super.getAdapter(adapter);
	}

	@Override
	public void dispose() {
		IFile file = getFile();
		highlighting.uninstall();
		super.dispose();
		if (IrqDslActivator.getDefault() != null && IrqDslActivator.getDefault().getChecker() != null) {
			IrqDslActivator.getDefault().getChecker().recheck(file);
		}
	}

	/** The file being edited, when it is in the workspace. */
	public IFile getFile() {
		IEditorInput input = getEditorInput();
		return input instanceof IFileEditorInput f ? f.getFile() : null;
	}

	/** Where the file is on disk (siblings there are visible to references), or null. */
	public Path getLocation() {
		IFile file = getFile();
		if (file != null) {
			IPath location = file.getLocation();
			return location == null ? null : location.toPath();
		}
		IEditorInput input = getEditorInput();
		if (input instanceof IURIEditorInput u && "file".equals(u.getURI().getScheme())) {
			return Path.of(u.getURI());
		}
		return null;
	}

	public IDocument getDocument() {
		return getDocumentProvider() == null ? null : getDocumentProvider().getDocument(getEditorInput());
	}

	/** Parses the document's current text (any thread). */
	public Parsed parse() {
		IDocument document = getDocument();
		return IrqDslLanguage.parse(getLocation(), document == null ? "" : document.get());
	}

	/** The last reconciled parse (set by the reconciler after each change), or null before the first. */
	public Parsed getLastParsed() {
		return lastParsed;
	}

	/** How many times the reconciler has checked the text (tests wait for it). */
	public long getReconcileCount() {
		return reconciles;
	}

	/** Called by the reconciler, off the UI thread, with the checked text. */
	void reconciled(Parsed parsed) {
		lastParsed = parsed;
		List<IrqDslHighlighting.Highlight> highlights = IrqDslHighlighting.compute(parsed);
		Display display = getSite() == null ? null : getSite().getShell().getDisplay();
		if (display == null || display.isDisposed()) {
			return;
		}
		display.asyncExec(() -> {
			if (getSourceViewer() == null || getSourceViewer().getTextWidget() == null || getSourceViewer().getTextWidget().isDisposed()) {
				return;
			}
			IDocument document = getDocument();
			if (document != null && document.get().equals(parsed.text())) {
				highlighting.update(highlights);
			}
			if (outline != null) {
				outline.update(parsed);
			}
			reconciles++;
		});
	}

	/** Formats the whole document with the language's formatter (dsl's formatting2, via the ide FormattingService). */
	public void format() {
		IDocument document = getDocument();
		if (document == null) {
			return;
		}
		try {
			IrqDslFormatting.format(document, IrqDslLanguage.parse(getLocation(), document.get()));
		} catch (BadLocationException | RuntimeException e) {
			IrqDslActivator.log("formatting failed", e);
		}
	}

	static CancelIndicator never() {
		return CancelIndicator.NullImpl;
	}
}
