package org.irqdsl.runtime.kernel;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** enum msi_domain_info flags, include/linux/msi.h (v6.18). */
public enum MsiFlag implements KernelName {
	MSI_FLAG_USE_DEF_DOM_OPS(0, "fill unimplemented domain ops with the defaults"),
	MSI_FLAG_USE_DEF_CHIP_OPS(1, "fill unimplemented chip callbacks with the defaults"),
	MSI_FLAG_ACTIVATE_EARLY(2, "activate at allocation, so a PCI card never latches a random message"),
	MSI_FLAG_MUST_REACTIVATE(3, "reactivate on startup even with MSI_FLAG_ACTIVATE_EARLY (reservation mode)"),
	MSI_FLAG_DEV_SYSFS(4, "create sysfs entries on alloc/free"),
	MSI_FLAG_ALLOC_SIMPLE_MSI_DESCS(5, "allocate simple MSI descriptors"),
	MSI_FLAG_FREE_MSI_DESCS(6, "free MSI descriptors"),
	MSI_FLAG_USE_DEV_FWNODE(7, "use dev->fwnode for the per-device domain"),
	MSI_FLAG_PARENT_PM_DEV(8, "parent->dev becomes domain->pm_dev"),
	MSI_FLAG_PCI_MSI_MASK_PARENT(9, "mask/unmask at the parent irqchip; PCI-level mask only at startup/shutdown"),
	MSI_FLAG_PCI_MSI_STARTUP_PARENT(10, "startup/shutdown at the parent irqchip (v6.18)"),
	MSI_FLAG_MULTI_PCI_MSI(16, "multiple PCI MSI vectors per device"),
	MSI_FLAG_PCI_MSIX(17, "PCI MSI-X"),
	MSI_FLAG_LEVEL_CAPABLE(18, "level-triggered interrupts via two messages"),
	MSI_FLAG_MSIX_CONTIGUOUS(19, "MSI-X entries must be contiguous"),
	MSI_FLAG_PCI_MSIX_ALLOC_DYN(20, "MSI-X vectors can be allocated and freed after MSI-X is enabled"),
	MSI_FLAG_NO_AFFINITY(21, "MSIs cannot be steered per CPU (everything is muxed)"),
	MSI_FLAG_NO_MASK(22, "never use entry masking (Xen)");

	/** MSI_GENERIC_FLAGS_MASK = GENMASK(15, 0): bits no parent may take away. */
	public static final long GENERIC_FLAGS_MASK = 0xffffL;
	/** MSI_DOMAIN_FLAGS_MASK = GENMASK(31, 16): domain-specific bits a parent may mask out. */
	public static final long DOMAIN_FLAGS_MASK = 0xffff0000L;
	public static final String GENERIC_FLAGS_MASK_NAME = "MSI_GENERIC_FLAGS_MASK";
	public static final String GENERIC_FLAGS_MASK_MEANING =
			"GENMASK(15, 0): every generic MSI flag; a parent never restricts these";

	private final int bit;
	private final String meaning;

	MsiFlag(int bit, String meaning) {
		this.bit = bit;
		this.meaning = meaning;
	}

	public int bit() {
		return bit;
	}

	public long mask() {
		return 1L << bit;
	}

	public boolean isGeneric() {
		return (mask() & GENERIC_FLAGS_MASK) != 0;
	}

	@Override
	public String kernelName() {
		return name();
	}

	@Override
	public String meaning() {
		return "BIT(" + bit + ") " + (isGeneric() ? "generic" : "domain-specific") + ": " + meaning
				+ " (include/linux/msi.h)";
	}

	private static final java.util.Map<String, MsiFlag> BY_NAME = java.util.Arrays.stream(values())
			.collect(java.util.stream.Collectors.toUnmodifiableMap(MsiFlag::name, f -> f));

	public static Optional<MsiFlag> byName(String name) {
		return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(name));
	}

	/**
	 * The bits a name in a flag list stands for: one flag, or MSI_GENERIC_FLAGS_MASK; empty when the
	 * name is not a flag.
	 */
	public static Optional<Long> maskOf(String name) {
		if (GENERIC_FLAGS_MASK_NAME.equals(name)) {
			return Optional.of(GENERIC_FLAGS_MASK);
		}
		return byName(name).map(MsiFlag::mask);
	}

	public static Set<MsiFlag> decode(long flags) {
		Set<MsiFlag> set = EnumSet.noneOf(MsiFlag.class);
		for (MsiFlag f : values()) {
			if ((flags & f.mask()) != 0) {
				set.add(f);
			}
		}
		return set;
	}
}
