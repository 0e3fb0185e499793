package org.irqdsl.runtime.kernel;

import java.util.Optional;

/** IRQ_DOMAIN_FLAG_*, include/linux/irqdomain.h. */
public enum IrqDomainFlag implements KernelName {
	IRQ_DOMAIN_FLAG_HIERARCHY(0, "the domain is part of a hierarchy"),
	IRQ_DOMAIN_FLAG_NAME_ALLOCATED(1, "the domain name was allocated"),
	IRQ_DOMAIN_FLAG_IPI_PER_CPU(2, "one IPI per CPU"),
	IRQ_DOMAIN_FLAG_IPI_SINGLE(3, "one IPI for all CPUs"),
	IRQ_DOMAIN_FLAG_MSI(4, "the domain implements MSI"),
	IRQ_DOMAIN_FLAG_ISOLATED_MSI(5, "MSIs are isolated: a device cannot forge another's interrupt"),
	IRQ_DOMAIN_FLAG_NO_MAP(6, "no irq_domain_map"),
	IRQ_DOMAIN_FLAG_MSI_PARENT(8, "the domain is an MSI parent (has msi_parent_ops)"),
	IRQ_DOMAIN_FLAG_MSI_DEVICE(9, "a per-device MSI domain"),
	IRQ_DOMAIN_FLAG_DESTROY_GC(10, "free the generic chip on destroy"),
	IRQ_DOMAIN_FLAG_MSI_IMMUTABLE(11, "the MSI address/data never change on set_affinity"),
	IRQ_DOMAIN_FLAG_FWNODE_PARENT(12, "the parent comes from the fwnode"),
	IRQ_DOMAIN_FLAG_NONCORE(16, "flags from here on are for the domain's own use");

	private final int bit;
	private final String meaning;

	IrqDomainFlag(int bit, String meaning) {
		this.bit = bit;
		this.meaning = meaning;
	}

	public int bit() {
		return bit;
	}

	@Override
	public String kernelName() {
		return name();
	}

	@Override
	public String meaning() {
		return "BIT(" + bit + "): " + meaning + " (include/linux/irqdomain.h)";
	}

	public static Optional<IrqDomainFlag> byName(String name) {
		for (IrqDomainFlag f : values()) {
			if (f.name().equals(name)) {
				return Optional.of(f);
			}
		}
		return Optional.empty();
	}
}
