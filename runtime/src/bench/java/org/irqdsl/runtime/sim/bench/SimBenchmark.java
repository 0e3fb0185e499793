package org.irqdsl.runtime.sim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.irqdsl.runtime.sim.Limits;
import org.irqdsl.runtime.sim.ProgressListener;
import org.irqdsl.runtime.sim.SimResult;
import org.irqdsl.runtime.sim.Simulator;
import org.irqdsl.runtime.sim.config.AffinityUpdate;
import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.sim.explore.ExplorationResult;
import org.irqdsl.runtime.sim.explore.Explorer;
import org.irqdsl.runtime.sim.model.Scenario;

/**
 * The simulator benchmark (scripts/bench-sim): states per second and time to verdict for growing
 * scenario families, reduction on and off, as a Markdown table for docs/performance.md. One
 * thread; each row is the best of a few runs after a warm-up. A family's unreduced rows stop after
 * the first one that hits the state limit (the next would only hit it later).
 *
 * <p>Columns: states and transitions explored; "explore ms" the wall time of the exploration alone,
 * "CPU ms" the CPU time of the exploring thread over the same run (on a shared machine the two
 * differ by the time the thread waited for a core); states/s per CPU second; "verdict ms" the wall
 * time of the whole {@link Simulator#run} (compile, explore, traces, verdicts); bytes per visited
 * state (the stored state, its parent and step, and the visited table at its load).
 *
 * <pre>usage: SimBenchmark [--quick] [--runs N] [--max-states N] [--timeout SECONDS]</pre>
 */
public final class SimBenchmark {

	private SimBenchmark() {
	}

	private record Row(String family, String parameters, boolean por, ExplorationResult result, double cpuSeconds,
			double verdictSeconds) {
	}

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	public static void main(String[] args) throws Exception {
		boolean quick = List.of(args).contains("--quick");
		long maxStates = 20_000_000L;
		long timeout = 300;
		int runs = quick ? 1 : 3;
		for (int i = 0; i < args.length - 1; i++) {
			switch (args[i]) {
			case "--max-states" -> maxStates = Long.parseLong(args[i + 1]);
			case "--timeout" -> timeout = Long.parseLong(args[i + 1]);
			case "--runs" -> runs = Integer.parseInt(args[i + 1]);
			default -> {
			}
			}
		}
		Limits limits = Limits.DEFAULT.withMaxStates(maxStates).withTimeout(Duration.ofSeconds(timeout));
		warmUp(limits);
		List<Row> rows = new ArrayList<>();
		String direct = "k devices raising twice, k moves (direct)";
		String twoStep = "k devices raising twice, k moves (two-step, vector_lock)";
		String offline = "k devices raising twice, CPU 1 offline and online (fixup_irqs forwarding)";
		family(rows, direct, quick ? 3 : 6, k -> Families.moves(k, k, AffinityUpdate.DIRECT), limits, runs);
		family(rows, twoStep, quick ? 3 : 5, k -> Families.moves(k, k, AffinityUpdate.TWO_STEP), limits, runs);
		family(rows, offline, quick ? 2 : 6, k -> Families.offline(k, AffinityUpdate.TWO_STEP), limits, runs);
		print(rows);
	}

	private interface Family {
		SimConfig of(int k);
	}

	private static void family(List<Row> rows, String name, int maxK, Family family, Limits limits, int runs)
			throws Exception {
		boolean unreducedFits = true;
		boolean reducedFits = true;
		for (int k = 1; k <= maxK; k++) {
			SimConfig config = family.of(k);
			for (boolean por : new boolean[] {false, true}) {
				if (por ? !reducedFits : !unreducedFits) {
					continue;
				}
				Row row = measure(name, "k=" + k, config, por, limits, runs);
				rows.add(row);
				if (!row.result().complete()) {
					if (por) {
						reducedFits = false;
					} else {
						unreducedFits = false;
					}
				}
			}
		}
	}

	private static void warmUp(Limits limits) throws Exception {
		Scenario s = Scenario.compile(Families.moves(3, 3, AffinityUpdate.TWO_STEP));
		for (int i = 0; i < 5; i++) {
			new Explorer(s, limits.withPartialOrderReduction(false), ProgressListener.NONE).run();
		}
	}

	private static Row measure(String family, String parameters, SimConfig config, boolean por, Limits limits, int runs)
			throws Exception {
		Limits l = limits.withPartialOrderReduction(por);
		Scenario scenario = Scenario.compile(config);
		ExplorationResult best = null;
		double bestCpu = Double.MAX_VALUE;
		double bestVerdict = Double.MAX_VALUE;
		for (int i = 0; i < runs; i++) {
			System.gc();
			long cpu0 = THREADS.getCurrentThreadCpuTime();
			ExplorationResult x = new Explorer(scenario, l, ProgressListener.NONE).run();
			double cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
			if (best == null || x.elapsed().compareTo(best.elapsed()) < 0) {
				best = x;
			}
			bestCpu = Math.min(bestCpu, cpu);
			if (!x.complete() || x.elapsed().toSeconds() > 20) {
				break; // one run of a long row is enough; the verdict below is timed once more
			}
			System.gc();
			long start = System.nanoTime();
			SimResult r = Simulator.run(config, l, ProgressListener.NONE);
			bestVerdict = Math.min(bestVerdict, (System.nanoTime() - start) / 1e9);
			if (!r.complete()) {
				break;
			}
		}
		if (bestVerdict == Double.MAX_VALUE) {
			long start = System.nanoTime();
			Simulator.run(config, l, ProgressListener.NONE);
			bestVerdict = (System.nanoTime() - start) / 1e9;
		}
		System.err.printf(Locale.ROOT, "%s por=%s: %,d states in %.3f s (CPU %.3f s)%n", config.scenario(), por,
				best.states(), best.elapsed().toNanos() / 1e9, bestCpu);
		return new Row(family, parameters, por, best, bestCpu, bestVerdict);
	}

	private static void print(List<Row> rows) {
		System.out.println("| family | parameters | POR | states | transitions | explore ms | CPU ms | states/s (CPU) "
				+ "| verdict ms | bytes/state | complete |");
		System.out.println("|---|---|---|--:|--:|--:|--:|--:|--:|--:|---|");
		String last = null;
		for (Row r : rows) {
			ExplorationResult x = r.result();
			double s = x.elapsed().toNanos() / 1e9;
			String family = r.family().equals(last) ? "" : r.family();
			last = r.family();
			System.out.printf(Locale.ROOT, "| %s | %s | %s | %,d | %,d | %,.0f | %,.0f | %s | %,.0f | %.0f | %s |%n", family,
					r.parameters(), r.por() ? "on" : "off", x.states(), x.transitions(), s * 1000, r.cpuSeconds() * 1000,
					x.states() < 10_000 ? "—" : String.format(Locale.ROOT, "%,.0f", x.states() / r.cpuSeconds()),
					r.verdictSeconds() * 1000, x.bytesPerState(), x.complete() ? "yes" : "no: " + x.incompleteReason());
		}
	}
}
