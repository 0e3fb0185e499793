package org.irqdsl.runtime.sim.bench;

import static org.irqdsl.runtime.sim.config.SimConfigBuilder.*;

import java.util.ArrayList;
import java.util.List;

import org.irqdsl.runtime.sim.config.AffinityUpdate;
import org.irqdsl.runtime.sim.config.Op;
import org.irqdsl.runtime.sim.config.Property;
import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.sim.config.SimConfigBuilder;

/** Growing scenario families for the benchmark (and the explorer tests). */
public final class Families {

	private Families() {
	}

	/**
	 * k devices raising twice while m of them move: device i sits on CPU 2i and a set-affinity
	 * thread on that CPU moves it to CPU 2i+1. Devices on disjoint CPUs: independent components.
	 */
	public static SimConfig moves(int k, int m, AffinityUpdate update) {
		return moves(k, m, update, 2);
	}

	/**
	 * The same, each device raising {@code raises} times. With one raise and the two-step update this
	 * is the family of scripts/bench-spin (runtime/src/bench/promela/two_step.pml models it for spin).
	 */
	public static SimConfig moves(int k, int m, AffinityUpdate update, int raises) {
		SimConfigBuilder b = SimConfigBuilder
				.scenario("moves_k" + k + "_m" + m + "_" + update.jsonName() + (raises == 2 ? "" : "_r" + raises))
				.cpus(2 * k);
		for (int i = 0; i < k; i++) {
			String dev = "dev" + i;
			b.device(msi(dev).affinityUpdate(update));
			b.initially(dev + ".msi[0]", 2 * i, 0x30);
		}
		for (int i = 0; i < m; i++) {
			b.cpuThread(2 * i, setAffinity("dev" + i + ".msi[0]", 2 * i + 1, 0x31));
		}
		for (int i = 0; i < k; i++) {
			b.deviceThread("dev" + i, raise("msi[0]", raises));
		}
		return b.expectNo(Property.LOST_INTERRUPT).expectNo(Property.DEADLOCK).build();
	}

	/**
	 * k devices on CPU 1 raising while CPU 1 goes offline (fixup_irqs forwards its IRR) and back
	 * online: stop_machine() couples everything, so no reduction applies.
	 */
	public static SimConfig offline(int k, AffinityUpdate update) {
		SimConfigBuilder b = SimConfigBuilder.scenario("offline_k" + k + "_" + update.jsonName()).cpus(3);
		for (int i = 0; i < k; i++) {
			String dev = "dev" + i;
			b.device(msi(dev).affinityUpdate(update));
			b.initially(dev + ".msi[0]", 1, 0x30 + i);
		}
		List<Op> ops = new ArrayList<>();
		ops.add(SimConfigBuilder.offline(1, true));
		ops.add(online(1));
		b.cpuThread(1, ops.toArray(new Op[0]));
		for (int i = 0; i < k; i++) {
			b.deviceThread("dev" + i, raise("msi[0]", 2));
		}
		return b.expectNo(Property.LOST_INTERRUPT).expectNo(Property.DEADLOCK).build();
	}

	/**
	 * n MSI-X devices on distinct vectors, spread over the CPUs, moved by {@code movers} CPU
	 * threads (each device once, to the next CPU, the vector chosen by the allocator) while the
	 * first {@code raisers} raise twice: wide states (the per-CPU vector owners grow with CPUs ×
	 * vectors) and no reduction to speak of (vector_lock couples the two-step moves). The shape of
	 * the scenarios that ran out of memory (docs/performance.md, "Memory").
	 */
	public static SimConfig manyDevices(int n, int cpus, int movers, int raisers) {
		SimConfigBuilder b = SimConfigBuilder.scenario("many_n" + n + "_c" + cpus).cpus(cpus);
		for (int i = 0; i < n; i++) {
			b.device(msix("d" + i).affinityUpdate(AffinityUpdate.TWO_STEP));
			b.initially("d" + i + ".msi-x[0]", i % cpus, 0x30 + i);
		}
		for (int c = 0; c < movers; c++) {
			List<Op> ops = new ArrayList<>();
			for (int i = c; i < n; i += movers) {
				ops.add(setAffinity("d" + i + ".msi-x[0]", (i + 1) % cpus));
			}
			b.cpuThread(c, ops.toArray(new Op[0]));
		}
		for (int i = 0; i < raisers; i++) {
			b.deviceThread("d" + i, raise("msi-x[0]", 2));
		}
		return b.expectNo(Property.LOST_INTERRUPT).expectNo(Property.DEADLOCK).build();
	}

	/**
	 * k devices raising twice, each moved by a pending set-affinity (GENERIC_PENDING_IRQ: the move
	 * runs in the next interrupt on its CPU): a mover slot per CPU in every state, no symmetry.
	 */
	public static SimConfig pendingMoves(int k) {
		SimConfigBuilder b = SimConfigBuilder.scenario("pending_k" + k).cpus(2 * k);
		for (int i = 0; i < k; i++) {
			b.device(msi("dev" + i).affinityUpdate(AffinityUpdate.TWO_STEP));
			b.initially("dev" + i + ".msi[0]", 2 * i, 0x30);
			b.cpuThread(2 * i, setAffinityPending("dev" + i + ".msi[0]", 2 * i + 1, 0x31));
		}
		for (int i = 0; i < k; i++) {
			b.deviceThread("dev" + i, raise("msi[0]", 2));
		}
		return b.expectNo(Property.LOST_INTERRUPT).expectNo(Property.DEADLOCK).build();
	}

	/**
	 * n MSI-X devices spread over {@code cpus} CPUs, the first {@code raisers} raising twice, while
	 * CPU 1 goes offline and back: fixup_irqs() may move any irq to any CPU, so every CPU may
	 * allocate (the widest owner table) and stop_machine() couples everything.
	 */
	public static SimConfig offlineWide(int n, int cpus, int raisers) {
		SimConfigBuilder b = SimConfigBuilder.scenario("offline_n" + n + "_c" + cpus).cpus(cpus);
		for (int i = 0; i < n; i++) {
			b.device(msix("d" + i).affinityUpdate(AffinityUpdate.TWO_STEP));
			b.initially("d" + i + ".msi-x[0]", i % cpus, 0x30 + i);
		}
		b.cpuThread(0, SimConfigBuilder.offline(1, true), online(1));
		for (int i = 0; i < raisers; i++) {
			b.deviceThread("d" + i, raise("msi-x[0]", 2));
		}
		return b.expectNo(Property.LOST_INTERRUPT).expectNo(Property.DEADLOCK).build();
	}
}
