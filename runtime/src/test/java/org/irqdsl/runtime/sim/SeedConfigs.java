package org.irqdsl.runtime.sim;

import static org.irqdsl.runtime.sim.config.SimConfigBuilder.*;

import java.util.ArrayList;
import java.util.List;

import org.irqdsl.runtime.sim.config.AffinityUpdate;
import org.irqdsl.runtime.sim.config.MsiWrite;
import org.irqdsl.runtime.sim.config.Property;
import org.irqdsl.runtime.sim.config.Retrigger;
import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.sim.config.SimConfigBuilder;
import org.irqdsl.runtime.sim.config.VectorCleanup;
import org.irqdsl.runtime.sim.config.VmdTeardown;

/** A spread of configs over every mechanism, for tests that must hold for all of them. */
final class SeedConfigs {

	private SeedConfigs() {
	}

	static List<SimConfig> all() {
		List<SimConfig> out = new ArrayList<>();
		for (AffinityUpdate u : AffinityUpdate.values()) {
			for (boolean maskable : new boolean[] {false, true}) {
				out.add(SimConfigBuilder.scenario("torn_" + u.jsonName() + (maskable ? "_maskable" : "")).cpus(4)
						.device(msi("nic").maskable(maskable).affinityUpdate(u))
						.initially("nic.msi[0]", 1, 0x30)
						.cpuThread(1, setAffinity("nic.msi[0]", 2, 0x31))
						.deviceThread("nic", raise("msi[0]", 2))
						.expectNo(Property.LOST_INTERRUPT).expectNo(Property.SPURIOUS_INTERRUPT).build());
			}
		}
		for (Retrigger r : Retrigger.values()) {
			out.add(SimConfigBuilder.scenario("unplug_" + r.jsonName()).cpus(3)
					.device(msi("nic").affinityUpdate(AffinityUpdate.TWO_STEP).retrigger(r))
					.device(msi("disk").affinityUpdate(AffinityUpdate.TWO_STEP))
					.initially("nic.msi[0]", 1, 0x30).initially("disk.msi[0]", 2, 0x30)
					.cpuThread(1, offline(1, true))
					.cpuThread(2, setAffinity("disk.msi[0]", 0, 0x31))
					.deviceThread("nic", raise("msi[0]"))
					.deviceThread("disk", raise("msi[0]"))
					.expectNo(Property.DEADLOCK).expectNo(Property.LOST_INTERRUPT).build());
		}
		for (MsiWrite w : MsiWrite.values()) {
			out.add(SimConfigBuilder.scenario("request_" + w.jsonName()).cpus(2)
					.device(msi("fpga0").msiWrite(w))
					.cpuThread(0, requestIrq("fpga0.msi[0]"), setAffinity("fpga0.msi[0]", 1))
					.deviceThread("fpga0", raise("msi[0]", 2))
					.expectNo(Property.LOST_INTERRUPT).build());
			out.add(SimConfigBuilder.scenario("offline_" + w.jsonName()).cpus(3)
					.device(msi("fpga0").msiWrite(w))
					.initially("fpga0.msi[0]", 1, 0x30)
					.cpuThread(0, offline(1, true), online(1))
					.deviceThread("fpga0", raise("msi[0]"))
					.expectNo(Property.LOST_INTERRUPT).build());
		}
		out.add(SimConfigBuilder.scenario("disable").cpus(2)
				.device(msi("nic")).device(msi("ahci").maskable(true)).device(msi("gic").parentMasks(true))
				.initially("nic.msi[0]", 1, 0x30).initially("ahci.msi[0]", 1, 0x31).initially("gic.msi[0]", 0, 0x30)
				.cpuThread(0, disableIrq("nic.msi[0]"), disableIrq("gic.msi[0]"), enableIrq("gic.msi[0]"))
				.cpuThread(1, disableIrq("ahci.msi[0]"), enableIrq("ahci.msi[0]"))
				.deviceThread("nic", raise("msi[0]", 2))
				.deviceThread("ahci", raise("msi[0]", 2))
				.deviceThread("gic", raise("msi[0]", 2))
				.expectNo(Property.DELIVERED_WHILE_DISABLED).build());
		for (VmdTeardown t : VmdTeardown.values()) {
			out.add(SimConfigBuilder.scenario("vmd_" + t.jsonName()).cpus(2)
					.device(msix("vmd0").count(2).vmd(t, "nvme1.msi-x[0]@0", "nvme2.msi-x[0]@0", "nvme3.msi-x[0]@1"))
					.device(msix("nvme1")).device(msix("nvme2")).device(msix("nvme3"))
					.initially("vmd0.msi-x[0]", 1, 0x40).initially("vmd0.msi-x[1]", 0, 0x41)
					.cpuThread(0, freeIrq("nvme1.msi-x[0]"), freeIrq("nvme3.msi-x[0]"))
					.deviceThread("nvme1", raise("msi-x[0]"))
					.deviceThread("nvme2", raise("msi-x[0]"))
					.deviceThread("nvme3", raise("msi-x[0]"))
					.expectNo(Property.USE_AFTER_FREE).build());
		}
		for (VectorCleanup c : VectorCleanup.values()) {
			// Independent devices on disjoint CPUs: the reduction splits them into components.
			out.add(SimConfigBuilder.scenario("independent_" + c.jsonName()).cpus(6)
					.device(msi("a").affinityUpdate(AffinityUpdate.REMAP).vectorCleanup(c))
					.device(msi("b").affinityUpdate(AffinityUpdate.DIRECT))
					.device(msi("c").affinityUpdate(AffinityUpdate.LAZY_MOVE))
					.initially("a.msi[0]", 0, 0x30).initially("b.msi[0]", 2, 0x30).initially("c.msi[0]", 4, 0x30)
					.cpuThread(0, setAffinity("a.msi[0]", 1, 0x31))
					.cpuThread(2, setAffinity("b.msi[0]", 3, 0x31))
					.cpuThread(4, setAffinity("c.msi[0]", 5, 0x31))
					.deviceThread("a", raise("msi[0]", 2))
					.deviceThread("b", raise("msi[0]"))
					.deviceThread("c", raise("msi[0]"))
					.expectNo(Property.LOST_INTERRUPT).expectNo(Property.SPURIOUS_INTERRUPT).build());
		}
		return out;
	}
}
