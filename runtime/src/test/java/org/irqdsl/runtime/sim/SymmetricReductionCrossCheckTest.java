package org.irqdsl.runtime.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.runtime.sim.config.SimConfigBuilder.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.irqdsl.runtime.sim.bench.Families;
import org.irqdsl.runtime.sim.config.AffinityUpdate;
import org.irqdsl.runtime.sim.config.MsiWrite;
import org.irqdsl.runtime.sim.config.Op;
import org.irqdsl.runtime.sim.config.Property;
import org.irqdsl.runtime.sim.config.Retrigger;
import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.sim.config.SimConfigBuilder;
import org.irqdsl.runtime.sim.config.SimConfigChecks;
import org.irqdsl.runtime.sim.config.VectorCleanup;
import org.irqdsl.runtime.sim.explore.ExplorationResult;
import org.irqdsl.runtime.sim.explore.Explorer;
import org.irqdsl.runtime.sim.explore.Violation;
import org.irqdsl.runtime.sim.model.EventSink;
import org.irqdsl.runtime.sim.model.Independence;
import org.irqdsl.runtime.sim.model.Machine;
import org.irqdsl.runtime.sim.model.MachineState;
import org.irqdsl.runtime.sim.model.Quiescence;
import org.irqdsl.runtime.sim.model.Scenario;
import org.irqdsl.runtime.sim.model.Symmetry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The symmetry reduction and the lock-aware choice against the unreduced exploration, on seeded
 * random scenarios built of k copies of a random component (a device, the CPU thread that moves
 * it, its raises) - some copies altered, so that symmetry is partial - with every update strategy
 * (the direct ones lose interrupts, the take-again retrigger deadlocks): the same verdicts, the
 * same quiescent states up to the symmetry, and every counterexample a real interleaving.
 */
class SymmetricReductionCrossCheckTest {

	static Stream<SimConfig> configs() {
		Random rnd = new Random(20260515L);
		List<SimConfig> out = new ArrayList<>();
		int n = 0;
		while (out.size() < 60) {
			SimConfig c = replicated(rnd, n++);
			if (SimConfigChecks.check(c).isEmpty()) {
				out.add(c);
			}
		}
		return out.stream();
	}

