package org.irqdsl.validation.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.TerminalRule;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.LineAndColumn;

/**
 * A comment that suppresses findings on one line, like clang-tidy's NOLINT:
 * {@code // irqdsl-ignore(<id>, ...)} at the end of the finding's line, or
 * {@code // irqdsl-ignore-next-line(<id>, ...)} on the line before it. Text after the closing
 * parenthesis (a reason) is allowed.
 *
 * @param line the line whose findings it suppresses
 * @param ids the check ids it names, as written (empty when the comment is malformed)
 * @param malformed why the comment cannot be read, or null
 */
public record Suppression(int line, List<String> ids, String malformed, int commentLine, int commentColumn, int offset,
		int length) {

	private static final Pattern MARKER = Pattern.compile("//\\s*irqdsl-ignore(-next-line)?\\b(.*)", Pattern.DOTALL);
	private static final Pattern ARGUMENTS = Pattern.compile("\\(([^)]*)\\).*", Pattern.DOTALL);
	private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	/** The suppression comments of a parsed file, in text order. */
	public static List<Suppression> of(Resource resource) {
		if (!(resource instanceof XtextResource x) || x.getParseResult() == null) {
			return List.of();
		}
		if (!x.getParseResult().getRootNode().getText().contains("irqdsl-ignore")) {
			return List.of(); // no marker anywhere: no walk over every leaf of a large file
		}
		List<Suppression> found = new ArrayList<>();
		for (ILeafNode leaf : x.getParseResult().getRootNode().getLeafNodes()) {
			if (leaf.isHidden() && leaf.getGrammarElement() instanceof TerminalRule rule && "SL_COMMENT".equals(rule.getName())) {
				Matcher m = MARKER.matcher(leaf.getText().strip());
				if (m.matches()) {
					found.add(parse(leaf, m.group(1) != null, m.group(2)));
				}
			}
		}
		return found;
	}

	private static Suppression parse(ILeafNode comment, boolean nextLine, String rest) {
		LineAndColumn at = NodeModelUtils.getLineAndColumn(comment, comment.getOffset());
		int line = at.getLine() + (nextLine ? 1 : 0);
		int length = comment.getText().stripTrailing().length();
		Matcher args = ARGUMENTS.matcher(rest.strip());
		String form = nextLine ? "irqdsl-ignore-next-line" : "irqdsl-ignore";
		if (!args.matches()) {
			return new Suppression(line, List.of(), form + " without its check ids: expected " + form + "(<check-id>, ...)",
					at.getLine(), at.getColumn(), comment.getOffset(), length);
		}
		List<String> ids = Arrays.stream(args.group(1).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		String bad = ids.isEmpty() ? "no check id" : ids.stream().filter(id -> !ID.matcher(id).matches()).findFirst()
				.map(id -> "'" + id + "' is not a check id").orElse(null);
		return new Suppression(line, bad == null ? ids : List.of(),
				bad == null ? null : form + "(" + args.group(1).strip() + "): " + bad + "; expected " + form + "(<check-id>, ...)",
				at.getLine(), at.getColumn(), comment.getOffset(), length);
	}
}
