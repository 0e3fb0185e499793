package org.irqdsl.simulation;

import java.util.List;
import java.util.Optional;

import org.irqdsl.runtime.sim.SimResult;
import org.irqdsl.runtime.sim.Verdict;
import org.irqdsl.runtime.sim.config.SimConfig;

/**
 * One scenario's run: its config (absent when the scenario cannot be simulated: then
 * {@code problems} says why), the generator's notes (VMD per-vector load) and the simulator's
 * result with a verdict per expectation. {@link #text()} is the report the command line prints.
 */
public record ScenarioRun(String scenario, String platform, Optional<SimConfig> config, List<String> problems,
		List<String> notes, Optional<SimResult> result) {

	public ScenarioRun {
		problems = List.copyOf(problems);
		notes = List.copyOf(notes);
	}

	/** Whether the scenario was simulated and every expectation holds. */
	public boolean allHold() {
		return result.map(SimResult::allHold).orElse(false);
	}

	/** Whether some expectation fails or is incomplete, or the scenario could not be simulated. */
	public boolean anyNotHolding() {
		return result.isEmpty() || result.get().expectations().stream().anyMatch(e -> e.verdict() != Verdict.HOLDS);
	}

	/** The report as text: verdicts, explanations and the traces as columns. */
	public String text() {
		return ScenarioReport.text(this);
	}
}
