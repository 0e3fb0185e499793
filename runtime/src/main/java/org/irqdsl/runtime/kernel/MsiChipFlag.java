package org.irqdsl.runtime.kernel;

import java.util.Optional;

/** msi_parent_ops::chip_flags, include/linux/msi.h. */
public enum MsiChipFlag implements KernelName {
	MSI_CHIP_FLAG_SET_EOI("BIT(0): msi_lib installs irq_chip_eoi_parent"),
	MSI_CHIP_FLAG_SET_ACK("BIT(1): msi_lib installs irq_chip_ack_parent");

	private final String meaning;

	MsiChipFlag(String meaning) {
		this.meaning = meaning;
	}

	@Override
	public String kernelName() {
		return name();
	}

	@Override
	public String meaning() {
		return meaning + " (include/linux/msi.h)";
	}

	public static Optional<MsiChipFlag> byName(String name) {
		for (MsiChipFlag f : values()) {
			if (f.name().equals(name)) {
				return Optional.of(f);
			}
		}
		return Optional.empty();
	}
}
