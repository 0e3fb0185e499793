package org.irqdsl.runtime.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Optional;

import org.irqdsl.runtime.sim.explore.ExplorationResult;
import org.irqdsl.runtime.sim.explore.Explorer;
import org.irqdsl.runtime.sim.model.Scenario;

/**
 * The cross-check of a reduction, one place for every reduction's test: a scenario explored in
 * full and with the reductions {@code limits} enable; when the full run completes, the reduced one
 * completes too, with no more states, the same violated properties and the same quiescent states.
 */
record FullAndReduced(ExplorationResult full, ExplorationResult reduced) {

	/** Both runs, checked as above; empty when the full run did not complete (nothing to compare). */
	static Optional<FullAndReduced> explore(Scenario scenario, Limits limits) throws Exception {
		Explorer full = new Explorer(scenario, limits.withPartialOrderReduction(false), ProgressListener.NONE, true);
		Explorer reduced = new Explorer(scenario, limits, ProgressListener.NONE, true);
		ExplorationResult f = full.run();
		ExplorationResult r = reduced.run();
		if (!f.complete()) {
			return Optional.empty();
		}
		assertThat(r.complete()).isTrue();
		assertThat(r.states()).isLessThanOrEqualTo(f.states());
		assertThat(r.violations().keySet()).isEqualTo(f.violations().keySet());
		assertThat(new HashSet<>(reduced.quiescentStates())).isEqualTo(new HashSet<>(full.quiescentStates()));
		return Optional.of(new FullAndReduced(f, r));
	}
}
