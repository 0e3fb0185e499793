package org.irqdsl.qemu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.irqdsl.irqDsl.Bus;
import org.irqdsl.irqDsl.Device;
import org.irqdsl.irqDsl.Domain;
import org.irqdsl.irqDsl.Platform;

/**
 * The described platform against the platform `irqdsl import` made of the guest's dumps: the same
 * devices (at their guest addresses), the same MSI shape (counts, maskability, 64-bit), the
 * remapping domain present or not, the same root controller. Devices the plan left out are listed,
 * not compared; q35's own ICH9 AHCI is expected in every x86 guest.
 */
public record RoundTrip(List<String> agreements, List<String> differences, List<String> notes) {

	public boolean agrees() {
		return differences.isEmpty();
	}

	public static RoundTrip compare(MachinePlan plan, Platform imported) {
		List<String> same = new ArrayList<>();
		List<String> diff = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		Map<String, Device> byAddress = new HashMap<>();
		for (Bus b : imported.getBuses()) {
			for (Device d : b.getDevices()) {
				byAddress.put(MachinePlan.normal(d.getAddress()), d);
			}
		}
		for (MachinePlan.Placed p : plan.placed()) {
			Device got = byAddress.remove(p.guestAddress());
			String who = "device " + p.name() + " (" + p.qemu().model() + " at " + p.guestAddress() + ")";
			if (got == null) {
				diff.add("- " + who + ": " + p.shape() + "\n+ (absent from the import)\n  reason: the guest's lspci has no MSI capability there: "
						+ "the driver " + p.qemu().driver() + " did not load, or the device did not appear");
				continue;
			}
			MsiShape s = MsiShape.of(got);
			if (s.equals(p.shape())) {
				same.add(who + ": " + s);
			} else if (p.shape().hasMsi() && p.shape().hasMsix() && !s.hasMsi() && s.msixCount() == p.shape().msixCount()) {
				// irqdsl import writes only the MSI-X of a function whose driver enabled MSI-X (the MSI
				// capability "unused while MSI-X is enabled": importer/PlatformPlanner.device()), so the MSI
				// part cannot come back; the MSI-X table is compared
				same.add(who + ": msi-x count " + s.msixCount());
				notes.add(who + ": its MSI capability (" + p.shape() + ") not compared: the driver " + p.qemu().driver()
						+ " enabled MSI-X, and irqdsl import writes the MSI-X table only");
			} else {
				diff.add("- " + who + ": " + p.shape() + "\n+ " + who + ": " + s + "\n  reason: " + reason(p, s));
			}
		}
		for (Map.Entry<String, Device> e : byAddress.entrySet()) {
			if (plan.target().isX86() && e.getKey().equals(MachinePlan.Q35_AHCI)) {
				notes.add("00:1f.2 (" + MsiShape.of(e.getValue()) + "): q35's own ICH9 AHCI, in every q35 guest; not described, not compared");
			} else if (plan.target() == QemuTarget.X86_Q35_AMD_IR && e.getKey().equals(MachinePlan.AMD_IOMMU)) {
				notes.add(MachinePlan.AMD_IOMMU + " (" + MsiShape.of(e.getValue()) + "): amd-iommu's own PCI function (the IOMMU's event "
						+ "interrupt, hw/i386/amd_iommu.c); not described, not compared");
			} else {
				diff.add("+ device " + e.getValue().getName() + " at " + e.getKey() + ": " + MsiShape.of(e.getValue())
						+ "\n  reason: in the guest but not described (a QEMU default device?)");
			}
		}
		List<String> kinds = imported.getDomains().stream().map(Domain::getKind).toList();
		Optional<String> remap = plan.target().remapKind;
		Optional<String> gotRemap = kinds.stream().filter(k -> k.equals("DMAR") || k.equals("AMDVI")).findFirst();
		if (remap.equals(gotRemap)) {
			same.add("remapping: " + remap.orElse("none"));
		} else {
			diff.add("- remapping: " + remap.orElse("none") + "\n+ remapping: " + gotRemap.orElse("none")
					+ "\n  reason: " + (remap.isPresent() ? "the guest kernel did not enable interrupt remapping (see its log: DMAR-IR / AMD-Vi)"
							: "the guest remaps though the machine has no IOMMU"));
		}
		if (kinds.contains(plan.target().rootKind)) {
			same.add("root controller: " + plan.target().rootKind);
		} else {
			diff.add("- root controller: " + plan.target().rootKind + "\n+ root controller: " + kinds + "\n  reason: the import found another root");
		}
		plan.unmatched().forEach(u -> notes.add("not compared: " + u));
		return new RoundTrip(same, diff, notes);
	}

	private static String reason(MachinePlan.Placed p, MsiShape got) {
		MsiShape want = p.shape();
		if (want.msixCount() != got.msixCount()) {
			return "the MSI-X table size differs: QEMU's " + p.qemu().model() + " was given " + p.qemu().properties(want).replaceFirst("^,", "");
		}
		if (want.maskable() != got.maskable()) {
			return "per-vector masking differs: the device table's row for " + p.qemu().model() + " is wrong for this QEMU";
		}
		return "the MSI capability differs (" + p.qemu().source() + ")";
	}

	public String toText() {
		StringBuilder s = new StringBuilder();
		agreements.forEach(a -> s.append("  same: ").append(a).append('\n'));
		notes.forEach(n -> s.append("  note: ").append(n).append('\n'));
		differences.forEach(d -> s.append(d.replaceAll("(?m)^", "  ")).append('\n'));
		s.append(agrees() ? "round trip: the guest gives back the described platform (" + agreements.size() + " facts)\n"
				: "round trip: " + differences.size() + " difference" + (differences.size() == 1 ? "" : "s") + " (above)\n");
		return s.toString();
	}
}
