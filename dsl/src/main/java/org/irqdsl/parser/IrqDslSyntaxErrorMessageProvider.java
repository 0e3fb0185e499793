package org.irqdsl.parser;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.antlr.runtime.MismatchedTokenException;
import org.antlr.runtime.MissingTokenException;
import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenStream;
import org.antlr.runtime.UnwantedTokenException;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.AbstractElement;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.Action;
import org.eclipse.xtext.Alternatives;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.EnumLiteralDeclaration;
import org.eclipse.xtext.EnumRule;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Group;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.TerminalRule;
import org.eclipse.xtext.UnorderedGroup;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

/**
 * Syntax error messages that say what was expected, in the words of the language, instead of
 * ANTLR's "no viable alternative at input 'x'" or "mismatched input 'x' expecting RULE_STRING":
 * {@code expected 'lost-interrupt', 'spurious-interrupt', ... after 'no', found 'lost'}.
 * <p>
 * The expected set is computed from the grammar and the node model the parser has built so far:
 * the last element the current rule consumed, and what the grammar allows after it (climbing to
 * the calling rules while the rest of a rule may be empty). The position of the error is the
 * parser's; only the message changes. Bound by the runtime module, so every host (command line,
 * language server, Eclipse) shows the same messages. The issue code {@link #TOP_LEVEL} marks the
 * error after which the parser skipped the rest of the file, where
 * {@link org.irqdsl.resource.SyntaxRecovery} resumes parsing.
 */
public class IrqDslSyntaxErrorMessageProvider extends SyntaxErrorMessageProvider {

	/**
	 * Issue code of a syntax error after which the parser gave up on the rest of the file: a token
	 * at the top level that starts no platform or scenario (the grammar's {@code elements+=TopLevel*}
	 * then expects the end of the file, and ANTLR skips everything to it).
	 */
	public static final String TOP_LEVEL = "org.irqdsl.syntax.topLevel";

	private static final int MAX_ITEMS = 12;

