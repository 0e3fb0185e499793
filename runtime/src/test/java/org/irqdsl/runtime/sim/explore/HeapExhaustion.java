package org.irqdsl.runtime.sim.explore;

import org.irqdsl.runtime.sim.Limits;
import org.irqdsl.runtime.sim.ProgressListener;
import org.irqdsl.runtime.sim.bench.Families;
import org.irqdsl.runtime.sim.config.AffinityUpdate;
import org.irqdsl.runtime.sim.model.Scenario;

/**
 * Run by {@link HeapExhaustionTest} in a JVM with a small heap: an exploration whose memory bound
 * is far above that heap, so that only the OutOfMemoryError fallback can stop it. Prints the reason.
 */
public final class HeapExhaustion {

	private HeapExhaustion() {
	}

	public static void main(String[] args) throws Exception {
		Scenario scenario = Scenario.compile(Families.moves(4, 4, AffinityUpdate.TWO_STEP));
		Limits limits = Limits.DEFAULT.withPartialOrderReduction(false).withMaxBytes(1L << 40);
		ExplorationResult r = new Explorer(scenario, limits, ProgressListener.NONE).run();
		System.out.println("complete=" + r.complete() + " states=" + r.states() + " reason=" + r.incompleteReason());
	}
}
