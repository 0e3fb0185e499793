package org.irqdsl.validation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.xtext.diagnostics.Severity;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.CheckKind;
import org.irqdsl.validation.CheckReporter;
import org.irqdsl.validation.IrqDslChecks;
import org.junit.jupiter.api.Test;

/** Which checks the runner runs: off ones never, prerequisites first, nothing after a failed prerequisite. */
class CheckRunnerTest {

	private static CheckInfo info(String id, Severity severity, String... prerequisites) {
		return new CheckInfo(id, severity, id, "test", "test", CheckKind.PLATFORM, List.of(prerequisites));
	}

	private final List<String> ran = new ArrayList<>();
	private final List<String> reported = new ArrayList<>();

	private CheckRunner.Check check(CheckInfo info, boolean findsSomething) {
		Consumer<CheckReporter> body = reporter -> {
			ran.add(info.id());
			if (findsSomething) {
				reporter.report(info, info.id() + " found", null, null);
			}
		};
		return new CheckRunner.Check(info, List.of(info), body);
	}

	private final CheckReporter out = (check, severity, message, source, feature, index) -> reported
			.add(check.id() + ":" + IrqDslChecks.label(severity));

	private static FilePolicy configured(Map<String, Severity> settings) {
		return FilePolicy.of(new CheckConfig(null, settings, List.of()), SeverityPolicy.NONE);
	}

	@Test
	void aCheckThatIsOffDoesNotRun() {
		CheckInfo off = info("a", Severity.ERROR);
		CheckRunner.Check throwing = new CheckRunner.Check(off, List.of(off), reporter -> {
			throw new AssertionError("a check that is off ran");
		});
		CheckRunner.Check other = check(info("b", Severity.WARNING), true);
		new CheckRunner().run(List.of(throwing, other), List.of(throwing, other), configured(Map.of("a", Severity.IGNORE)), out);
		assertThat(ran).containsExactly("b");
		assertThat(reported).containsExactly("b:warning");
	}

	@Test
	void aFailedPrerequisiteStopsItsDependentsTransitively() {
		CheckRunner.Check walk = check(info("walk", Severity.WARNING, "cycle"), true);
		CheckRunner.Check deeper = check(info("deeper", Severity.WARNING, "walk"), true);
		CheckRunner.Check cycle = check(info("cycle", Severity.ERROR), true);
		List<CheckRunner.Check> checks = List.of(walk, deeper, cycle); // dependents listed first
		new CheckRunner().run(checks, checks, FilePolicy.DEFAULT, out);
		assertThat(ran).containsExactly("cycle");
		assertThat(reported).containsExactly("cycle:error");
	}

	@Test
	void aPrerequisiteThatPassesLetsItsDependentsRunAfterIt() {
		CheckRunner.Check walk = check(info("walk", Severity.WARNING, "cycle"), true);
		CheckRunner.Check cycle = check(info("cycle", Severity.ERROR), false);
		new CheckRunner().run(List.of(walk, cycle), List.of(walk, cycle), FilePolicy.DEFAULT, out);
		assertThat(ran).containsExactly("cycle", "walk");
		assertThat(reported).containsExactly("walk:warning");
	}

	@Test
	void aPrerequisiteThatIsOffStillGuardsSilently() {
		CheckRunner.Check walk = check(info("walk", Severity.WARNING, "cycle"), true);
		CheckRunner.Check cycle = check(info("cycle", Severity.ERROR), true);
		new CheckRunner().run(List.of(walk, cycle), List.of(walk, cycle), configured(Map.of("cycle", Severity.IGNORE)), out);
		assertThat(ran).containsExactly("cycle");
		assertThat(reported).isEmpty();
	}

	@Test
	void onlyErrorsFailAPrerequisite() {
		CheckRunner.Check walk = check(info("walk", Severity.WARNING, "lint"), true);
		CheckRunner.Check lint = check(info("lint", Severity.WARNING), true);
		new CheckRunner().run(List.of(walk, lint), List.of(walk, lint), FilePolicy.DEFAULT, out);
		assertThat(reported).containsExactly("lint:warning", "walk:warning");
	}

	@Test
	void aPrerequisiteRunSilentlyEarlierIsRunAgainWhenItsFindingsAreWanted() {
		CheckRunner.Check simulation = check(info("simulation", Severity.ERROR, "references"), false);
		CheckRunner.Check references = check(info("references", Severity.WARNING), true);
		CheckRunner runner = new CheckRunner();
		runner.run(List.of(simulation), List.of(references), FilePolicy.DEFAULT, out); // the NORMAL pass first
		runner.run(List.of(references), List.of(references), FilePolicy.DEFAULT, out); // then the FAST one
		assertThat(ran).containsExactly("references", "simulation", "references");
		assertThat(reported).containsExactly("references:warning");
	}

	@Test
	void theConfigurationAndTheCommandLineSetTheSeverity() {
		CheckRunner.Check a = check(info("a", Severity.WARNING), true);
		FilePolicy info = configured(Map.of("a", Severity.INFO));
		new CheckRunner().run(List.of(a), List.of(a), info, out);
		FilePolicy offButEnabled = FilePolicy.of(new CheckConfig(null, Map.of("duplicate-address", Severity.IGNORE), List.of()),
				SeverityPolicy.parse(List.of("duplicate-address"), List.of()));
		assertThat(offButEnabled.severity("duplicate-address", Severity.ERROR)).contains(Severity.ERROR);
		FilePolicy errorOverInfo = FilePolicy.of(new CheckConfig(null, Map.of("no-msi-parent", Severity.INFO), List.of()),
				SeverityPolicy.parse(List.of(), List.of("no-msi-parent")));
		assertThat(errorOverInfo.severity("no-msi-parent", Severity.WARNING)).contains(Severity.ERROR);
		FilePolicy offOverError = FilePolicy.of(new CheckConfig(null, Map.of("no-msi-parent", Severity.ERROR), List.of()),
				SeverityPolicy.parse(List.of("no-no-msi-parent"), List.of()));
		assertThat(offOverError.enabled("no-msi-parent")).isFalse();
		assertThat(reported).containsExactly("a:info");
	}
}
