package org.irqdsl.runtime.kernel;

import java.util.Optional;

/**
 * The kinds of irq domain a platform is built from, with the kernel facts each implies: its own
 * bus token, whether its irqchip can mask a single interrupt, whether it remaps interrupts.
 * Sources: reference/linux-msi.md ("Real parents") and the drivers named below.
 */
public enum DomainKind implements KernelName {
	VECTOR(DomainBusToken.DOMAIN_BUS_ANY, false, false,
			"x86 CPU vector domain (arch/x86/kernel/apic/vector.c); the local APIC cannot mask a single vector"),
	DMAR(DomainBusToken.DOMAIN_BUS_DMAR, false, true,
			"Intel interrupt remapping (drivers/iommu/intel/irq_remapping.c): atomic IRTE updates"),
	AMDVI(DomainBusToken.DOMAIN_BUS_AMDVI, false, true,
			"AMD-Vi interrupt remapping (drivers/iommu/amd/iommu.c): atomic IRTE updates"),
	GIC_ITS(DomainBusToken.DOMAIN_BUS_NEXUS, true, false,
			"Arm GICv3 ITS (drivers/irqchip/irq-gic-its-msi-parent.c): the device message never changes"),
	GICv2m(DomainBusToken.DOMAIN_BUS_NEXUS, true, false, "Arm GICv2m MSI frame (drivers/irqchip/irq-gic-v2m.c)"),
	IMSIC(DomainBusToken.DOMAIN_BUS_NEXUS, true, false,
			"RISC-V IMSIC (drivers/irqchip/irq-riscv-imsic-platform.c): per-CPU MSI files"),
	APLIC(DomainBusToken.DOMAIN_BUS_WIRED, true, false,
			"RISC-V APLIC (drivers/irqchip/irq-riscv-aplic-*.c): wired sources, direct or forwarded to MSI"),
	NEXUS(DomainBusToken.DOMAIN_BUS_NEXUS, true, false, "a generic nexus MSI parent"),
	PCI_MSI(DomainBusToken.DOMAIN_BUS_PCI_MSI, false, false, "a global PCI/MSI domain (legacy, pre per-device domains)"),
	VMD_MSI(DomainBusToken.DOMAIN_BUS_VMD_MSI, false, false,
			"Intel VMD's MSI domain (drivers/pci/controller/vmd.c): children multiplexed on the VMD's MSI-X vectors"),
	CDX_MSI(DomainBusToken.DOMAIN_BUS_NEXUS, false, false,
			"AMD CDX bus MSI domain (drivers/cdx/cdx_msi.c): messages written by firmware command");

	private final DomainBusToken busToken;
	private final boolean chipCanMask;
	private final boolean remapping;
	private final String meaning;

	DomainKind(DomainBusToken busToken, boolean chipCanMask, boolean remapping, String meaning) {
		this.busToken = busToken;
		this.chipCanMask = chipCanMask;
		this.remapping = remapping;
		this.meaning = meaning;
	}

	/** The domain's own bus token (what msi_lib compares with bus_select_token). */
	public DomainBusToken busToken() {
		return busToken;
	}

	/** Whether the kind's irqchip can mask one interrupt (seed 002: the GIC can, the local APIC cannot). */
	public boolean chipCanMask() {
		return chipCanMask;
	}

	/** Whether the kind is an interrupt-remapping domain (the atomic update of seed 001). */
	public boolean isRemapping() {
		return remapping;
	}

	@Override
	public String kernelName() {
		return name();
	}

	@Override
	public String meaning() {
		return meaning + "; bus token " + busToken.name();
	}

	public static Optional<DomainKind> byName(String name) {
		for (DomainKind k : values()) {
			if (k.name().equals(name)) {
				return Optional.of(k);
			}
		}
		return Optional.empty();
	}
}
