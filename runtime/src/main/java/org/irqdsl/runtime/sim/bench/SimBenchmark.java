package org.irqdsl.runtime.sim.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.irqdsl.runtime.sim.Limits;
import org.irqdsl.runtime.sim.ProgressListener;
import org.irqdsl.runtime.sim.config.AffinityUpdate;
import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.sim.explore.ExplorationResult;
import org.irqdsl.runtime.sim.explore.Explorer;
import org.irqdsl.runtime.sim.model.Scenario;

/**
 * The simulator benchmark (scripts/bench-sim): states per second and time to verdict for growing
 * scenario families, reduction on and off, as a Markdown table for docs/performance.md. One
 * thread; each row is the best of a few runs after a warm-up.
 *
 * <pre>usage: SimBenchmark [--quick] [--max-states N]</pre>
 */
public final class SimBenchmark {

	private SimBenchmark() {
	}

	private record Row(String family, String scenario, boolean por, ExplorationResult result, double verdictSeconds) {
	}

	public static void main(String[] args) throws Exception {
		boolean quick = List.of(args).contains("--quick");
		long maxStates = 40_000_000L;
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals("--max-states")) {
				maxStates = Long.parseLong(args[i + 1]);
			}
		}
		Limits limits = Limits.DEFAULT.withMaxStates(maxStates).withTimeout(Duration.ofMinutes(5));
		warmUp(limits);
		List<Row> rows = new ArrayList<>();
		int maxK = quick ? 3 : 5;
		for (AffinityUpdate update : new AffinityUpdate[] {AffinityUpdate.DIRECT, AffinityUpdate.TWO_STEP}) {
			for (int k = 1; k <= maxK; k++) {
				for (boolean por : new boolean[] {false, true}) {
					SimConfig c = Families.moves(k, k, update);
					rows.add(measure("k devices raising, k moves (" + update.jsonName() + ")", c, por, limits, quick));
				}
			}
		}
		for (int k = 1; k <= (quick ? 2 : 4); k++) {
			for (boolean por : new boolean[] {false, true}) {
				rows.add(measure("k devices raising while CPU 1 goes offline", Families.offline(k, AffinityUpdate.TWO_STEP), por,
						limits, quick));
			}
		}
		print(rows);
	}

	private static void warmUp(Limits limits) throws Exception {
		Scenario s = Scenario.compile(Families.moves(3, 3, AffinityUpdate.DIRECT));
		for (int i = 0; i < 3; i++) {
			new Explorer(s, limits.withPartialOrderReduction(false), ProgressListener.NONE).run();
		}
	}

	private static Row measure(String family, SimConfig config, boolean por, Limits limits, boolean quick) throws Exception {
		Scenario scenario = Scenario.compile(config);
		ExplorationResult best = null;
		double bestVerdict = Double.MAX_VALUE;
		int runs = quick ? 1 : 3;
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			org.irqdsl.runtime.sim.SimResult r = org.irqdsl.runtime.sim.Simulator.run(config,
					limits.withPartialOrderReduction(por), ProgressListener.NONE);
			double verdict = (System.nanoTime() - start) / 1e9;
			ExplorationResult x = new Explorer(scenario, limits.withPartialOrderReduction(por), ProgressListener.NONE).run();
			if (best == null || x.elapsed().compareTo(best.elapsed()) < 0) {
				best = x;
			}
			bestVerdict = Math.min(bestVerdict, verdict);
			if (!r.complete() || x.elapsed().toSeconds() > 20) {
				break;
			}
		}
		System.err.printf(Locale.ROOT, "%s por=%s: %,d states in %.3f s%n", config.scenario(), por, best.states(),
				best.elapsed().toNanos() / 1e9);
		return new Row(family, config.scenario(), por, best, bestVerdict);
	}

	private static void print(List<Row> rows) {
		System.out.println("| family | scenario | POR | states | transitions | explore s | states/s | bytes/state | time to verdict s | complete |");
		System.out.println("|---|---|---|---:|---:|---:|---:|---:|---:|---|");
		for (Row r : rows) {
			ExplorationResult x = r.result();
			double s = x.elapsed().toNanos() / 1e9;
			System.out.printf(Locale.ROOT, "| %s | %s | %s | %,d | %,d | %.3f | %,.0f | %.0f | %.3f | %s |%n", r.family(),
					r.scenario(), r.por() ? "on" : "off", x.states(), x.transitions(), s, s > 0 ? x.states() / s : 0,
					x.bytesPerState(), r.verdictSeconds(), x.complete() ? "yes" : "no: " + x.incompleteReason());
		}
	}
}
