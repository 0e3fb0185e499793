package org.irqdsl.runtime.sim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

import org.irqdsl.runtime.sim.Limits;
import org.irqdsl.runtime.sim.ProgressListener;
import org.irqdsl.runtime.sim.config.AffinityUpdate;
import org.irqdsl.runtime.sim.explore.ExplorationResult;
import org.irqdsl.runtime.sim.explore.Explorer;
import org.irqdsl.runtime.sim.model.Scenario;

/**
 * irqdsl's side of scripts/bench-spin: explores {@code Families.moves(k, k, TWO_STEP, 1)} for each
 * k given, under the default limits, and prints one line per k: {@code k states cpu-seconds
 * wall-seconds complete}. A warm-up run of k=3 comes first.
 */
public final class TwoStepFamilyRun {

	private TwoStepFamilyRun() {
	}

	public static void main(String[] args) throws Exception {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		new Explorer(Scenario.compile(Families.moves(3, 3, AffinityUpdate.TWO_STEP, 1)), Limits.DEFAULT,
				ProgressListener.NONE).run();
		for (String arg : args) {
			int k = Integer.parseInt(arg);
			Scenario scenario = Scenario.compile(Families.moves(k, k, AffinityUpdate.TWO_STEP, 1));
			System.gc();
			long cpu = threads.getCurrentThreadCpuTime();
			ExplorationResult r = new Explorer(scenario, Limits.DEFAULT, ProgressListener.NONE).run();
			double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
			System.out.printf(Locale.ROOT, "%d %d %.3f %.3f %s%n", k, r.states(), cpuSeconds,
					r.elapsed().toNanos() / 1e9, r.complete() ? "yes" : "no");
		}
	}
}
