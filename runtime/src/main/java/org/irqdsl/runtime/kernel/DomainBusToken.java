package org.irqdsl.runtime.kernel;

import java.util.Optional;

/** enum irq_domain_bus_token, include/linux/irqdomain_defs.h, in the kernel's order. */
public enum DomainBusToken implements KernelName {
	DOMAIN_BUS_ANY("matches any domain; the x86 vector domain's token"),
	DOMAIN_BUS_WIRED("wired interrupts"),
	DOMAIN_BUS_GENERIC_MSI("generic MSI"),
	DOMAIN_BUS_PCI_MSI("PCI/MSI: the token PCI looks its MSI parent up with"),
	DOMAIN_BUS_PLATFORM_MSI("platform MSI"),
	DOMAIN_BUS_NEXUS("a nexus domain serving several buses (GIC ITS, GICv2m, IMSIC)"),
	DOMAIN_BUS_IPI("inter-processor interrupts"),
	DOMAIN_BUS_FSL_MC_MSI("Freescale fsl-mc MSI"),
	DOMAIN_BUS_TI_SCI_INTA_MSI("TI SCI INTA MSI"),
	DOMAIN_BUS_WAKEUP("wakeup interrupts"),
	DOMAIN_BUS_VMD_MSI("Intel VMD's MSI domain"),
	DOMAIN_BUS_PCI_DEVICE_MSI("a per-device PCI MSI domain"),
	DOMAIN_BUS_PCI_DEVICE_MSIX("a per-device PCI MSI-X domain"),
	DOMAIN_BUS_DMAR("Intel interrupt remapping (DMAR)"),
	DOMAIN_BUS_AMDVI("AMD-Vi interrupt remapping"),
	DOMAIN_BUS_DEVICE_MSI("a per-device MSI domain of a non-PCI bus"),
	DOMAIN_BUS_WIRED_TO_MSI("wired interrupts converted to MSI");

	private final String meaning;

	DomainBusToken(String meaning) {
		this.meaning = meaning;
	}

	/** The kernel's numeric value: its position in the enum. */
	public int value() {
		return ordinal();
	}

	@Override
	public String kernelName() {
		return name();
	}

	@Override
	public String meaning() {
		return "= " + value() + ": " + meaning + " (include/linux/irqdomain_defs.h)";
	}

	public static Optional<DomainBusToken> byName(String name) {
		for (DomainBusToken t : values()) {
			if (t.name().equals(name)) {
				return Optional.of(t);
			}
		}
		return Optional.empty();
	}
}
