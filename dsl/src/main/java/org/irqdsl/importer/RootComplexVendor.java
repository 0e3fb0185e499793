package org.irqdsl.importer;

import java.util.Map;
import java.util.Optional;

import org.irqdsl.importer.MachineFacts.Arch;

/**
 * The architecture a PCI root complex's vendor implies. Only host bridges and PCI bridges on bus 0
 * count: their vendor makes the SoC or chipset, while add-in cards of any vendor sit in any machine
 * (an Intel NIC in an Ampere server, a Qualcomm Wi-Fi card in a PC).
 * <ul>
 * <li>x86: Intel 8086, AMD 1022;</li>
 * <li>arm64: Ampere 1def (Altra, AmpereOne), Huawei 19e5 (Kunpeng/HiSilicon root ports), Cavium /
 * Marvell 177d (ThunderX), Qualcomm 17cb (Centriq, Snapdragon root ports);</li>
 * <li>RISC-V: no vendor id is certain enough; the SoC vendors' names are matched instead when lspci
 * printed names (SpacemiT, StarFive, SiFive, Sophgo, T-Head).</li>
 * </ul>
 */
final class RootComplexVendor {

	private static final Map<String, String> X86 = Map.of("8086", "Intel", "1022", "AMD");
	private static final Map<String, String> ARM64 = Map.of("1def", "Ampere Computing", "19e5", "Huawei (HiSilicon)", "177d",
			"Cavium / Marvell", "17cb", "Qualcomm");
	private static final String[] ARM64_NAMES = { "Ampere Computing", "HiSilicon", "Cavium" };
	private static final String[] RISCV_NAMES = { "SpacemiT", "StarFive", "SiFive", "Sophgo", "T-Head", "T-HEAD" };

	/** An architecture and why. */
	record Inferred(Arch arch, Evidence why) {
	}

	private RootComplexVendor() {
	}

	static Optional<Inferred> of(PciFunction f) {
		boolean bridge = f.classCode() != null ? f.classCode().startsWith("060")
				: "Host bridge".equals(f.className()) || "PCI bridge".equals(f.className());
		if (!bridge || f.address().bus() != 0) {
			return Optional.empty();
		}
		SourceRef at = new SourceRef("lspci", f.headerLine());
		String what = (f.className() == null ? "bridge" : f.className()) + " " + f.printed();
		if (f.vendorDevice() != null) {
			String vendor = f.vendorDevice().substring(0, 4);
			if (X86.containsKey(vendor)) {
				return Optional.of(new Inferred(Arch.X86, new Evidence(what + " [" + f.vendorDevice() + "]: " + X86.get(vendor) + " root complex", at)));
			}
			if (ARM64.containsKey(vendor)) {
				return Optional.of(new Inferred(Arch.ARM, new Evidence(what + " [" + f.vendorDevice() + "]: " + ARM64.get(vendor)
						+ " root complex, an arm64 SoC", at)));
			}
		}
		String d = f.description() == null ? "" : f.description();
		for (String n : ARM64_NAMES) {
			if (d.startsWith(n)) {
				return Optional.of(new Inferred(Arch.ARM, new Evidence(what + ": " + n + " root complex (by name), an arm64 SoC", at)));
			}
		}
		for (String n : RISCV_NAMES) {
			if (d.startsWith(n)) {
				return Optional.of(new Inferred(Arch.RISCV, new Evidence(what + ": " + n + " root complex (by name), a RISC-V SoC", at)));
			}
		}
		return Optional.empty();
	}
}
