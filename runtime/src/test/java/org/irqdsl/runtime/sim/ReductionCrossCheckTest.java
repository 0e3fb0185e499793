package org.irqdsl.runtime.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.stream.Stream;

import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.sim.explore.ExplorationResult;
import org.irqdsl.runtime.sim.explore.Explorer;
import org.irqdsl.runtime.sim.model.Scenario;
import org.irqdsl.runtime.sim.trace.TraceBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reduction must keep every quiescent state and every violation: checked against the full
 * exploration on random scenarios. Every trace found must also replay.
 */
class ReductionCrossCheckTest {

	static Stream<SimConfig> configs() {
		return RandomConfigs.generate(20251121L, 120).stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("configs")
	void reducedExplorationKeepsEveryQuiescentStateAndViolation(SimConfig config) throws Exception {
		Scenario scenario = Scenario.compile(config);
		Limits limits = Limits.DEFAULT.withMaxStates(300_000);
		Explorer full = new Explorer(scenario, limits.withPartialOrderReduction(false), ProgressListener.NONE, true);
		Explorer reduced = new Explorer(scenario, limits, ProgressListener.NONE, true);
		ExplorationResult f = full.run();
		ExplorationResult r = reduced.run();
		if (!f.complete()) {
			return;
		}
		assertThat(r.complete()).isTrue();
		assertThat(r.violations().keySet()).isEqualTo(f.violations().keySet());
		assertThat(new HashSet<>(reduced.quiescentStates())).isEqualTo(new HashSet<>(full.quiescentStates()));
		TraceBuilder traces = new TraceBuilder(scenario);
		f.violations().values().forEach(v -> assertThat(traces.build(v).steps()).isNotEmpty());
		r.violations().values().forEach(v -> assertThat(traces.build(v).steps()).isNotEmpty());
	}
}
