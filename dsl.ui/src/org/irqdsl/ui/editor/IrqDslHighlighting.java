package org.irqdsl.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.BadPositionCategoryException;
import org.eclipse.jface.text.DefaultPositionUpdater;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IPositionUpdater;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextPresentationListener;
import org.eclipse.jface.text.ITextViewerExtension4;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IWordDetector;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.SingleLineRule;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WordRule;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.util.CancelIndicator;
import org.irqdsl.ui.IrqDslLanguage;
import org.irqdsl.ui.IrqDslLanguage.Parsed;

/**
 * Coloring: keywords, comments and strings lexically as the text is typed; over them the semantic
 * highlighting of dsl.ide's calculator (kernel #defines as macros, enum values, domain kinds,
 * platforms, domains, buses and devices, numbers), applied after each reconcile.
 */
public class IrqDslHighlighting implements ITextPresentationListener {

	private static final String CATEGORY = "org.irqdsl.ui.semanticHighlighting";

	public static final Color KEYWORD = new Color(new RGB(127, 0, 85));
	public static final Color COMMENT = new Color(new RGB(63, 127, 95));
	public static final Color STRING = new Color(new RGB(42, 0, 255));

	/** The calculator's styles (LSP semantic token types): color and font style. */
	private static final Map<String, Object[]> STYLES = Map.of(
			"macro", new Object[] { new Color(new RGB(100, 70, 0)), SWT.BOLD },
			"enumMember", new Object[] { new Color(new RGB(0, 0, 192)), SWT.ITALIC },
			"type", new Object[] { new Color(new RGB(0, 128, 128)), SWT.BOLD },
			"class", new Object[] { new Color(new RGB(0, 0, 0)), SWT.BOLD },
			"namespace", new Object[] { new Color(new RGB(128, 64, 0)), SWT.NORMAL },
			"variable", new Object[] { new Color(new RGB(0, 64, 128)), SWT.NORMAL },
			"number", new Object[] { new Color(new RGB(0, 128, 0)), SWT.NORMAL });

	/** A semantic highlight: a position tracked by the document while the text changes. */
	public static final class Highlight extends Position {
		final String style;

		Highlight(int offset, int length, String style) {
			super(offset, length);
			this.style = style;
		}

		public String style() {
			return style;
		}
	}

	private ISourceViewer viewer;
	private IDocument document;
	private final IPositionUpdater updater = new DefaultPositionUpdater(CATEGORY);
	private List<Highlight> current = List.of();

	/** The lexical scanner of the presentation reconciler. */
	public static RuleBasedScanner lexicalScanner() {
		RuleBasedScanner scanner = new RuleBasedScanner();
		Token keyword = new Token(new TextAttribute(KEYWORD, null, SWT.BOLD));
		Token comment = new Token(new TextAttribute(COMMENT));
		Token string = new Token(new TextAttribute(STRING));
		WordRule words = new WordRule(new IWordDetector() {
			@Override
			public boolean isWordStart(char c) {
				return Character.isLetter(c) || c == '_';
			}

			@Override
			public boolean isWordPart(char c) {
				return Character.isLetterOrDigit(c) || c == '_' || c == '-';
			}
		}, Token.UNDEFINED);
		for (String k : keywords()) {
			words.addWord(k, keyword);
		}
		scanner.setRules(new IRule[] { new EndOfLineRule("//", comment), new MultiLineRule("/*", "*/", comment),
				new SingleLineRule("\"", "\"", string, '\\'), words });
		return scanner;
	}

	/** The grammar's keywords that are words (not punctuation). */
	public static Set<String> keywords() {
		Set<String> result = new TreeSet<>();
		for (String k : GrammarUtil.getAllKeywords(IrqDslLanguage.injector().getInstance(IGrammarAccess.class).getGrammar())) {
			if (!k.isEmpty() && Character.isLetter(k.charAt(0))) {
				result.add(k);
			}
		}
		return result;
	}

	public static List<Highlight> compute(Parsed parsed) {
		List<Highlight> result = new ArrayList<>();
		ISemanticHighlightingCalculator calculator = IrqDslLanguage.injector().getInstance(ISemanticHighlightingCalculator.class);
		calculator.provideHighlightingFor(parsed.resource(), (offset, length, ids) -> {
			if (ids.length > 0 && STYLES.containsKey(ids[0])) {
				result.add(new Highlight(offset, length, ids[0]));
			}
		}, CancelIndicator.NullImpl);
		return result;
	}

	public void install(ISourceViewer sourceViewer) {
		this.viewer = sourceViewer;
		if (sourceViewer instanceof ITextViewerExtension4 e) {
			e.addTextPresentationListener(this);
		}
	}

	public void uninstall() {
		if (viewer instanceof ITextViewerExtension4 e) {
			e.removeTextPresentationListener(this);
		}
		detach();
		viewer = null;
	}

	private void detach() {
		if (document != null) {
			try {
				document.removePositionUpdater(updater);
				document.removePositionCategory(CATEGORY);
			} catch (BadPositionCategoryException e) {
				// already gone
			}
			document = null;
		}
	}

	/** UI thread: new highlights for the viewer's current text. */
	public void update(List<Highlight> highlights) {
		if (viewer == null || viewer.getDocument() == null) {
			return;
		}
		if (document != viewer.getDocument()) {
			detach();
			document = viewer.getDocument();
			document.addPositionCategory(CATEGORY);
			document.addPositionUpdater(updater);
		}
		try {
			for (Highlight h : current) {
				document.removePosition(CATEGORY, h);
			}
			for (Highlight h : highlights) {
				document.addPosition(CATEGORY, h);
			}
		} catch (BadLocationException | BadPositionCategoryException e) {
			return;
		}
		current = highlights;
		viewer.invalidateTextPresentation();
	}

	public List<Highlight> current() {
		return current;
	}

	@Override
	public void applyTextPresentation(TextPresentation presentation) {
		IRegion extent = presentation.getExtent();
		int from = extent.getOffset();
		int to = from + extent.getLength();
		List<StyleRange> ranges = new ArrayList<>();
		for (Highlight h : current) {
			if (h.isDeleted() || h.getLength() == 0 || h.getOffset() + h.getLength() <= from || h.getOffset() >= to) {
				continue;
			}
			Object[] style = STYLES.get(h.style);
			StyleRange range = new StyleRange(h.getOffset(), h.getLength(), (Color) style[0], null, (Integer) style[1]);
			ranges.add(range);
		}
		if (!ranges.isEmpty()) {
			presentation.mergeStyleRanges(ranges.toArray(StyleRange[]::new));
		}
	}
}
