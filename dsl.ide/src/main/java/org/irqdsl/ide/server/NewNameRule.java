package org.irqdsl.ide.server;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.Grammar;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;

/**
 * What a rename may call a declaration: what the grammar accepts where a name stands, rule
 * {@code ValidID} of IrqDsl.xtext: an {@code ID} (terminal {@code ID}: a letter or '_', then letters,
 * digits or '_'), or one of the keywords {@code ValidID} lists; any other keyword shaped like an ID
 * is reserved. Anything else would leave the file unparsable.
 */
final class NewNameRule {

	/** terminal ID of IrqDsl.xtext. */
	private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final Set<String> reserved = new TreeSet<>();

	NewNameRule(Grammar grammar) {
		for (String keyword : GrammarUtil.getAllKeywords(grammar)) {
			if (ID.matcher(keyword).matches()) {
				reserved.add(keyword);
			}
		}
		AbstractRule validId = GrammarUtil.findRuleForName(grammar, "ValidID");
		EcoreUtil2.getAllContentsOfType(validId, Keyword.class).forEach(k -> reserved.remove(k.getValue()));
	}

	/** Why {@code name} cannot be a name, or empty when it can. */
	Optional<String> problem(String name) {
		if (name == null || !ID.matcher(name).matches()) {
			return Optional.of("'" + name + "' is not a valid name: a name starts with a letter or '_' and goes on with letters, digits or '_'");
		}
		if (reserved.contains(name)) {
			return Optional.of("'" + name + "' is a keyword of the language and cannot be a name");
		}
		return Optional.empty();
	}

	Set<String> reserved() {
		return reserved;
	}
}
