package org.irqdsl.resource;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.IParser;
import org.eclipse.xtext.resource.XtextSyntaxDiagnostic;
import org.irqdsl.parser.IrqDslSyntaxErrorMessageProvider;

/**
 * Finds every syntax error of a text. ANTLR recovers from an error by skipping tokens up to one
 * that may follow the rule it was in: at the top level that is the end of the file, inside a block
 * it can be the end of the block, so errors in what it skipped are never reported, and it may
 * report a cascade instead (a {@code device} "out of place" after a device line whose recovery
 * closed the bus). So, error by error from the first: keep the error, blank its line (when the
 * line's braces balance, removing it keeps the block structure) or, at the top level, the text up
 * to the next line starting with {@code platform} or {@code scenario}, keeping line breaks so that
 * every position stays the same, and parse again; within a budget of re-parses. The errors are the
 * kept ones and those of the last parse.
 */
final class SyntaxRecovery {

	/** At most this many re-parses of a text to find its syntax errors. */
	static final int MAX_REPARSES = 100;

	/**
	 * ... and at most this many characters parsed for it in all: about 14 re-parses of a
	 * 10,000-device file (600 KB, ~40 ms each), since every host, the language server too, runs
	 * this on every change; a small file still gets its 100.
	 */
	static final long REPARSE_BUDGET_CHARS = 8L << 20;

	private static final Pattern RESUME_AT = Pattern.compile("(?m)^[ \\t]*(platform|scenario)\\b");

	private final IParser parser;
	private final ParserRule entryPoint;

	SyntaxRecovery(IParser parser, ParserRule entryPoint) {
		this.parser = parser;
		this.entryPoint = entryPoint;
	}

	/** The syntax errors of the text {@code real} is the parse of, as resource diagnostics. */
	List<Resource.Diagnostic> errors(IParseResult real) {
		List<Resource.Diagnostic> kept = new ArrayList<>();
		IParseResult result = real;
		String current = real.getRootNode().getText();
		int done = 0; // errors before this offset have been kept, their text blanked
		long parsed = 0;
		for (int parses = 1;; parses++) {
			if (parses > 1) {
				result = entryPoint == null ? parser.parse(new StringReader(current)) : parser.parse(entryPoint, new StringReader(current));
			}
			parsed += current.length();
			List<XtextSyntaxDiagnostic> errors = errorsOf(result);
			XtextSyntaxDiagnostic first = firstAtOrAfter(errors, done);
			if (first == null || parses > MAX_REPARSES || parsed + current.length() > REPARSE_BUDGET_CHARS) {
				return finish(kept, errors, result == real);
			}
			int from = Math.min(first.getOffset(), current.length());
			int lineStart = lineStart(current, from);
			int lineEnd = lineEnd(current, from);
			String message = first.getMessage();
			int blankFrom;
			int blankTo;
			if (IrqDslSyntaxErrorMessageProvider.TOP_LEVEL.equals(first.getCode())) {
				Matcher next = RESUME_AT.matcher(current);
				if (!next.find(Math.min(from + Math.max(first.getLength(), 1), current.length()))) {
					return finish(kept, errors, result == real);
				}
				blankFrom = from;
				blankTo = next.start(1);
				message += "; skipped to line " + lineOf(current, blankTo);
			} else if (!current.substring(lineStart, lineEnd).isBlank() && balanced(current, lineStart, lineEnd)) {
				blankFrom = lineStart;
				blankTo = lineEnd;
			} else {
				return finish(kept, errors, result == real);
			}
			kept.add(new FixedSyntaxDiagnostic(first, message, Diagnostic.SYNTAX_DIAGNOSTIC));
			current = blank(current, blankFrom, blankTo);
			done = Math.max(blankTo, from + 1);
		}
	}

	/**
	 * The kept errors and those of the last parse; an error after which the parser skipped the rest
	 * of the file says so. The last parse's node model is dropped unless it is the real text's.
	 */
	private static List<Resource.Diagnostic> finish(List<Resource.Diagnostic> kept, List<XtextSyntaxDiagnostic> last, boolean real) {
		List<Resource.Diagnostic> result = new ArrayList<>(kept);
		for (XtextSyntaxDiagnostic d : last) {
			if (IrqDslSyntaxErrorMessageProvider.TOP_LEVEL.equals(d.getCode())) {
				result.add(new FixedSyntaxDiagnostic(d, d.getMessage() + "; the rest of the file is not checked", d.getCode()));
			} else {
				result.add(real ? d : new FixedSyntaxDiagnostic(d, d.getMessage(), d.getCode()));
			}
		}
		return result;
	}

	private static List<XtextSyntaxDiagnostic> errorsOf(IParseResult result) {
		List<XtextSyntaxDiagnostic> errors = new ArrayList<>();
		for (INode node : result.getSyntaxErrors()) {
			errors.add(new XtextSyntaxDiagnostic(node));
		}
		return errors;
	}

	/** The syntax error with the smallest offset at or after {@code from}. */
	private static XtextSyntaxDiagnostic firstAtOrAfter(List<XtextSyntaxDiagnostic> errors, int from) {
		XtextSyntaxDiagnostic first = null;
		for (XtextSyntaxDiagnostic d : errors) {
			if (d.getOffset() >= from && (first == null || d.getOffset() < first.getOffset())) {
				first = d;
			}
		}
		return first;
	}

	/** The line of an offset, counting line breaks as the node model and LSP do: LF, CR LF and a lone CR. */
	private static int lineOf(String text, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
				line++;
			}
		}
		return line;
	}

	private static int lineStart(String text, int offset) {
		int i = Math.min(offset, text.length());
		while (i > 0 && text.charAt(i - 1) != '\n' && text.charAt(i - 1) != '\r') {
			i--;
		}
		return i;
	}

	private static int lineEnd(String text, int offset) {
		int i = offset;
		while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
			i++;
		}
		return i;
	}

	/** Whether the braces of a line balance, outside strings and comments. */
	static boolean balanced(String text, int from, int to) {
		int depth = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c == '"') {
				for (i++; i < to && text.charAt(i) != '"'; i++) {
					if (text.charAt(i) == '\\') {
						i++;
					}
				}
			} else if (c == '/' && i + 1 < to && text.charAt(i + 1) == '/') {
				break;
			} else if (c == '{') {
				depth++;
			} else if (c == '}') {
				if (--depth < 0) {
					return false;
				}
			}
		}
		return depth == 0;
	}

	/** The text with [from, to) replaced by spaces, line breaks kept. */
	private static String blank(String text, int from, int to) {
		StringBuilder b = new StringBuilder(text);
		for (int i = from; i < to; i++) {
			char c = b.charAt(i);
			if (c != '\n' && c != '\r') {
				b.setCharAt(i, ' ');
			}
		}
		return b.toString();
	}
}
