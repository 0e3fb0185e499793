package org.irqdsl.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.ide.server.contentassist.ContentAssistService;
import org.eclipse.xtext.util.CancelIndicator;
import org.irqdsl.ui.IrqDslActivator;
import org.irqdsl.ui.IrqDslLanguage;
import org.irqdsl.ui.IrqDslLanguage.Parsed;

/**
 * Content assist: dsl.ide's proposals (keywords and templates, the kernel's names by where they
 * stand, cross-references to domains, platforms and devices), as the language server computes them.
 */
public class IrqDslContentAssistProcessor implements IContentAssistProcessor {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\d+):([^}]*)\\}|\\$\\{(\\d+)\\|([^,|}]*)[^}]*\\}|\\$(\\d+)");

	private final IrqDslEditor editor;
	private String error;

	public IrqDslContentAssistProcessor(IrqDslEditor editor) {
		this.editor = editor;
	}

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		error = null;
		try {
			String text = viewer.getDocument().get();
			Parsed parsed = IrqDslLanguage.parse(editor.getLocation(), text);
			return proposals(parsed, offset).toArray(ICompletionProposal[]::new);
		} catch (RuntimeException e) {
			IrqDslActivator.log("content assist failed", e);
			error = "irqdsl: no proposals here (see the error log)";
			return new ICompletionProposal[0];
		}
	}

	/** The proposals at {@code offset} of a parsed text. */
	public static List<ICompletionProposal> proposals(Parsed parsed, int offset) {
		ContentAssistService service = IrqDslLanguage.injector().getInstance(ContentAssistService.class);
		CompletionParams params = new CompletionParams(new TextDocumentIdentifier(parsed.resource().getURI().toString()),
				IrqDslLanguage.position(parsed, offset));
		CompletionList list = service.createCompletionList(parsed.document(), parsed.resource(), params, CancelIndicator.NullImpl);
		List<ICompletionProposal> result = new ArrayList<>();
		for (CompletionItem item : list.getItems()) {
			ICompletionProposal proposal = toProposal(parsed, offset, item);
			if (proposal != null) {
				result.add(proposal);
			}
		}
		return result;
	}

	private static ICompletionProposal toProposal(Parsed parsed, int offset, CompletionItem item) {
		int start = offset;
		int end = offset;
		String newText = item.getInsertText() != null ? item.getInsertText() : item.getLabel();
		if (item.getTextEdit() != null && item.getTextEdit().isLeft()) {
			TextEdit edit = item.getTextEdit().getLeft();
			start = IrqDslLanguage.offset(parsed, edit.getRange().getStart());
			end = IrqDslLanguage.offset(parsed, edit.getRange().getEnd());
			newText = edit.getNewText();
		}
		int cursor;
		if (item.getInsertTextFormat() == InsertTextFormat.Snippet) {
			StringBuilder plain = new StringBuilder();
			int firstStop = -1;
			int finalStop = -1;
			Matcher m = PLACEHOLDER.matcher(newText);
			int last = 0;
			while (m.find()) {
				plain.append(newText, last, m.start());
				String number = m.group(1) != null ? m.group(1) : m.group(3) != null ? m.group(3) : m.group(5);
				if ("0".equals(number)) {
					finalStop = plain.length();
				} else if ("1".equals(number) && firstStop < 0) {
					firstStop = plain.length();
				}
				plain.append(m.group(2) != null ? m.group(2) : m.group(4) != null ? m.group(4) : "");
				last = m.end();
			}
			plain.append(newText.substring(last));
			newText = plain.toString().replace("\\$", "$").replace("\t", "    ");
			cursor = firstStop >= 0 ? firstStop : finalStop >= 0 ? finalStop : newText.length();
		} else {
			cursor = newText.length();
		}
		String display = item.getLabel() + (item.getDetail() == null || item.getDetail().isEmpty() ? "" : " — " + item.getDetail());
		String documentation = null;
		if (item.getDocumentation() != null) {
			documentation = item.getDocumentation().isLeft() ? item.getDocumentation().getLeft() : item.getDocumentation().getRight().getValue();
		}
		if (start < 0 || end < start) {
			return null;
		}
		// while a word is being typed, punctuation that would follow it is noise (",", "}")
		if (start == end && offset > 0 && offset <= parsed.text().length() && isWordChar(parsed.text().charAt(offset - 1))
				&& (newText.isEmpty() || !isWordChar(newText.charAt(0)))) {
			return null;
		}
		return new CompletionProposal(newText, start, end - start, cursor, null, display, null, wrap(documentation, 72));
	}

	/** The additional-info pane does not wrap: break long documentation at word boundaries. */
	static String wrap(String text, int width) {
		if (text == null) {
			return null;
		}
		StringBuilder out = new StringBuilder();
		for (String paragraph : text.split("\n", -1)) {
			int column = 0;
			for (String word : paragraph.split(" ")) {
				if (column > 0 && column + 1 + word.length() > width) {
					out.append('\n');
					column = 0;
				} else if (column > 0) {
					out.append(' ');
					column++;
				}
				out.append(word);
				column += word.length();
			}
			out.append('\n');
		}
		return out.toString().stripTrailing();
	}

	private static boolean isWordChar(char c) {
		return Character.isLetterOrDigit(c) || c == '_';
	}

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return null;
	}

	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		return new char[] { '.' };
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return null;
	}

	@Override
	public String getErrorMessage() {
		return error;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}
}
