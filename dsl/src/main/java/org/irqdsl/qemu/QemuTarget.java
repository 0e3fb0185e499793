package org.irqdsl.qemu;

import java.util.List;
import java.util.Optional;

import org.irqdsl.irqDsl.Domain;
import org.irqdsl.irqDsl.Platform;

/**
 * The QEMU machine a platform becomes, chosen by its root controller and remapping domain: x86 q35
 * (with Intel or AMD interrupt remapping, or none), arm64 virt with GICv3 and its ITS, riscv64 virt
 * with the AIA (APLIC and IMSIC).
 */
public enum QemuTarget {
	X86_Q35("qemu-system-x86_64", "q35", "VECTOR", Optional.empty()),
	X86_Q35_INTEL_IR("qemu-system-x86_64", "q35,kernel-irqchip=split", "VECTOR", Optional.of("DMAR")),
	X86_Q35_AMD_IR("qemu-system-x86_64", "q35,kernel-irqchip=split", "VECTOR", Optional.of("AMDVI")),
	ARM64_VIRT_ITS("qemu-system-aarch64", "virt,gic-version=3,its=on", "GIC_ITS", Optional.empty()),
	RISCV64_VIRT_AIA("qemu-system-riscv64", "virt,aia=aplic-imsic", "IMSIC", Optional.empty());

	public final String binary;
	public final String machine;
	/** The root MSI controller's domain kind in the language. */
	public final String rootKind;
	/** The remapping domain's kind, when the target remaps. */
	public final Optional<String> remapKind;

	QemuTarget(String binary, String machine, String rootKind, Optional<String> remapKind) {
		this.binary = binary;
		this.machine = machine;
		this.rootKind = rootKind;
		this.remapKind = remapKind;
	}

	public boolean isX86() {
		return rootKind.equals("VECTOR");
	}

	/** The target for a platform, or why there is none. */
	public static QemuTarget of(Platform p) throws QemuException {
		List<String> kinds = p.getDomains().stream().map(Domain::getKind).toList();
		if (kinds.contains("GIC_ITS")) {
			return ARM64_VIRT_ITS;
		}
		if (kinds.contains("IMSIC")) {
			return RISCV64_VIRT_AIA;
		}
		if (kinds.contains("VECTOR")) {
			if (kinds.contains("DMAR")) {
				return X86_Q35_INTEL_IR;
			}
			return kinds.contains("AMDVI") ? X86_Q35_AMD_IR : X86_Q35;
		}
		throw new QemuException("platform " + p.getName() + ": no QEMU machine for its root controller (domains " + kinds
				+ "); expected a VECTOR (x86 q35), GIC_ITS (arm64 virt) or IMSIC (riscv64 virt) domain");
	}
}
