package org.irqdsl.ui.editor;

import java.util.List;

import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;
import org.eclipse.xtext.ide.server.symbol.HierarchicalDocumentSymbolService;
import org.eclipse.xtext.util.CancelIndicator;
import org.irqdsl.ui.IrqDslLanguage;
import org.irqdsl.ui.IrqDslLanguage.Parsed;

/** The outline: dsl.ide's document symbols (platforms, domains, buses, devices, scenarios). */
public class IrqDslOutlinePage extends ContentOutlinePage {

	private final IrqDslEditor editor;
	private Parsed parsed;
	private List<DocumentSymbol> symbols = List.of();

	public IrqDslOutlinePage(IrqDslEditor editor) {
		this.editor = editor;
	}

	public static List<DocumentSymbol> symbols(Parsed parsed) {
		return IrqDslLanguage.injector().getInstance(HierarchicalDocumentSymbolService.class).getSymbols(parsed.resource(),
				CancelIndicator.NullImpl);
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		TreeViewer viewer = getTreeViewer();
		viewer.setContentProvider(new ITreeContentProvider() {
			@Override
			public Object[] getElements(Object input) {
				return symbols.toArray();
			}

			@Override
			public Object[] getChildren(Object element) {
				List<DocumentSymbol> children = ((DocumentSymbol) element).getChildren();
				return children == null ? new Object[0] : children.toArray();
			}

			@Override
			public Object getParent(Object element) {
				return null;
			}

			@Override
			public boolean hasChildren(Object element) {
				List<DocumentSymbol> children = ((DocumentSymbol) element).getChildren();
				return children != null && !children.isEmpty();
			}
		});
		viewer.setLabelProvider(new LabelProvider() {
			@Override
			public String getText(Object element) {
				DocumentSymbol s = (DocumentSymbol) element;
				return s.getName() + (s.getDetail() == null || s.getDetail().isEmpty() ? "" : " : " + s.getDetail());
			}
		});
		viewer.addSelectionChangedListener(event -> {
			Object first = ((IStructuredSelection) event.getSelection()).getFirstElement();
			if (first instanceof DocumentSymbol s && parsed != null) {
				int start = IrqDslLanguage.offset(parsed, s.getSelectionRange().getStart());
				int end = IrqDslLanguage.offset(parsed, s.getSelectionRange().getEnd());
				editor.selectAndReveal(start, end - start);
			}
		});
		viewer.setInput(symbols);
		viewer.expandAll();
	}

	/** UI thread: shows the symbols of a new parse. */
	public void update(Parsed newParsed) {
		this.parsed = newParsed;
		this.symbols = symbols(newParsed);
		TreeViewer viewer = getTreeViewer();
		if (viewer != null && !viewer.getControl().isDisposed()) {
			viewer.setInput(symbols);
			viewer.expandAll();
		}
	}

	public List<DocumentSymbol> getSymbols() {
		return symbols;
	}
}
