package org.irqdsl.importer.firmware;

import java.util.ArrayList;
import java.util.List;

import org.irqdsl.importer.ImportException;

/**
 * The Multiple APIC Description Table, signature "APIC" (ACPI 6.5 section 5.2.12;
 * arch/x86/kernel/acpi/boot.c, drivers/acpi/arm64 and drivers/irqchip/irq-gic-v3-its.c's
 * acpi_table_parse_madt() callers): the CPUs (local APIC, x2APIC, GICC, RINTC entries), the IOAPICs,
 * the GIC distributor's version, GIC ITS entries and GICv2m MSI frames.
 */
public record Madt(List<Cpu> cpus, List<IoApic> ioApics, int gicVersion, List<Its> its, List<MsiFrame> msiFrames, List<Integer> unknownTypes) {

	/** {@code usable}: enabled, or online-capable (ACPI 6.3+, flag bit 1) so Linux counts it as possible. */
	public record Cpu(int offset, String kind, long id, boolean enabled, boolean usable) {
	}

	public record IoApic(int offset, int id, long address, long gsiBase) {
	}

	public record Its(int offset, long translationId, long base) {
	}

	public record MsiFrame(int offset, long frameId, long base, long flags, int spiCount, int spiBase) {

		/** ACPI_MADT_OVERRIDE_SPI_VALUES: the SPI count and base of the entry win over the frame's MSI_TYPER. */
		public boolean overridesSpis() {
			return (flags & 1) != 0;
		}
	}

	public static Madt decode(AcpiTable t) throws ImportException {
		List<Cpu> cpus = new ArrayList<>();
		List<IoApic> ioApics = new ArrayList<>();
		List<Its> its = new ArrayList<>();
		List<MsiFrame> frames = new ArrayList<>();
		List<Integer> unknown = new ArrayList<>();
		int gicVersion = 0;
		int p = 44;
		while (p < t.length()) {
			int type = t.u8Checked(p);
			int len = t.u8Checked(p + 1);
			if (len < 2 || p + len > t.length()) {
				throw t.bad(p, "interrupt controller structure of type " + type + " with length " + len + " does not fit the table");
			}
			switch (type) {
			case 0 -> { // Processor Local APIC
				long f = t.u32(p + 4);
				cpus.add(new Cpu(p, "local APIC", t.u8(p + 3), (f & 1) != 0, (f & 3) != 0));
			}
			case 1 -> ioApics.add(new IoApic(p, t.u8Checked(p + 2), t.u32(p + 4), t.u32(p + 8)));
			case 9 -> { // Processor Local x2APIC
				long f = t.u32(p + 8);
				cpus.add(new Cpu(p, "x2APIC", t.u32(p + 4), (f & 1) != 0, (f & 3) != 0));
			}
			case 0xb -> { // GICC
				long f = t.u32(p + 12);
				cpus.add(new Cpu(p, "GICC", t.u64(p + 68), (f & 1) != 0, (f & 9) != 0)); // MPIDR; bit 3: online capable
			}
			case 0xc -> gicVersion = t.u8Checked(p + 20);
			case 0xd -> frames.add(new MsiFrame(p, t.u32(p + 4), t.u64(p + 8), t.u32(p + 16), t.u16(p + 20), t.u16(p + 22)));
			case 0xf -> its.add(new Its(p, t.u32(p + 4), t.u64(p + 8)));
			case 0x18 -> { // RISC-V RINTC
				long f = t.u32(p + 4);
				cpus.add(new Cpu(p, "RINTC", t.u64(p + 8), (f & 1) != 0, (f & 3) != 0)); // hart id
			}
			case 2, 3, 4, 5, 6, 7, 8, 0xa, 0xe, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x19, 0x1a, 0x1b -> {
			}
			default -> unknown.add(type);
			}
			p += len;
		}
		return new Madt(cpus, ioApics, gicVersion, its, frames, unknown);
	}
}
