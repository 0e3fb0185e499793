package org.irqdsl.runtime.kernel;

import java.util.Optional;

/** msi_parent_ops::bus_select_mask bits, include/linux/irqchip/irq-msi-lib.h. */
public enum BusSelectMatch implements KernelName {
	MATCH_PCI_MSI(DomainBusToken.DOMAIN_BUS_PCI_MSI),
	MATCH_PLATFORM_MSI(DomainBusToken.DOMAIN_BUS_PLATFORM_MSI);

	private final DomainBusToken token;

	BusSelectMatch(DomainBusToken token) {
		this.token = token;
	}

	public DomainBusToken token() {
		return token;
	}

	public long mask() {
		return 1L << token.value();
	}

	@Override
	public String kernelName() {
		return name();
	}

	@Override
	public String meaning() {
		return "BIT(" + token.name() + "): the parent serves children looking it up with " + token.name()
				+ " (include/linux/irqchip/irq-msi-lib.h)";
	}

	public static Optional<BusSelectMatch> byName(String name) {
		for (BusSelectMatch m : values()) {
			if (m.name().equals(name)) {
				return Optional.of(m);
			}
		}
		return Optional.empty();
	}
}
