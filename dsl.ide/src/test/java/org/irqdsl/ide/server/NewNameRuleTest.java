package org.irqdsl.ide.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.irqdsl.IrqDslStandaloneSetup;
import org.irqdsl.services.IrqDslGrammarAccess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** New names follow rule ValidID of IrqDsl.xtext. */
class NewNameRuleTest {

	static NewNameRule rule;

	@BeforeAll
	static void grammar() {
		rule = new NewNameRule(new IrqDslStandaloneSetup().createInjectorAndDoEMFRegistration().getInstance(IrqDslGrammarAccess.class)
				.getGrammar());
	}

	@Test
	void identifiersAreNames() {
		assertThat(rule.problem("nvme0")).isEmpty();
		assertThat(rule.problem("_x")).isEmpty();
		assertThat(rule.problem("X86_noremap")).isEmpty();
	}

	@Test
	void keywordsValidIdListsAreNames() {
		assertThat(rule.problem("vector")).isEmpty();
		assertThat(rule.problem("platform")).isEmpty();
		assertThat(rule.reserved()).doesNotContain("vector", "domain", "msi", "request_irq");
	}

	@Test
	void otherKeywordsAreReserved() {
		assertThat(rule.reserved()).contains("deadlock");
		assertThat(rule.problem("deadlock")).hasValueSatisfying(p -> assertThat(p).contains("keyword"));
	}

	@Test
	void whatIsNotAnIdIsNoName() {
		for (String bad : new String[] { "a b{", "", "0abc", "msi-x", "a.b", "é", " zz" }) {
			assertThat(rule.problem(bad)).as(bad).hasValueSatisfying(p -> assertThat(p).contains("is not a valid name"));
		}
		assertThat(rule.problem(null)).isPresent();
	}
}
