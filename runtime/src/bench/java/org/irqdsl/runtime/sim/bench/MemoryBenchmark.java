package org.irqdsl.runtime.sim.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;

import org.irqdsl.runtime.sim.Limits;
import org.irqdsl.runtime.sim.ProgressListener;
import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.sim.explore.ExplorationResult;
import org.irqdsl.runtime.sim.explore.Explorer;
import org.irqdsl.runtime.sim.model.Scenario;

/**
 * Memory per visited state (docs/performance.md, "Memory"): for scenarios of growing width, the
 * longs a state takes, the bytes per state the explorer reports (words × 8 + 8 + its table),
 * the live heap per state measured after a full collection at the last progress report, and the
 * bytes the exploring thread allocated per state (garbage: 0 means nothing is allocated per
 * state). Run it with a heap that holds the states:
 *
 * <pre>java -Xmx4g -cp runtime/target/classes org.irqdsl.runtime.sim.bench.MemoryBenchmark [--max-states N]</pre>
 */
public final class MemoryBenchmark {

	private MemoryBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		long maxStates = args.length == 2 && args[0].equals("--max-states") ? Long.parseLong(args[1]) : 2_000_000L;
		System.out.println("| scenario | longs/state | states | reported bytes/state | live heap bytes/state | allocated bytes/state |");
		System.out.println("|---|---|---|---|---|---|");
		row("moves k=4 (two-step)", Families.moves(4, 4, org.irqdsl.runtime.sim.config.AffinityUpdate.TWO_STEP), maxStates);
		for (int n : new int[] { 10, 20, 30 }) {
			row(n + " MSI-X devices, 8 CPUs, 4 moving, 10 raising", Families.manyDevices(n, 8, 4, 10), maxStates);
		}
	}

	private static void row(String name, SimConfig config, long maxStates) throws Exception {
		Scenario scenario = Scenario.compile(config);
		Runtime rt = Runtime.getRuntime();
		System.gc();
		long baseline = rt.totalMemory() - rt.freeMemory();
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
		long[] live = { 0, 0 };
		ProgressListener lastLive = p -> {
			System.gc(); // only at a report, once a second
			live[0] = rt.totalMemory() - rt.freeMemory() - baseline;
			live[1] = p.states();
		};
		Limits limits = Limits.DEFAULT.withMaxStates(maxStates).withTimeout(Duration.ofSeconds(600));
		ExplorationResult r = new Explorer(scenario, limits, lastLive).progressInterval(Duration.ofMillis(500)).run();
		long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
		System.out.println(String.format(Locale.ROOT, "| %s | %d | %,d | %.0f | %s | %s |", name, r.stateWords(), r.states(),
				r.bytesPerState(), live[1] == 0 ? "-" : String.format(Locale.ROOT, "%.0f", (double) live[0] / live[1]),
				String.format(Locale.ROOT, "%.0f", (double) allocated / r.states())));
	}
}
