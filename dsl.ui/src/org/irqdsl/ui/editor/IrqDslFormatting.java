package org.irqdsl.ui.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.ide.server.formatting.FormattingService;
import org.eclipse.xtext.util.CancelIndicator;
import org.irqdsl.ui.IrqDslLanguage;
import org.irqdsl.ui.IrqDslLanguage.Parsed;

/** Formatting through dsl.ide's FormattingService (the dsl module's formatter). */
public final class IrqDslFormatting {

	private IrqDslFormatting() {
	}

	/** Applies the formatter's edits to {@code document}, which holds {@code parsed}'s text. */
	public static void format(IDocument document, Parsed parsed) throws BadLocationException {
		if (parsed.resource().getParseResult() == null || parsed.resource().getParseResult().hasSyntaxErrors()) {
			return; // like the language server: a file with syntax errors is not formatted
		}
		FormattingService service = IrqDslLanguage.injector().getInstance(FormattingService.class);
		DocumentFormattingParams params = new DocumentFormattingParams(
				new TextDocumentIdentifier(parsed.resource().getURI().toString()), new FormattingOptions(4, true));
		List<int[]> ranges = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		for (TextEdit edit : service.format(parsed.document(), parsed.resource(), params, CancelIndicator.NullImpl)) {
			int start = IrqDslLanguage.offset(parsed, edit.getRange().getStart());
			int end = IrqDslLanguage.offset(parsed, edit.getRange().getEnd());
			ranges.add(new int[] { start, end, texts.size() });
			texts.add(edit.getNewText());
		}
		ranges.sort(Comparator.comparingInt((int[] r) -> r[0]).reversed());
		for (int[] r : ranges) {
			document.replace(r[0], r[1] - r[0], texts.get(r[2]));
		}
	}
}
