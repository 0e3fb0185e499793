package org.irqdsl.runtime.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.runtime.sim.config.SimConfigBuilder.*;

import java.util.HashSet;
import java.util.stream.Stream;

import org.irqdsl.runtime.sim.bench.Families;
import org.irqdsl.runtime.sim.config.AffinityUpdate;
import org.irqdsl.runtime.sim.config.Property;
import org.irqdsl.runtime.sim.config.Retrigger;
import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.sim.config.SimConfigBuilder;
import org.irqdsl.runtime.sim.explore.ExplorationResult;
import org.irqdsl.runtime.sim.explore.Explorer;
import org.irqdsl.runtime.sim.model.Scenario;
import org.irqdsl.runtime.sim.trace.TraceBuilder;
import org.junit.jupiter.api.Test;
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

	/**
	 * Every device two-step, so vector_lock is held across steps: the reduction refines the
	 * components per state (a component whose step touches or waits for vector_lock is never
	 * chosen alone), and must still keep everything.
	 */
	static Stream<SimConfig> lockHeavyConfigs() {
		return RandomConfigs.generate(20261121L, 60, AffinityUpdate.TWO_STEP).stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("lockHeavyConfigs")
	void reductionAroundVectorLockKeepsEveryQuiescentStateAndViolation(SimConfig config) throws Exception {
		reducedExplorationKeepsEveryQuiescentStateAndViolation(config);
	}

	@Test
	void movesHoldingVectorLockAreReducedAndKeepEverything() throws Exception {
		for (SimConfig config : new SimConfig[] {Families.moves(3, 3, AffinityUpdate.TWO_STEP),
				Families.moves(3, 2, AffinityUpdate.TWO_STEP), recursiveLockMoves(3)}) {
			Scenario scenario = Scenario.compile(config);
			Explorer full = new Explorer(scenario, Limits.DEFAULT.withPartialOrderReduction(false), ProgressListener.NONE, true);
			Explorer reduced = new Explorer(scenario, Limits.DEFAULT, ProgressListener.NONE, true);
			ExplorationResult f = full.run();
			ExplorationResult r = reduced.run();
			assertThat(r.violations().keySet()).isEqualTo(f.violations().keySet());
			assertThat(new HashSet<>(reduced.quiescentStates())).isEqualTo(new HashSet<>(full.quiescentStates()));
			assertThat(r.states() * 2).isLessThan(f.states());
			if (config.scenario().startsWith("recursive")) {
				assertThat(r.violations()).containsKey(Property.DEADLOCK);
			}
		}
	}

	/** k two-step moves on disjoint CPUs whose retrigger takes vector_lock again (seed 003's first draft). */
	private static SimConfig recursiveLockMoves(int k) {
		SimConfigBuilder b = SimConfigBuilder.scenario("recursive_lock_moves_k" + k).cpus(2 * k);
		for (int i = 0; i < k; i++) {
			b.device(msi("dev" + i).affinityUpdate(AffinityUpdate.TWO_STEP).retrigger(Retrigger.TAKES_VECTOR_LOCK));
			b.initially("dev" + i + ".msi[0]", 2 * i, 0x30);
			b.cpuThread(2 * i, setAffinity("dev" + i + ".msi[0]", 2 * i + 1, 0x31));
			b.deviceThread("dev" + i, raise("msi[0]", 2));
		}
		return b.expectNo(Property.DEADLOCK).build();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("configs")
	void reducedExplorationKeepsEveryQuiescentStateAndViolation(SimConfig config) throws Exception {
		Scenario scenario = Scenario.compile(config);
		Limits limits = Limits.DEFAULT.withMaxStates(300_000);
		for (FullAndReduced runs : FullAndReduced.explore(scenario, limits).stream().toList()) {
			TraceBuilder traces = new TraceBuilder(scenario);
			runs.full().violations().values().forEach(v -> assertThat(traces.build(v).steps()).isNotEmpty());
			runs.reduced().violations().values().forEach(v -> assertThat(traces.build(v).steps()).isNotEmpty());
		}
	}
}
