package org.irqdsl.validation.checks;

import java.util.List;

import org.eclipse.xtext.diagnostics.Severity;
import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.irqDsl.Expectation;
import org.irqdsl.irqDsl.Scenario;
import org.irqdsl.runtime.sim.ExpectationResult;
import org.irqdsl.runtime.sim.Verdict;
import org.irqdsl.runtime.sim.trace.TraceFormatter;
import org.irqdsl.simulation.IrqDslScenarioRunner;
import org.irqdsl.simulation.ScenarioRun;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.CheckKind;
import org.irqdsl.validation.CheckReporter;
import org.irqdsl.validation.ScenarioCheck;

/**
 * A scenario's verdicts, each on its {@code expect} line: the simulator's answer within
 * {@link IrqDslScenarioRunner#EDITOR_LIMITS}, cached by the generated config's hash. Run by editors
 * (CheckType.NORMAL: the language server and Eclipse) and by {@code irqdsl check --simulate}, not by
 * plain {@code irqdsl check}, which stays fast; {@code irqdsl simulate} gives the verdicts without
 * the editor's bound.
 */
public final class ScenarioExpectation implements ScenarioCheck {

	public static final CheckInfo INFO = CheckInfo.error("scenario-expectation", "Scenario expectation does not hold",
			"the simulator (docs/simulator.md)",
			"""
			In an editor every scenario is simulated under every interleaving, within small bounds \
			(200,000 states: a count, not a time, so that every host and machine agrees), and each `expect` line shows its verdict: an info when it holds \
			(for `expect P`, with the interleaving that shows P), an error when it fails (for `expect no P`, \
			with the shortest interleaving that shows P, drawn as columns, one per CPU and device), a \
			warning when the bounds were hit first (run `irqdsl simulate` without them). Only files \
			without syntax errors or unresolved names are simulated, and only scenarios the simulator \
			can run (`scenario-not-simulable`). `irqdsl check --simulate` reports the same verdicts as the \
			editors; plain `irqdsl check` does not simulate; `irqdsl simulate` does, without the bound.

			Fix: the trace names the kernel mechanism (msi_set_affinity, vector_lock, free_irq, ...) - \
			change the platform (strategy, masking, remapping, message write, grace period) or, if the \
			bug is the point, write `expect P`.""")
			.kind(CheckKind.SIMULATION).requires(ScenarioReferences.ENTRY, ScenarioNotSimulable.INFO);

	@Override
	public CheckInfo info() {
		return INFO;
	}

	@Override
	public void check(Scenario scenario, PlatformFacts platform, CheckReporter reporter) {
		// entry-index and scenario-not-simulable are prerequisites: this runs only when they found no error
		if (!scenario.eResource().getErrors().isEmpty()) {
			return;
		}
		ScenarioRun run = IrqDslScenarioRunner.runCached(scenario, platform, IrqDslScenarioRunner.EDITOR_LIMITS,
				reporter::cancelled);
		if (reporter.cancelled()) {
			return; // a newer edit is being validated: this verdict would be stale
		}
		if (run.result().isEmpty()) {
			return; // scenario-not-simulable reports why
		}
		List<ExpectationResult> results = run.result().get().expectations();
		List<Expectation> lines = scenario.getExpectations();
		for (int i = 0; i < Math.min(results.size(), lines.size()); i++) {
			ExpectationResult r = results.get(i);
			String message = r.expectation() + " " + r.verdict().name().toLowerCase() + ": " + r.explanation()
					+ r.trace().map(t -> ":\n" + TraceFormatter.text(t)).orElse("");
			reporter.report(INFO, severity(r.verdict()), message, lines.get(i), null, -1);
		}
	}

	private static Severity severity(Verdict v) {
		return switch (v) {
		case HOLDS -> Severity.INFO;
		case FAILS -> Severity.ERROR;
		case INCOMPLETE -> Severity.WARNING;
		};
	}
}
