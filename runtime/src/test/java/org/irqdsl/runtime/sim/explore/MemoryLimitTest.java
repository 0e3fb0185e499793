package org.irqdsl.runtime.sim.explore;

import static org.assertj.core.api.Assertions.assertThat;

import org.irqdsl.runtime.sim.ExpectationResult;
import org.irqdsl.runtime.sim.Limits;
import org.irqdsl.runtime.sim.ProgressListener;
import org.irqdsl.runtime.sim.SimResult;
import org.irqdsl.runtime.sim.Simulator;
import org.irqdsl.runtime.sim.Verdict;
import org.irqdsl.runtime.sim.bench.Families;
import org.irqdsl.runtime.sim.config.AffinityUpdate;
import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.sim.model.Scenario;
import org.junit.jupiter.api.Test;

/** The memory bound ends an exploration like the state and time bounds: incomplete, never a crash. */
class MemoryLimitTest {

	/** Two-step moves of three devices, unreduced: 291,440 states of 4 words, about 20 MB. */
	private static final SimConfig CONFIG = Families.moves(3, 3, AffinityUpdate.TWO_STEP);
	private static final Limits UNREDUCED = Limits.DEFAULT.withPartialOrderReduction(false);
	private static final long BUDGET = 4L << 20;

	@Test
	void aTinyBudgetStopsTheExplorationAsIncompleteWithTheMemoryReason() throws Exception {
		Scenario scenario = Scenario.compile(CONFIG);
		ExplorationResult whole = new Explorer(scenario, UNREDUCED, ProgressListener.NONE).run();
		ExplorationResult bounded = new Explorer(scenario, UNREDUCED.withMaxBytes(BUDGET), ProgressListener.NONE).run();

		assertThat(whole.complete()).isTrue();
		assertThat(bounded.complete()).isFalse();
		assertThat(bounded.incompleteReason()).isEqualTo("memory limit of 4 MB reached");
		assertThat(bounded.states()).isPositive().isLessThan(whole.states());
		// what was stored fits the budget: every state costs at least its words, parent and step
		long perState = bounded.stateWords() * Long.BYTES + 2 * Integer.BYTES;
		assertThat(bounded.states() * perState).isLessThanOrEqualTo(BUDGET);
	}

	@Test
	void theVerdictsOfAMemoryBoundRunAreIncompleteAndSayWhy() throws Exception {
		SimResult r = Simulator.run(CONFIG, UNREDUCED.withMaxBytes(BUDGET), ProgressListener.NONE);
		assertThat(r.complete()).isFalse();
		assertThat(r.incompleteReason()).contains("memory");
		assertThat(r.expectations()).extracting(ExpectationResult::verdict).containsOnly(Verdict.INCOMPLETE);
		assertThat(r.expectations().get(0).explanation()).contains("memory limit of 4 MB reached")
				.contains("not every interleaving was seen");
	}

	/**
	 * A wide state (30 MSI-X devices on 8 CPUs: 37 longs) under a small budget: the run ends at the
	 * budget, having used most of it, and the bytes per state it reports are what the heap holds
	 * (docs/performance.md, "Memory": within a factor of 1.5; measured within a few percent).
	 */
	@Test
	void aWideScenarioEndsAtItsBudgetAndReportsTheBytesPerStateTheHeapHolds() throws Exception {
		Scenario scenario = Scenario.compile(Families.manyDevices(30, 8, 4, 10));
		long budget = 24L << 20;
		Runtime rt = Runtime.getRuntime();
		System.gc();
		long baseline = rt.totalMemory() - rt.freeMemory();
		long[] live = { 0, 0 };
		ProgressListener measure = p -> {
			if (p.states() - live[1] >= 16_384) { // a full collection now and then, the structures alive
				System.gc();
				live[0] = rt.totalMemory() - rt.freeMemory() - baseline;
				live[1] = p.states();
			}
		};
		ExplorationResult r = new Explorer(scenario, UNREDUCED.withMaxBytes(budget), measure)
				.progressInterval(java.time.Duration.ofNanos(1)).run();

		assertThat(r.complete()).isFalse();
		assertThat(r.incompleteReason()).isEqualTo("memory limit of 24 MB reached");
		assertThat(r.heldBytes()).isLessThanOrEqualTo(budget).isGreaterThan(budget / 2);
		assertThat(r.states() * r.bytesPerState()).isLessThanOrEqualTo(budget);
		assertThat(live[1]).as("states at the last measurement").isPositive();
		double livePerState = (double) live[0] / live[1];
		assertThat(livePerState).isBetween(r.bytesPerState() / 1.5, r.bytesPerState() * 1.5);
	}

	@Test
	void aBudgetBelowTheFirstChunkExploresNothing() throws Exception {
		ExplorationResult r = new Explorer(Scenario.compile(CONFIG), UNREDUCED.withMaxBytes(1000), ProgressListener.NONE)
				.run();
		assertThat(r.complete()).isFalse();
		assertThat(r.incompleteReason()).isEqualTo("memory limit of 1,000 bytes reached");
		assertThat(r.states()).isZero();
	}

	@Test
	void theAutomaticBudgetLeavesAReserveOfTheHeap() {
		long heap = Runtime.getRuntime().maxMemory();
		assertThat(Limits.DEFAULT.maxBytes()).isEqualTo(Limits.AUTO_MEMORY);
		assertThat(Limits.DEFAULT.effectiveMaxBytes()).isBetween(heap / 4, heap * 3 / 4)
				.isLessThanOrEqualTo(Math.max(heap / 4, heap - (64L << 20)));
		assertThat(Limits.DEFAULT.withMaxBytes(123).effectiveMaxBytes()).isEqualTo(123);
	}
}
