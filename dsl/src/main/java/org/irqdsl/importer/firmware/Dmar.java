package org.irqdsl.importer.firmware;

import java.util.ArrayList;
import java.util.List;

import org.irqdsl.importer.ImportException;

/**
 * The DMA Remapping table (Intel VT-d specification 5.0 chapter 8; include/acpi/actbl1.h,
 * drivers/iommu/intel/dmar.c): the global flags and each DRHD (remapping hardware unit) with its
 * device scopes. Other remapping structures (RMRR, ATSR, RHSA, ANDD, SATC) are stepped over.
 */
public record Dmar(int hostAddressWidth, int flags, List<Drhd> units) {

	/** DMAR_INTR_REMAP: the platform supports interrupt remapping. */
	public static final int INTR_REMAP = 1;
	/** DMAR_X2APIC_OPT_OUT: the firmware asks the OS not to enable x2APIC. */
	public static final int X2APIC_OPT_OUT = 2;
	/** DRHD flag: the unit covers every PCI device of its segment not in another unit's scope. */
	public static final int INCLUDE_PCI_ALL = 1;

	public record Drhd(int offset, int flags, int segment, long address, List<Scope> scopes) {

		public boolean includePciAll() {
			return (flags & INCLUDE_PCI_ALL) != 0;
		}
	}

	/** A device scope: type 1 PCI endpoint, 2 PCI bridge, 3 IOAPIC, 4 HPET, 5 ACPI namespace device. */
	public record Scope(int offset, int type, int enumerationId, int startBus, List<int[]> path) {

		public String typeName() {
			return switch (type) {
			case 1 -> "PCI endpoint";
			case 2 -> "PCI bridge";
			case 3 -> "IOAPIC";
			case 4 -> "HPET";
			case 5 -> "ACPI namespace device";
			default -> "type " + type;
			};
		}

		/** "00:1f.2" for a path of one (device, function); deeper paths print every hop. */
		public String pciPath() {
			StringBuilder s = new StringBuilder(String.format("%02x", startBus));
			for (int[] hop : path) {
				s.append(String.format(":%02x.%x", hop[0], hop[1]));
			}
			return s.toString();
		}
	}

	public boolean interruptRemapping() {
		return (flags & INTR_REMAP) != 0;
	}

	public boolean x2apicOptOut() {
		return (flags & X2APIC_OPT_OUT) != 0;
	}

	public static Dmar decode(AcpiTable t) throws ImportException {
		int width = t.u8Checked(36) + 1; // the field holds N-1
		int flags = t.u8Checked(37);
		List<Drhd> units = new ArrayList<>();
		int p = 48;
		while (p < t.length()) {
			int type = t.u16(p);
			int len = t.u16(p + 2);
			if (len < 4 || p + len > t.length()) {
				throw t.bad(p, "remapping structure of type " + type + " with length " + len + " does not fit the table");
			}
			if (type == 0) {
				if (len < 16) {
					throw t.bad(p, "DRHD of " + len + " bytes, shorter than its 16-byte header");
				}
				units.add(new Drhd(p, t.u8(p + 4), t.u16(p + 6), t.u64(p + 8), scopes(t, p + 16, p + len)));
			}
			p += len;
		}
		return new Dmar(width, flags, units);
	}

	private static List<Scope> scopes(AcpiTable t, int from, int end) throws ImportException {
		List<Scope> out = new ArrayList<>();
		int p = from;
		while (p < end) {
			int type = t.u8Checked(p);
			int len = t.u8Checked(p + 1);
			if (len < 6 || p + len > end || (len - 6) % 2 != 0) {
				throw t.bad(p, "device scope of type " + type + " with length " + len + " does not fit its DRHD");
			}
			List<int[]> path = new ArrayList<>();
			for (int q = p + 6; q < p + len; q += 2) {
				path.add(new int[] { t.u8(q), t.u8(q + 1) });
			}
			out.add(new Scope(p, type, t.u8(p + 4), t.u8(p + 5), path));
			p += len;
		}
		return out;
	}
}
