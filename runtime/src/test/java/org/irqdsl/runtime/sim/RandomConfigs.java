package org.irqdsl.runtime.sim;

import static org.irqdsl.runtime.sim.config.SimConfigBuilder.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.irqdsl.runtime.sim.config.AffinityUpdate;
import org.irqdsl.runtime.sim.config.MsiWrite;
import org.irqdsl.runtime.sim.config.Op;
import org.irqdsl.runtime.sim.config.Property;
import org.irqdsl.runtime.sim.config.Retrigger;
import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.sim.config.SimConfigBuilder;
import org.irqdsl.runtime.sim.config.SimConfigChecks;
import org.irqdsl.runtime.sim.config.VectorCleanup;

/** Small random scenarios (fixed seed) mixing every mechanism, to cross-check the reduction. */
final class RandomConfigs {

	private RandomConfigs() {
	}

	static List<SimConfig> generate(long seed, int count) {
		return generate(seed, count, null);
	}

	/** With {@code only}, every device uses that affinity-update strategy. */
	static List<SimConfig> generate(long seed, int count, AffinityUpdate only) {
		Random rnd = new Random(seed);
		List<SimConfig> out = new ArrayList<>();
		int attempt = 0;
		while (out.size() < count) {
			SimConfig c = one(rnd, attempt++, only);
			if (SimConfigChecks.check(c).isEmpty()) {
				out.add(c);
			}
		}
		return out;
	}

	private static <T> T pick(Random rnd, T[] values) {
		return values[rnd.nextInt(values.length)];
	}

	private static SimConfig one(Random rnd, int n, AffinityUpdate only) {
		int cpus = 2 + rnd.nextInt(4);
		int devices = 1 + rnd.nextInt(3);
		SimConfigBuilder b = SimConfigBuilder.scenario("random_" + (only == null ? "" : only.jsonName() + "_") + n).cpus(cpus);
		List<String> placed = new ArrayList<>();
		List<String> unplaced = new ArrayList<>();
		Set<String> taken = new HashSet<>();
		for (int d = 0; d < devices; d++) {
			String name = "d" + d;
			AffinityUpdate u = only != null ? only : pick(rnd, AffinityUpdate.values());
			b.device(msi(name).affinityUpdate(u).maskable(rnd.nextInt(3) == 0)
					.msiWrite(rnd.nextInt(3) == 0 ? pick(rnd, MsiWrite.values()) : MsiWrite.CONFIG_WORDS)
					.vectorCleanup(rnd.nextInt(4) == 0 ? VectorCleanup.IMMEDIATE : VectorCleanup.ON_FIRST_ARRIVAL)
					.retrigger(pick(rnd, Retrigger.values())).parentMasks(rnd.nextBoolean()));
			String entry = name + ".msi[0]";
			if (rnd.nextInt(5) > 0) {
				int cpu = rnd.nextInt(cpus);
				int vector = 0x30 + rnd.nextInt(3);
				if (taken.add(cpu + ":" + vector)) {
					b.initially(entry, cpu, vector);
					placed.add(entry);
					continue;
				}
			}
			unplaced.add(entry);
		}
		int threads = 1 + rnd.nextInt(2);
		Set<Integer> used = new HashSet<>();
		for (int t = 0; t < threads; t++) {
			int cpu = rnd.nextInt(cpus);
			if (!used.add(cpu)) {
				continue;
			}
			List<Op> ops = new ArrayList<>();
			int count = 1 + rnd.nextInt(2);
			for (int o = 0; o < count; o++) {
				int kind = rnd.nextInt(10);
				List<String> all = new ArrayList<>(placed);
				all.addAll(unplaced);
				String entry = all.get(rnd.nextInt(all.size()));
				if (kind < 4) {
					ops.add(rnd.nextBoolean() ? setAffinity(entry, rnd.nextInt(cpus), 0x30 + rnd.nextInt(3))
							: setAffinity(entry, rnd.nextInt(cpus)));
				} else if (kind < 5 && !unplaced.isEmpty()) {
					ops.add(requestIrq(unplaced.remove(0)));
				} else if (kind < 6) {
					ops.add(disableIrq(entry));
				} else if (kind < 7) {
					ops.add(enableIrq(entry));
				} else if (kind < 8) {
					ops.add(freeIrq(entry));
				} else if (kind < 9 && cpus > 2) {
					ops.add(offline(rnd.nextInt(cpus), rnd.nextBoolean()));
				} else {
					ops.add(setAffinity(entry, rnd.nextInt(cpus)));
				}
			}
			b.cpuThread(cpu, ops.toArray(new Op[0]));
		}
		for (int d = 0; d < devices; d++) {
			b.deviceThread("d" + d, raise("msi[0]", 1 + rnd.nextInt(2)));
		}
		for (Property p : Property.values()) {
			b.expectNo(p);
		}
		return b.build();
	}
}