	/** k copies of one random component; with probability 1/4 the last copy raises once more. */
	private static SimConfig replicated(Random rnd, int n) {
		int k = 2 + rnd.nextInt(2);
		AffinityUpdate update = AffinityUpdate.values()[rnd.nextInt(AffinityUpdate.values().length)];
		boolean maskable = rnd.nextInt(3) == 0;
		MsiWrite write = rnd.nextInt(3) == 0 ? MsiWrite.ATOMIC : MsiWrite.CONFIG_WORDS;
		VectorCleanup cleanup = rnd.nextInt(4) == 0 ? VectorCleanup.IMMEDIATE : VectorCleanup.ON_FIRST_ARRIVAL;
		Retrigger retrigger = rnd.nextInt(4) == 0 ? Retrigger.TAKES_VECTOR_LOCK : Retrigger.LOCK_FREE;
		int raises = 1 + rnd.nextInt(2);
		int extraOps = rnd.nextInt(3);
		boolean oddOneOut = rnd.nextInt(4) == 0;
		SimConfigBuilder b = SimConfigBuilder.scenario("symmetric_" + n + "_k" + k + "_" + update.jsonName()).cpus(2 * k);
		for (int i = 0; i < k; i++) {
			String dev = "d" + i;
			String entry = dev + ".msi[0]";
			b.device(msi(dev).affinityUpdate(update).maskable(maskable).msiWrite(write).vectorCleanup(cleanup)
					.retrigger(retrigger));
			b.initially(entry, 2 * i, 0x30);
			List<Op> ops = new ArrayList<>();
			ops.add(setAffinity(entry, 2 * i + 1, 0x31));
			if (extraOps == 1) {
				ops.add(setAffinity(entry, 2 * i, 0x30));
			} else if (extraOps == 2) {
				ops.add(disableIrq(entry));
				ops.add(enableIrq(entry));
			}
			b.cpuThread(2 * i, ops.toArray(new Op[0]));
			b.deviceThread(dev, raise("msi[0]", raises + (oddOneOut && i == k - 1 ? 1 : 0)));
		}
		for (Property p : Property.values()) {
			b.expectNo(p);
		}
		return b.build();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("configs")
	void reductionsKeepVerdictsAndQuiescentStatesAndTracesAreReal(SimConfig config) throws Exception {
		Scenario scenario = Scenario.compile(config);
		Limits limits = Limits.DEFAULT.withMaxStates(400_000).withTimeout(java.time.Duration.ofSeconds(600));
		for (FullAndReduced runs : FullAndReduced.explore(scenario, limits).stream().toList()) {
			for (Violation v : runs.reduced().violations().values()) {
				assertRealInterleaving(scenario, v);
			}
		}
	}

	@Test
	void theRandomScenariosLoseInterruptsDeadlockAndUseTheSymmetry() throws Exception {
		int lost = 0;
		int deadlocks = 0;
		int symmetric = 0;
		for (SimConfig config : configs().toList()) {
			Scenario scenario = Scenario.compile(config);
			ExplorationResult r = new Explorer(scenario, Limits.DEFAULT, ProgressListener.NONE).run();
			lost += r.violations().containsKey(Property.LOST_INTERRUPT) ? 1 : 0;
			deadlocks += r.violations().containsKey(Property.DEADLOCK) ? 1 : 0;
			symmetric += Symmetry.of(scenario, new Independence(scenario)) != null ? 1 : 0;
		}
		assertThat(lost).isPositive();
		assertThat(deadlocks).isPositive();
		assertThat(symmetric).isGreaterThan(30);
	}

	@Test
	void twoStepFamilyIsOneClassOfInterchangeableComponentsAndGrowsSlowly() throws Exception {
		Scenario five = Scenario.compile(Families.moves(5, 5, AffinityUpdate.TWO_STEP, 1));
		assertThat(Symmetry.of(five, new Independence(five)).classes()).hasDimensions(1, 5);
		long[] states = new long[7];
		for (int k = 4; k <= 6; k++) {
			Scenario s = Scenario.compile(Families.moves(k, k, AffinityUpdate.TWO_STEP, 1));
			ExplorationResult r = new Explorer(s, Limits.DEFAULT, ProgressListener.NONE).run();
			assertThat(r.complete()).isTrue();
			// two-step: nothing lost, no deadlock; a spurious interrupt is its price (seed 001)
			assertThat(r.violations()).containsOnlyKeys(Property.SPURIOUS_INTERRUPT);
			states[k] = r.states();
		}
		assertThat(states[5]).isLessThan(2 * states[4]);
		assertThat(states[6]).isLessThan(2 * states[5]);
	}

	@Test
	void aLostInterruptFoundThroughTheSymmetryIsARealInterleaving() throws Exception {
		// direct update with config-word writes: a raise between the two writes is lost (seed 001)
		Scenario scenario = Scenario.compile(Families.moves(4, 4, AffinityUpdate.DIRECT, 1));
		ExplorationResult r = new Explorer(scenario, Limits.DEFAULT, ProgressListener.NONE).run();
		assertThat(r.violations()).containsKey(Property.LOST_INTERRUPT);
		assertRealInterleaving(scenario, r.violations().get(Property.LOST_INTERRUPT));
	}

	/** Every step of the violation's path is enabled from the real initial state, and the property shows at the end. */
	private static void assertRealInterleaving(Scenario scenario, Violation v) {
		Machine machine = new Machine(scenario);
		long[] state = scenario.initialState();
		for (int step : v.steps()) {
			assertThat(machine.apply(state, step, EventSink.SILENT)).as("step %s of %s enabled", step, v.property())
					.isTrue();
		}
		int bits = new MachineState(scenario).bind(state).violations();
		if (v.atQuiescence()) {
			int[] candidates = new int[machine.maxCandidates()];
			int n = machine.candidates(state, candidates);
			for (int i = 0; i < n; i++) {
				assertThat(machine.apply(state.clone(), candidates[i], EventSink.SILENT)).isFalse();
			}
			bits |= new Quiescence(scenario).violations(state);
		}
		assertThat(bits & v.property().bit()).isNotZero();
	}
}
