package org.irqdsl.importer.firmware;

import java.util.ArrayList;
import java.util.List;

import org.irqdsl.importer.ImportException;

/**
 * The I/O Virtualization Reporting Structure (AMD IOMMU specification 48882 section 5.2;
 * drivers/iommu/amd/init.c): IVinfo and each IVHD (an IOMMU: types 10h, 11h, 40h) with its device
 * entries, the IOAPIC and HPET "special" entries among them. IVMD blocks are stepped over.
 */
public record Ivrs(long ivinfo, List<Ivhd> units) {

	/** One IVHD block; {@code ioapics}: the special entries of variety 1, as (IOAPIC id, PCI device id). */
	public record Ivhd(int offset, int type, int flags, int deviceId, long base, int segment, int devices, List<int[]> ioapics,
			boolean selectAll) {

		public String bdf() {
			return String.format("%02x:%02x.%x", deviceId >> 8, (deviceId >> 3) & 0x1f, deviceId & 7);
		}
	}

	public static Ivrs decode(AcpiTable t) throws ImportException {
		long ivinfo = t.u32(36);
		List<Ivhd> units = new ArrayList<>();
		int p = 48;
		while (p < t.length()) {
			int type = t.u8Checked(p);
			int len = t.u16(p + 2);
			if (len < 4 || p + len > t.length()) {
				throw t.bad(p, String.format("IVRS block of type 0x%x with length %d does not fit the table", type, len));
			}
			if (type == 0x10 || type == 0x11 || type == 0x40) {
				int header = type == 0x10 ? 24 : 40;
				if (len < header) {
					throw t.bad(p, String.format("IVHD type 0x%x of %d bytes, shorter than its %d-byte header", type, len, header));
				}
				units.add(ivhd(t, p, type, len, header));
			}
			p += len;
		}
		return new Ivrs(ivinfo, units);
	}

	private static Ivhd ivhd(AcpiTable t, int p, int type, int len, int header) throws ImportException {
		int devices = 0;
		boolean all = false;
		List<int[]> ioapics = new ArrayList<>();
		int q = p + header;
		int end = p + len;
		while (q < end) {
			int e = t.u8Checked(q);
			int size;
			if (e < 0x40) {
				size = 4;
			} else if (e < 0x80) {
				size = 8;
			} else if (e == 0xf0) {
				size = 22 + t.u8Checked(q + 21); // ACPI HID device: UID length at byte 21
			} else {
				throw t.bad(q, String.format("IVHD device entry type 0x%x has no known length", e));
			}
			if (q + size > end) {
				throw t.bad(q, String.format("IVHD device entry type 0x%x of %d bytes runs past its IVHD", e, size));
			}
			if (e == 1) {
				all = true;
			}
			if (e == 2 || e == 3 || e == 0x42 || e == 0x43 || e == 0x46 || e == 0x47 || e == 0xf0) {
				devices++;
			}
			if (e == 0x48 && t.u8(q + 7) == 1) { // special: handle, source device id, variety 1 = IOAPIC
				ioapics.add(new int[] { t.u8(q + 4), t.u16(q + 5) });
			}
			q += size;
		}
		return new Ivhd(p, type, t.u8(p + 1), t.u16(p + 4), t.u64(p + 8), t.u16(p + 16), devices, ioapics, all);
	}
}
