package org.irqdsl.runtime.sim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

import org.irqdsl.runtime.sim.Limits;
import org.irqdsl.runtime.sim.ProgressListener;
import org.irqdsl.runtime.sim.config.AffinityUpdate;
import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.sim.explore.ExplorationResult;
import org.irqdsl.runtime.sim.explore.Explorer;
import org.irqdsl.runtime.sim.model.Scenario;

/**
 * What the reductions cost per state (docs/performance.md, "Symmetry and lock-aware reduction"):
 * the two-step family raising twice, explored unreduced, with the ample sets only, and with every
 * reduction (symmetry and lock-aware), best CPU time of {@code runs} after a warm-up; prints states,
 * transitions and CPU µs per state and per transition.
 *
 * <pre>java -cp runtime/target/classes:runtime/target/test-classes org.irqdsl.runtime.sim.bench.ReductionCostBenchmark [k] [runs]</pre>
 */
public final class ReductionCostBenchmark {

	private ReductionCostBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int k = args.length > 0 ? Integer.parseInt(args[0]) : 5;
		int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		SimConfig config = Families.moves(k, k, AffinityUpdate.TWO_STEP);
		Scenario scenario = Scenario.compile(config);
		Limits limits = Limits.DEFAULT.withMaxStates(2_000_000);
		System.out.println("| reductions | states | transitions | CPU ms | CPU µs/state | CPU ns/transition |");
		System.out.println("|---|--:|--:|--:|--:|--:|");
		row("none", scenario, limits.withPartialOrderReduction(false), false, false, runs);
		row("ample sets", scenario, limits, false, false, runs);
		row("ample sets + lock-aware", scenario, limits, false, true, runs);
		row("ample sets + symmetry + lock-aware", scenario, limits, true, true, runs);
	}

	private static void row(String name, Scenario scenario, Limits limits, boolean symmetry, boolean lockAware, int runs) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		new Explorer(scenario, limits, ProgressListener.NONE).reductions(symmetry, lockAware).run(); // warm-up
		long best = Long.MAX_VALUE;
		ExplorationResult r = null;
		for (int i = 0; i < runs; i++) {
			long cpu = threads.getCurrentThreadCpuTime();
			r = new Explorer(scenario, limits, ProgressListener.NONE).reductions(symmetry, lockAware).run();
			best = Math.min(best, threads.getCurrentThreadCpuTime() - cpu);
		}
		System.out.println(String.format(Locale.ROOT, "| %s | %,d | %,d | %.0f | %.2f | %.0f |", name, r.states(),
				r.transitions(), best / 1e6, best / 1e3 / r.states(), (double) best / r.transitions()));
	}
}
