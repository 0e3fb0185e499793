package org.irqdsl.runtime.kernel;

/**
 * What drivers/irqchip/irq-msi-lib.c and drivers/pci/msi/irqdomain.c decide when a per-device MSI
 * domain is created under an MSI parent: which parent a child's lookup selects, and the child's
 * effective flags.
 */
public final class MsiLib {

	/** MSI_COMMON_FLAGS of drivers/pci/msi/irqdomain.c: FREE_MSI_DESCS | ACTIVATE_EARLY | DEV_SYSFS | MUST_REACTIVATE. */
	public static final long PCI_COMMON_FLAGS = MsiFlag.MSI_FLAG_FREE_MSI_DESCS.mask()
			| MsiFlag.MSI_FLAG_ACTIVATE_EARLY.mask() | MsiFlag.MSI_FLAG_DEV_SYSFS.mask()
			| MsiFlag.MSI_FLAG_MUST_REACTIVATE.mask();

	/** pci_msi_template.info.flags: what a per-device PCI/MSI domain asks for. */
	public static final long PCI_MSI_TEMPLATE_FLAGS = PCI_COMMON_FLAGS | MsiFlag.MSI_FLAG_MULTI_PCI_MSI.mask();

	/** pci_msix_template.info.flags: what a per-device PCI/MSI-X domain asks for. */
	public static final long PCI_MSIX_TEMPLATE_FLAGS = PCI_COMMON_FLAGS | MsiFlag.MSI_FLAG_PCI_MSIX.mask()
			| MsiFlag.MSI_FLAG_PCI_MSIX_ALLOC_DYN.mask();

	private MsiLib() {
	}

	/**
	 * msi_lib_init_dev_msi_info() step 5: {@code flags &= supported_flags; flags |= required_flags}.
	 * A parent can only take bits away (generic bits are always in supported_flags in practice) and
	 * force the required ones.
	 */
	public static long effectiveFlags(long requested, long supportedFlags, long requiredFlags) {
		return (requested & supportedFlags) | requiredFlags;
	}

	/**
	 * msi_lib_irq_domain_select(): a parent serves a lookup with {@code token} when the token equals
	 * its bus_select_token or the token's bit is in its bus_select_mask. A parent whose
	 * bus_select_token is DOMAIN_BUS_ANY and that has no mask (the x86 vector domain) takes the
	 * children that are pointed at it directly.
	 */
	public static boolean selects(DomainBusToken token, DomainBusToken busSelectToken, long busSelectMask) {
		if (token == busSelectToken) {
			return true;
		}
		if (busSelectToken == DomainBusToken.DOMAIN_BUS_ANY && busSelectMask == 0) {
			return true;
		}
		return (busSelectMask & (1L << token.value())) != 0;
	}
}