	private static final Pattern LEXER_NO_VIABLE = Pattern.compile("no viable alternative at character '(.*)'", Pattern.DOTALL);
	private static final Pattern LEXER_MISMATCH = Pattern.compile("mismatched character '(.*)' expecting '(.*)'", Pattern.DOTALL);

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
		try {
			RecognitionException e = context.getRecognitionException();
			if (e == null) {
				return new SyntaxErrorMessage(lexerMessage(context.getDefaultMessage()), org.eclipse.xtext.diagnostics.Diagnostic.SYNTAX_DIAGNOSTIC);
			}
			Token found = e.token;
			List<String> expected = expected(context.getCurrentNode());
			if (expected.isEmpty() && e instanceof MismatchedTokenException m) {
				expected = List.of(tokenName(m.expecting, context.getTokenNames()));
			}
			boolean topLevel = e instanceof MismatchedTokenException m && m.expecting == Token.EOF;
			StringBuilder message = new StringBuilder();
			if (expected.isEmpty()) {
				message.append("unexpected ").append(describe(found));
			} else {
				message.append("expected ").append(join(expected));
				String previous = previous(e, context.getTokenNames());
				if (previous != null) {
					message.append(" after ").append(previous);
				}
				message.append(", found ").append(describe(found));
			}
			return new SyntaxErrorMessage(message.toString(),
					topLevel ? TOP_LEVEL : org.eclipse.xtext.diagnostics.Diagnostic.SYNTAX_DIAGNOSTIC);
		} catch (RuntimeException broken) {
			// a message must never break parsing: fall back to ANTLR's own
			return super.getSyntaxErrorMessage(context);
		}
	}

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IValueConverterErrorContext context) {
		SyntaxErrorMessage standard = super.getSyntaxErrorMessage(context);
		ValueConverterException e = context.getValueConverterException();
		if (e != null && e.getNode() != null && e.getNode().getText().isBlank() && e.getMessage() != null) {
			// the parser inserted the missing token: say what stands there instead
			return new SyntaxErrorMessage(e.getMessage() + ", found " + next(e.getNode()), standard.getIssueCode(),
					standard.getIssueData());
		}
		if (e != null && e.getCause() instanceof NumberFormatException && e.getNode() != null) {
			String text = e.getNode().getText().trim();
			return new SyntaxErrorMessage("number " + text + " is too large (at most " + Integer.MAX_VALUE + ")",
					standard.getIssueCode(), standard.getIssueData());
		}
		return standard;
	}

	/** The text that follows a node, up to the next white space, as a message names it. */
	private static String next(INode node) {
		String text = node.getRootNode().getText();
		int i = node.getOffset();
		while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		if (i >= text.length()) {
			return "end of file";
		}
		int end = i;
		while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && end - i < 40) {
			end++;
		}
		return "'" + text.substring(i, end) + "'";
	}

	/** Lexer messages: an unclosed string or comment, a stray character. */
	static String lexerMessage(String message) {
		if (message == null) {
			return "unexpected character";
		}
		Matcher viable = LEXER_NO_VIABLE.matcher(message);
		if (viable.matches()) {
			return unexpectedCharacter(viable.group(1));
		}
		Matcher m = LEXER_MISMATCH.matcher(message);
		if (!m.matches()) {
			return message;
		}
		String found = m.group(1);
		String expecting = m.group(2);
		boolean eof = found.equals("<EOF>") || found.equals("\\uFFFF");
		if (expecting.equals("\"")) {
			return "string not closed: expected '\"' before the end of the " + (eof ? "file" : "line");
		}
		if (expecting.equals("*") || expecting.equals("/") || expecting.equals("*/")) {
			return "comment not closed: expected '*/' before the end of the file";
		}
		if (expecting.startsWith("set ")) {
			return unexpectedCharacter(found);
		}
		return "unexpected " + (eof ? "end of file" : "character '" + found + "'") + ": expected '" + expecting + "'";
	}

	private static String unexpectedCharacter(String found) {
		return found.equals("<EOF>") || found.equals("\\uFFFF") ? "unexpected end of file" : "unexpected character '" + found + "'";
	}

	/** The token as the message names it. */
	static String describe(Token token) {
		if (token == null || token.getType() == Token.EOF || token.getText() == null) {
			return "end of file";
		}
		String text = token.getText();
		if (text.length() > 40) {
			text = text.substring(0, 37) + "...";
		}
		return "'" + text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "'";
	}

	/** The last token before the offending one that is not white space or a comment. */
	private static String previous(RecognitionException e, String[] tokenNames) {
		if (!(e.input instanceof TokenStream tokens) || e.token == null) {
			return null;
		}
		int index = e.token.getTokenIndex();
		if (index < 0) {
			index = e.index;
		}
		for (int i = index - 1; i >= 0 && i < tokens.size(); i--) {
			Token t = tokens.get(i);
			if (t.getChannel() == Token.DEFAULT_CHANNEL && !hidden(t, tokenNames)) {
				return describe(t);
			}
		}
		return null;
	}

	private static boolean hidden(Token t, String[] tokenNames) {
		String name = t.getType() >= 0 && tokenNames != null && t.getType() < tokenNames.length ? tokenNames[t.getType()] : "";
		return name.equals("RULE_WS") || name.equals("RULE_SL_COMMENT") || name.equals("RULE_ML_COMMENT");
	}

	private static String tokenName(int type, String[] tokenNames) {
		if (type == Token.EOF) {
			return "end of file";
		}
		String name = tokenNames != null && type >= 0 && type < tokenNames.length ? tokenNames[type] : null;
		if (name == null) {
			return "something else";
		}
		if (name.startsWith("RULE_")) {
			return terminal(name.substring(5));
		}
		return name;
	}

	static String join(List<String> items) {
		if (items.size() == 1) {
			return items.get(0);
		}
		List<String> shown = items.size() > MAX_ITEMS ? items.subList(0, MAX_ITEMS) : items;
		String head = String.join(", ", shown.subList(0, shown.size() - 1));
		return items.size() > MAX_ITEMS ? head + ", " + shown.get(shown.size() - 1) + " or " + (items.size() - MAX_ITEMS) + " more"
				: head + " or " + shown.get(shown.size() - 1);
	}

	/** How a terminal rule reads in a message. */
	private static String terminal(String name) {
		return switch (name) {
		case "ID" -> "a name";
		case "INT" -> "a number";
		case "HEX" -> "a hex number (0x...)";
		case "STRING" -> "a string in double quotes";
		default -> name.toLowerCase().replace('_', ' ');
		};
	}

	/** How a datatype rule (a name, a number) reads in a message. */
	private static String datatype(AbstractRule rule) {
		return switch (rule.getName()) {
		case "ValidID" -> "a name";
		case "KernelName" -> "a kernel name (e.g. MSI_FLAG_PCI_MSIX)";
		case "Number" -> "a number (decimal or 0x hex)";
		default -> rule instanceof TerminalRule ? terminal(rule.getName())
				: "a " + rule.getName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
		};
	}

	// -------------------------------------------------------------------------------------------
	// The expected set: FIRST/FOLLOW over the Xtext grammar, positioned by the node model
	// -------------------------------------------------------------------------------------------

	/** What the grammar accepts at the point the parser stands in {@code current}, in grammar order. */
	static List<String> expected(INode current) {
		if (!(current instanceof ICompositeNode start)) {
			return List.of();
		}
		Expected x = new Expected();
		ICompositeNode node = start;
		continuations(node, x);
		List<AbstractElement> after = lastConsumed(node);
		while (true) {
			AbstractRule rule = ruleOf(node);
			if (rule == null) {
				return x.list();
			}
			boolean reachesEnd = false;
			if (after.isEmpty()) {
				reachesEnd = x.startOf(rule);
			}
			for (AbstractElement e : after) {
				reachesEnd |= x.follow(e);
			}
			if (!reachesEnd) {
				return x.list();
			}
			ICompositeNode parent = node.getParent();
			if (parent == null || node.getGrammarElement() instanceof AbstractRule) {
				// the entry rule (its node carries the rule itself, under the root node)
				x.items.add("end of file");
				return x.list();
			}
			after = callsOf(node, parent);
			if (after.isEmpty()) {
				return x.list();
			}
			node = parent;
		}
	}

	/**
	 * What could have continued the rule calls that ended just before the error, innermost first:
	 * after {@code msi count 1 maskable}, the parser has left the MSI capability, but 'maskable' and
	 * '64-bit' would still have been read there.
	 */
	private static void continuations(ICompositeNode node, Expected x) {
		INode last = null;
		for (INode child : node.getChildren()) {
			if (!(child instanceof ILeafNode leaf && leaf.isHidden()) && child.getGrammarElement() != null) {
				last = child;
			}
		}
		if (last instanceof ICompositeNode completed) {
			List<AbstractElement> inner = lastConsumed(completed);
			if (!inner.isEmpty()) {
				continuations(completed, x);
				inner.forEach(x::follow);
			}
		}
	}

	/** The rule a composite node is parsing. */
	private static AbstractRule ruleOf(ICompositeNode node) {
		EObject element = node.getGrammarElement();
		if (element instanceof RuleCall call) {
			return call.getRule();
		}
		if (element instanceof AbstractRule rule) {
			return rule;
		}
		if (element instanceof AbstractElement e) {
			return GrammarUtil.containingRule(e);
		}
		return null;
	}

	/**
	 * The element(s) of the parent's rule that called the rule of {@code node}: the node's rule
	 * call, or, for a rule that starts with an action ({@code {MsiCapability} 'msi' ...}, whose node
	 * carries the action), every call of that rule in the parent's rule.
	 */
	private static List<AbstractElement> callsOf(ICompositeNode node, ICompositeNode parent) {
		EObject element = node.getGrammarElement();
		if (element instanceof RuleCall call) {
			return List.of(call);
		}
		if (element instanceof Action action) {
			AbstractRule called = GrammarUtil.containingRule(action);
			AbstractRule caller = ruleOf(parent);
			if (caller == called) {
				return List.of(action);
			}
			List<AbstractElement> calls = new ArrayList<>();
			if (caller != null) {
				for (RuleCall call : EcoreUtil2.getAllContentsOfType(caller, RuleCall.class)) {
					if (call.getRule() == called) {
						calls.add(call);
					}
				}
			}
			return calls;
		}
		return List.of();
	}

	/** The grammar element(s) of the last child the rule consumed, skipping white space, comments and skipped tokens. */
	private static List<AbstractElement> lastConsumed(ICompositeNode node) {
		List<INode> children = new ArrayList<>();
		for (INode child : node.getChildren()) {
			children.add(child);
		}
		for (int i = children.size() - 1; i >= 0; i--) {
			INode child = children.get(i);
			if (child instanceof ILeafNode leaf && leaf.isHidden()) {
				continue;
			}
			if (child instanceof ICompositeNode composite && child.getGrammarElement() instanceof Action) {
				return callsOf(composite, node);
			}
			if (child.getGrammarElement() instanceof AbstractElement e) {
				return List.of(e);
			}
		}
		return List.of();
	}

	private static final class Expected {
		final Set<String> items = new LinkedHashSet<>();
		private final Set<AbstractRule> visiting = new HashSet<>();

		List<String> list() {
			return new ArrayList<>(items);
		}

		/** At the start of {@code rule}; true when the rule may be empty. */
		boolean startOf(AbstractRule rule) {
			if (rule instanceof TerminalRule || GrammarUtil.isDatatypeRule(rule)) {
				items.add(datatype(rule));
				return false;
			}
			return first(rule.getAlternatives());
		}

		/** After {@code element} was consumed; true when the end of its rule may come next. */
		boolean follow(AbstractElement element) {
			AbstractElement current = element;
			while (true) {
				if (GrammarUtil.isMultipleCardinality(current)) {
					first(current);
				}
				EObject container = current.eContainer();
				if (container instanceof Group group) {
					List<AbstractElement> elements = group.getElements();
					for (int i = elements.indexOf(current) + 1; i < elements.size(); i++) {
						if (!first(elements.get(i))) {
							return false;
						}
					}
				} else if (container instanceof UnorderedGroup group) {
					for (AbstractElement other : group.getElements()) {
						if (other != current) {
							first(other);
						}
					}
				}
				if (!(container instanceof AbstractElement parent)) {
					return true;
				}
				current = parent;
			}
		}

		/** Adds what {@code element} can start with; true when it may be empty. */
		boolean first(AbstractElement element) {
			return firstIgnoringCardinality(element) || GrammarUtil.isOptionalCardinality(element);
		}

		private boolean firstIgnoringCardinality(AbstractElement element) {
			if (element instanceof Keyword k) {
				items.add("'" + k.getValue() + "'");
				return false;
			}
			if (element instanceof EnumLiteralDeclaration literal) {
				items.add("'" + literal.getLiteral().getValue() + "'");
				return false;
			}
			if (element instanceof RuleCall call) {
				return firstOfRule(call.getRule());
			}
			if (element instanceof Assignment a) {
				return first(a.getTerminal());
			}
			if (element instanceof CrossReference c) {
				return first(c.getTerminal());
			}
			if (element instanceof Action) {
				return true;
			}
			if (element instanceof Alternatives alternatives) {
				boolean empty = false;
				for (AbstractElement e : alternatives.getElements()) {
					empty |= first(e);
				}
				return empty;
			}
			if (element instanceof UnorderedGroup group) {
				boolean empty = true;
				for (AbstractElement e : group.getElements()) {
					empty &= first(e);
				}
				return empty;
			}
			if (element instanceof Group group) {
				for (AbstractElement e : group.getElements()) {
					if (!first(e)) {
						return false;
					}
				}
				return true;
			}
			return false;
		}

		private boolean firstOfRule(AbstractRule rule) {
			if (rule instanceof TerminalRule || (rule instanceof ParserRule && GrammarUtil.isDatatypeRule(rule))) {
				items.add(datatype(rule));
				return false;
			}
			if (rule instanceof EnumRule) {
				return first(rule.getAlternatives());
			}
			if (!visiting.add(rule)) {
				return false;
			}
			try {
				return first(rule.getAlternatives());
			} finally {
				visiting.remove(rule);
			}
		}
	}
}
