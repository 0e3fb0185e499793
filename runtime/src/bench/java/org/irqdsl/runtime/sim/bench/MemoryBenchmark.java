package org.irqdsl.runtime.sim.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;

import org.irqdsl.runtime.sim.Limits;
import org.irqdsl.runtime.sim.ProgressListener;
import org.irqdsl.runtime.sim.config.AffinityUpdate;
import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.sim.explore.ExplorationResult;
import org.irqdsl.runtime.sim.explore.Explorer;
import org.irqdsl.runtime.sim.model.Scenario;

/**
 * Memory per visited state (docs/performance.md, "Memory"): for every family of {@link Families}
 * and the wide shapes of a fuzzing run's explosions (many devices, many CPUs, pending moves, a CPU
 * offline), unreduced so that each row stores many states: the longs a state takes, where its
 * reported bytes go (state words, parent and step, visited table at its load), what the explorer's
 * structures held at the end per state (whole chunks and table: what the memory bound counts), the
 * live heap per state measured after a full collection at the last progress report, and the bytes
 * the exploring thread allocated per state (0 would mean nothing is allocated per state). Run it
 * with a heap that holds the states:
 *
 * <pre>java -Xmx4g -cp runtime/target/classes:runtime/target/test-classes org.irqdsl.runtime.sim.bench.MemoryBenchmark [--max-states N]</pre>
 */
public final class MemoryBenchmark {

	private MemoryBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		long maxStates = args.length == 2 && args[0].equals("--max-states") ? Long.parseLong(args[1]) : 2_000_000L;
		System.out.println("| scenario | longs/state | states | state + trace + table bytes | reported bytes/state | held bytes/state | live heap bytes/state | allocated bytes/state |");
		System.out.println("|---|--:|--:|---|--:|--:|--:|--:|");
		row("moves k=4 (direct)", Families.moves(4, 4, AffinityUpdate.DIRECT), maxStates);
		row("moves k=4 (two-step)", Families.moves(4, 4, AffinityUpdate.TWO_STEP), maxStates);
		row("moves k=6, raising once (two-step)", Families.moves(6, 6, AffinityUpdate.TWO_STEP, 1), maxStates);
		row("offline k=6", Families.offline(6, AffinityUpdate.TWO_STEP), maxStates);
		row("pending moves k=4", Families.pendingMoves(4), maxStates);
		for (int n : new int[] { 10, 20, 30 }) {
			row(n + " MSI-X devices, 8 CPUs, 4 moving, 10 raising", Families.manyDevices(n, 8, 4, 10), maxStates);
		}
		row("16 MSI-X devices, 24 CPUs, 4 moving, 8 raising", Families.manyDevices(16, 24, 4, 8), maxStates);
		row("30 MSI-X devices, 16 CPUs, CPU 1 offline, 6 raising", Families.offlineWide(30, 16, 6), maxStates);
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
			System.gc(); // only at a report
			live[0] = rt.totalMemory() - rt.freeMemory() - baseline;
			live[1] = p.states();
		};
		Limits limits = Limits.DEFAULT.withMaxStates(maxStates).withTimeout(Duration.ofSeconds(600))
				.withPartialOrderReduction(false);
		ExplorationResult r = new Explorer(scenario, limits, lastLive).progressInterval(Duration.ofMillis(500)).run();
		long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
		double table = r.bytesPerState() - r.stateWords() * Long.BYTES - 2 * Integer.BYTES;
		System.out.println(String.format(Locale.ROOT, "| %s | %d | %,d | %d + 8 + %.0f | %.0f | %.0f | %s | %.0f |", name,
				r.stateWords(), r.states(), r.stateWords() * Long.BYTES, table, r.bytesPerState(),
				(double) r.heldBytes() / r.states(),
				live[1] == 0 ? "-" : String.format(Locale.ROOT, "%.0f", (double) live[0] / live[1]),
				(double) allocated / r.states()));
	}
}
