package org.irqdsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ParserRule;
import org.irqdsl.services.IrqDslGrammarAccess;
import org.junit.jupiter.api.Test;

/**
 * The grammar's keywords are the one list: the VS Code TextMate grammar highlights every one of
 * them, and every one-word keyword can also be a name (rule ValidID), so adding a keyword never
 * breaks a file that used that word as a name.
 */
class KeywordsTest {

	private static final IrqDslGrammarAccess GRAMMAR = new IrqDslStandaloneSetup().createInjectorAndDoEMFRegistration()
			.getInstance(IrqDslGrammarAccess.class);

	/** Property names after `expect` are not names of anything. */
	private static final Set<String> NOT_NAMES = Set.of("deadlock");

	private static Set<String> keywords() {
		Set<String> out = new TreeSet<>();
		for (String k : GrammarUtil.getAllKeywords(GRAMMAR.getGrammar())) {
			if (k.matches("[a-z][a-z0-9_-]*") && !inTerminal(k)) {
				out.add(k);
			}
		}
		return out;
	}

	/** Characters of terminal rules ('a'..'z', '0x') are not keywords. */
	private static boolean inTerminal(String k) {
		return k.length() == 1 || k.equals("0x");
	}

	@Test
	void theTextMateGrammarHighlightsEveryKeyword() throws Exception {
		String tm = Files.readString(Path.of("../vscode/syntaxes/irqdsl.tmLanguage.json"));
		List<String> missing = keywords().stream()
				.filter(k -> !Pattern.compile("[|(]" + Pattern.quote(k) + "[|)]").matcher(tm).find()).toList();
		assertThat(missing).as("keywords of IrqDsl.xtext missing from vscode/syntaxes/irqdsl.tmLanguage.json").isEmpty();
	}

	@Test
	void everyOneWordKeywordIsAlsoAValidName() {
		ParserRule validId = GRAMMAR.getValidIDRule();
		Set<String> names = new TreeSet<>();
		GrammarUtil.containedKeywords(validId).stream().map(Keyword::getValue).forEach(names::add);
		List<String> missing = keywords().stream().filter(k -> !k.contains("-") && !names.contains(k))
				.filter(k -> !NOT_NAMES.contains(k)).toList();
		assertThat(missing).as("one-word keywords that rule ValidID does not accept as names").isEmpty();
	}
}
