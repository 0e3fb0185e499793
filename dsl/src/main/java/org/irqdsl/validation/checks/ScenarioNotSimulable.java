package org.irqdsl.validation.checks;

import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.generator.GenerationProblem;
import org.irqdsl.generator.IrqDslSimConfigGenerator;
import org.irqdsl.irqDsl.Scenario;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.CheckKind;
import org.irqdsl.validation.CheckReporter;
import org.irqdsl.validation.ScenarioCheck;

/** A scenario the simulator cannot model (its size limits, one capability per device, vectors beyond its table). */
public final class ScenarioNotSimulable implements ScenarioCheck {

	public static final CheckInfo INFO = CheckInfo.error("scenario-not-simulable", "Scenario the simulator cannot run",
			"the simulator (docs/simulator.md)",
			"""
			Every scenario is turned into a simulator config (`irqdsl generate`) and replayed under every \
			interleaving (`irqdsl simulate`, and in editors). The simulator has bounds: at most 30 CPUs named by \
			one scenario (the platform may have any number: only the CPUs a scenario touches are \
			simulated), 30 threads, 62 interrupts and 62 named vectors in one scenario, vectors within \
			one 0x00..0xff table (a range above, such as GIC ITS LPIs, is renumbered from 0), one \
			capability (MSI or MSI-X) per device in one scenario, and a VMD needs a vector for its \
			children. The message names the bound; split the scenario or use a smaller platform.""")
			.kind(CheckKind.SCENARIO).requires(ScenarioReferences.ENTRY);

	@Override
	public CheckInfo info() {
		return INFO;
	}

	@Override
	public void check(Scenario scenario, PlatformFacts platform, CheckReporter reporter) {
		// runs only when entry-index found no error (its prerequisite): cpu-range and vector-range say it better
		for (GenerationProblem p : IrqDslSimConfigGenerator.generate(scenario, platform).problems()) {
			reporter.report(INFO, p.message(), p.source(), p.feature());
		}
	}
}
