package org.irqdsl.importer;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.irqdsl.analysis.PciAddress;
import org.irqdsl.importer.MachineFacts.UseKind;

/**
 * What the chip column of a /proc/interrupts row says about PCI MSI. A per-device MSI domain is
 * named prefix + chip name + device ("IR-PCI-MSIX-0000:00:14.3", kernel/irq/msi.c
 * msi_create_device_irq_domain); a global PCI/MSI domain is named prefix + "PCI-MSI" ("IR-PCI-MSI",
 * "PCI-MSI", or the GIC ITS's "ITS-MSI") and covers MSI and MSI-X alike, its hwirq then being
 * pci_msi_domain_calc_hwirq() (drivers/pci/msi/irqdomain.c): MSI index | requester id << 11 |
 * PCI domain << 27.
 */
record MsiChipName(String prefix, UseKind kind, PciAddress address, String printed) {

	private static final Pattern PER_DEVICE = Pattern
			.compile("^((?:[A-Za-z0-9_]+-)*?)PCI-MSI(X?)-((?:[0-9a-fA-F]{4,5}:)?[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7])$");
	private static final Pattern GLOBAL = Pattern.compile("^((?:[A-Za-z0-9_]+-)*?)PCI-MSI(X?)$|^(ITS-|VMD-)MSI$");

	/** The MSI meaning of a chip name; empty for IO-APIC, GIC, DMAR's own MSI and every other chip. */
	static Optional<MsiChipName> of(String chip, Long hwirq) {
		if (chip == null) {
			return Optional.empty();
		}
		Matcher m = PER_DEVICE.matcher(chip);
		if (m.matches()) {
			Optional<PciAddress> a = PciAddress.parse(m.group(3));
			return a.map(address -> new MsiChipName(m.group(1), m.group(2).isEmpty() ? UseKind.MSI : UseKind.MSIX, address,
					m.group(3)));
		}
		Matcher g = GLOBAL.matcher(chip);
		if (!g.matches()) {
			return Optional.empty();
		}
		String prefix = g.group(1) != null ? g.group(1) : g.group(3);
		UseKind kind = g.group(2) != null && !g.group(2).isEmpty() ? UseKind.MSIX : UseKind.EITHER;
		PciAddress address = hwirq == null ? null : decode(hwirq);
		return Optional.of(new MsiChipName(prefix, kind, address, address == null ? null : address.toString()));
	}

	/** pci_msi_domain_calc_hwirq() backwards; null when the number cannot be one. */
	static PciAddress decode(long hwirq) {
		if (hwirq < 0 || hwirq >= (1L << 43)) {
			return null;
		}
		int domain = (int) (hwirq >>> 27);
		int rid = (int) ((hwirq >>> 11) & 0xffff);
		return new PciAddress(domain, rid >>> 8, (rid >>> 3) & 0x1f, rid & 7);
	}

	/** The MSI index a hwirq carries (per-device domains: the hwirq itself). */
	static long index(long hwirq) {
		return hwirq & 0x7ff;
	}

	boolean remapped() {
		return "IR-".equals(prefix);
	}
}
