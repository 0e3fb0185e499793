package org.irqdsl.qemu;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.irqdsl.irqDsl.Bus;
import org.irqdsl.irqDsl.Device;
import org.irqdsl.irqDsl.Platform;

/**
 * A platform as a QEMU machine: each device onto a QEMU device of the same MSI shape, at a guest PCI
 * address on the root bus (the described one when it is free there, else the next free slot), and
 * the devices no QEMU device matches, each named with the reason.
 */
public record MachinePlan(Platform platform, QemuTarget target, List<Placed> placed, List<Unmatched> unmatched) {

	/** q35's own functions on bus 0: the host bridge, and the ICH9 LPC, SATA (AHCI) and SMBus at 1f. */
	static final String Q35_AHCI = "00:1f.2";

	/**
	 * QEMU's amd-iommu brings its own PCI function (hw/i386/amd_iommu.c, "AMDVI-PCI", with an MSI), put
	 * in the first free slot when the device is realized: it comes first on the command line, so slot 1.
	 */
	static final String AMD_IOMMU = "00:01.0";

	/** A described device, its QEMU device and its address in the guest. */
	public record Placed(Device device, MsiShape shape, QemuDevice qemu, String guestAddress, boolean builtIn) {
		public String name() {
			return device.getName();
		}
	}

	/** A described device left out of the machine, and why. */
	public record Unmatched(Device device, MsiShape shape, String reason) {
		@Override
		public String toString() {
			return "device " + device.getName() + " at \"" + device.getAddress() + "\" (" + shape + "): not in the QEMU machine: " + reason;
		}
	}

	public static MachinePlan of(Platform p) throws QemuException {
		QemuTarget target = QemuTarget.of(p);
		List<Placed> placed = new ArrayList<>();
		List<Unmatched> unmatched = new ArrayList<>();
		Set<Integer> used = new LinkedHashSet<>(List.of(0));
		if (target.isX86()) {
			used.add(0x1f);
		}
		if (target == QemuTarget.X86_Q35_AMD_IR) {
			used.add(1);
		}
		List<Device> devices = new ArrayList<>();
		for (Bus b : p.getBuses()) {
			for (Device d : b.getDevices()) {
				if (d.getVmd() != null) {
					unmatched.add(new Unmatched(d, MsiShape.of(d), "an Intel VMD: QEMU has no VMD device"));
				} else {
					devices.add(d);
				}
			}
		}
		boolean ahciBuiltInTaken = false;
		// first the devices whose described slot is free on the root bus, so they keep their address
		List<Device> later = new ArrayList<>();
		for (Device d : devices) {
			MsiShape shape = MsiShape.of(d);
			Optional<QemuDevice> q = DeviceTable.match(shape);
			if (q.isEmpty()) {
				unmatched.add(new Unmatched(d, shape, DeviceTable.whyUnmatched(shape)));
				continue;
			}
			String addr = normal(d.getAddress());
			if (target.isX86() && q.get() == DeviceTable.ICH9_AHCI && addr.equals(Q35_AHCI) && !ahciBuiltInTaken) {
				ahciBuiltInTaken = true;
				placed.add(new Placed(d, shape, q.get(), Q35_AHCI, true));
				continue;
			}
			Optional<Integer> slot = rootSlot(addr);
			if (slot.isPresent() && !used.contains(slot.get())) {
				used.add(slot.get());
				placed.add(new Placed(d, shape, q.get(), String.format("00:%02x.0", slot.get()), false));
			} else {
				later.add(d);
			}
		}
		int next = 1;
		for (Device d : later) {
			while (used.contains(next)) {
				next++;
			}
			if (next >= 0x1f) {
				unmatched.add(new Unmatched(d, MsiShape.of(d), "no free slot left on the guest's root bus"));
				continue;
			}
			used.add(next);
			MsiShape shape = MsiShape.of(d);
			placed.add(new Placed(d, shape, DeviceTable.match(shape).orElseThrow(), String.format("00:%02x.0", next), false));
		}
		return new MachinePlan(p, target, List.copyOf(placed), List.copyOf(unmatched));
	}

	/** "0000:00:1f.2" and "00:1f.2" are the same function. */
	static String normal(String address) {
		String a = address == null ? "" : address.trim().toLowerCase();
		return a.matches("[0-9a-f]{4}:.*") ? a.substring(5) : a;
	}

	/** The slot of a function 0 on bus 00 ("00:04.0" gives 4); other functions and buses are placed anew. */
	static Optional<Integer> rootSlot(String addr) {
		if (!addr.matches("00:[0-9a-f]{2}\\.0")) {
			return Optional.empty();
		}
		int slot = Integer.parseInt(addr.substring(3, 5), 16);
		return slot > 0 && slot < 0x1f ? Optional.of(slot) : Optional.empty();
	}

	/** The described device at a guest address, if one was placed there. */
	public Optional<Placed> atGuest(String guestAddress) {
		String a = normal(guestAddress);
		return placed.stream().filter(p -> p.guestAddress().equals(a)).findFirst();
	}
}
