package org.irqdsl.importer;

import java.util.Collection;
import java.util.Optional;

/**
 * What the MSI message addresses lspci prints ({@code Address: fee00218  Data: 0000}) say about
 * the machine. The address is what the kernel's MSI parent composed, so its format names the parent:
 * <ul>
 * <li>0xfee00000-0xfeefffff: the x86 local APIC window (arch/x86/include/asm/msidef.h
 * MSI_ADDR_BASE_HI/LO, X86_MSI_BASE_ADDRESS_LOW);</li>
 * <li>in that window, bit 4 set: Intel VT-d's remappable format (Interrupt Format = 1, the IRTE
 * handle in bits 19:5; drivers/iommu/intel/irq_remapping.c fill_msi_msg()): remapping is on.
 * Bit 4 clear is the compatibility format: no VT-d remapping for that message, but AMD-Vi keeps the
 * compatibility format while it remaps (it indexes its table by the data), so it says nothing there;</li>
 * <li>elsewhere, an address whose offset in its 4 KiB page is 0x040: an Arm GIC doorbell. GICv3's ITS
 * takes MSIs at GITS_TRANSLATER, ITS base + 0x10040 (drivers/irqchip/irq-gic-v3-its.c
 * its_irq_compose_msi_msg()), GICv2m at MSI_SETSPI_NS, frame + 0x040 (irq-gic-v2m.c); behind an
 * SMMU the page is an IOVA (iommu_dma_prepare_msi()), so only the offset in the page survives
 * (Ampere Altra: 00000000fff7f040). Which of the two it is, the address cannot tell.</li>
 * </ul>
 * Addresses of 0 (never written) are ignored.
 */
record MsiAddresses(Optional<Evidence> lapic, Optional<Evidence> remappable, Optional<Evidence> compatibility,
		Optional<Evidence> gicDoorbell) {

	static final long LAPIC_BASE = 0xfee00000L;
	static final long LAPIC_MASK = 0xfff00000L;
	/** VT-d remappable format: Interrupt Format bit. */
	static final long INTERRUPT_FORMAT = 0x10L;
	/** GITS_TRANSLATER and MSI_SETSPI_NS lie 0x040 into their page. */
	static final long GIC_DOORBELL_OFFSET = 0x040L;

	static MsiAddresses of(Collection<PciFunction> functions) {
		Evidence lapic = null;
		Evidence remappable = null;
		Evidence compatibility = null;
		Evidence doorbell = null;
		for (PciFunction f : functions) {
			PciFunction.MsiAddress a = f.msiAddress();
			if (a == null || a.address() == 0) {
				continue;
			}
			SourceRef at = new SourceRef("lspci", a.line());
			String hex = String.format("0x%x", a.address());
			if ((a.address() & LAPIC_MASK) == LAPIC_BASE) {
				lapic = lapic != null ? lapic
						: new Evidence("MSI address " + hex + " of " + f.printed() + " in the x86 local APIC window 0xfee00000-0xfeefffff", at);
				if ((a.address() & INTERRUPT_FORMAT) != 0) {
					remappable = remappable != null ? remappable
							: new Evidence("MSI address " + hex + " of " + f.printed()
									+ " has bit 4 set: Intel VT-d's remappable format (Interrupt Format = 1, fill_msi_msg())", at);
				} else {
					compatibility = compatibility != null ? compatibility
							: new Evidence("MSI address " + hex + " of " + f.printed()
									+ " has bit 4 clear: the compatibility format, which Intel VT-d does not remap", at);
				}
			} else if ((a.address() & 0xfffL) == GIC_DOORBELL_OFFSET) {
				doorbell = doorbell != null ? doorbell
						: new Evidence("MSI address " + hex + " of " + f.printed()
								+ " lies 0x040 into its page: an Arm GIC doorbell, GICv3 ITS GITS_TRANSLATER (ITS base + 0x10040) or GICv2m"
								+ " MSI_SETSPI_NS (frame + 0x040), the address cannot tell which", at);
			}
		}
		return new MsiAddresses(Optional.ofNullable(lapic), Optional.ofNullable(remappable), Optional.ofNullable(compatibility),
				Optional.ofNullable(doorbell));
	}
}
