package org.irqdsl.importer.firmware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.irqdsl.importer.Evidence;
import org.irqdsl.importer.ImportException;
import org.irqdsl.importer.InputText;
import org.irqdsl.importer.KernelLog.RemapVendor;
import org.irqdsl.importer.MachineFacts.Arch;
import org.irqdsl.importer.firmware.FirmwareFacts.ControllerKind;
import org.irqdsl.importer.firmware.FirmwareFacts.HostBridge;
import org.irqdsl.importer.firmware.FirmwareFacts.MsiController;
import org.irqdsl.importer.firmware.FirmwareFacts.Remap;

/**
 * Reads a folder of binary ACPI tables (/sys/firmware/acpi/tables, or acpixtract's *.dat files):
 * every regular file must be a whole table with a valid checksum; MADT ("APIC"), MCFG, DMAR, IVRS
 * and IORT are decoded, the others only checked. Facts cite {@code acpi:SIG+0xOFFSET}.
 */
public final class AcpiReader {

	/** The largest table we expect (a DSDT of a large server is a few MiB). */
	private static final long MAX_TABLE = 64L * 1024 * 1024;

	private AcpiReader() {
	}

	/** The tables of a folder, checked, in file-name order. */
	public static List<AcpiTable> tables(Path dir) throws ImportException {
		if (!Files.isDirectory(dir)) {
			throw new ImportException(dir + ": " + (Files.exists(dir) ? "not a folder" : "no such folder")
					+ "; expected a folder of binary ACPI tables (/sys/firmware/acpi/tables, acpixtract -a output)");
		}
		List<Path> files;
		try (Stream<Path> s = Files.list(dir)) {
			files = s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
		} catch (IOException e) {
			throw new ImportException(dir + ": " + InputText.ioProblem(e));
		}
		List<AcpiTable> out = new ArrayList<>();
		for (Path f : files) {
			try {
				if (Files.size(f) > MAX_TABLE) {
					throw new ImportException(f + ": larger than " + MAX_TABLE / 1048576 + " MiB, not an ACPI table");
				}
				out.add(AcpiTable.of(f.toString(), Files.readAllBytes(f)));
			} catch (IOException e) {
				throw new ImportException(f + ": " + InputText.ioProblem(e));
			}
		}
		if (out.isEmpty()) {
			throw new ImportException(dir + ": no ACPI table files in the folder");
		}
		return out;
	}

	public static FirmwareFacts read(Path dir) throws ImportException {
		return read(dir.toString(), tables(dir));
	}

	public static FirmwareFacts read(String origin, List<AcpiTable> tables) throws ImportException {
		Map<String, AcpiTable> bySig = new LinkedHashMap<>();
		for (AcpiTable t : tables) {
			bySig.putIfAbsent(t.signature(), t);
		}
		List<String> sigs = tables.stream().map(AcpiTable::signature).toList();
		String input = String.format("%-11s%s (%d tables: %s)", "acpi:", origin, tables.size(), String.join(" ", sigs));
		List<Evidence> notes = new ArrayList<>();
		List<MsiController> controllers = new ArrayList<>();
		List<HostBridge> bridges = new ArrayList<>();
		Arch arch = Arch.UNKNOWN;
		Evidence archWhy = null;
		Integer cpus = null;
		Evidence cpusWhy = null;

		Madt madt = null;
		AcpiTable apic = bySig.get("APIC");
		if (apic != null) {
			madt = Madt.decode(apic);
			long usable = madt.cpus().stream().filter(Madt.Cpu::usable).count();
			if (usable > 0) {
				Madt.Cpu first = madt.cpus().get(0);
				cpus = (int) usable;
				cpusWhy = apic.at(first.offset(), usable + " usable " + first.kind() + " entries (enabled or online-capable) of " + madt.cpus().size());
				arch = switch (first.kind()) {
				case "GICC" -> Arch.ARM;
				case "RINTC" -> Arch.RISCV;
				default -> Arch.X86;
				};
				archWhy = apic.at(first.offset(), "MADT " + first.kind() + " entries");
			}
			if (madt.gicVersion() > 0) {
				notes.add(apic.at(44, "root interrupt controller: GIC distributor, GICv" + madt.gicVersion() + " (MADT GICD)"));
			}
			for (Madt.Its i : madt.its()) {
				controllers.add(new MsiController(ControllerKind.GIC_ITS, "ITS " + i.translationId(),
						apic.at(i.offset(), String.format("GIC ITS id %d at 0x%x (MADT GIC ITS entry)", i.translationId(), i.base()))));
			}
			for (Madt.MsiFrame f : madt.msiFrames()) {
				controllers.add(new MsiController(ControllerKind.GICV2M, "MSI frame " + f.frameId(), apic.at(f.offset(), String.format(
						"GICv2m MSI frame %d at 0x%x%s", f.frameId(), f.base(),
						f.overridesSpis() ? ", SPIs " + f.spiBase() + ".." + (f.spiBase() + f.spiCount() - 1) : ", SPI range from the frame's MSI_TYPER"))));
			}
		}
		AcpiTable mcfg = bySig.get("MCFG");
		List<int[]> segments = new ArrayList<>();
		if (mcfg != null) {
			for (int p = 44; p + 16 <= mcfg.length(); p += 16) {
				segments.add(new int[] { mcfg.u16(p + 8), mcfg.u8(p + 10), mcfg.u8(p + 11), p });
			}
		}
		AcpiTable iortTable = bySig.get("IORT");
		if (iortTable != null) {
			Iort iort = Iort.decode(iortTable);
			if (arch == Arch.UNKNOWN) {
				arch = Arch.ARM;
				archWhy = iortTable.at(0, "IORT (Arm IO remapping)");
			}
			for (Iort.Node n : iort.nodes().values()) {
				if (n.type() != Iort.ROOT_COMPLEX) {
					continue;
				}
				List<Evidence> details = new ArrayList<>();
				MsiController parent = null;
				for (Iort.Node smmu : iort.smmusOf(n)) {
					details.add(iortTable.at(smmu.offset(), String.format("behind %s at 0x%x", smmu.typeName(), smmu.base())));
				}
				for (Iort.Mapping m : n.mappings()) {
					Iort.Node target = iort.nodes().get(m.outputRef());
					details.add(iortTable.at(m.offset(), String.format("ID mapping RID 0x%x..0x%x -> %s (0x%x) id 0x%x..", m.inputBase(),
							m.inputBase() + m.count() - 1, target == null ? "no node" : target.typeName(), m.outputRef(), m.outputBase())));
				}
				for (Iort.Node g : iort.itsGroupsOf(n)) {
					for (long id : g.itsIds()) {
						Optional<MsiController> c = controllers.stream().filter(x -> x.id().equals("ITS " + id)).findFirst();
						details.add(iortTable.at(g.offset(), "ITS group: ITS id " + id + (c.isPresent() ? "" : " (no MADT GIC ITS entry with this id)")));
						if (parent == null && c.isPresent()) {
							parent = c.get();
						}
					}
				}
				if (iort.itsGroupsOf(n).isEmpty()) {
					details.add(iortTable.at(n.offset(), "no ID mapping to an ITS group: MSIs of this root complex go to no ITS"
							+ (controllers.stream().anyMatch(c -> c.kind() == ControllerKind.GICV2M) ? " (GICv2m frames take them)" : "")));
					parent = controllers.stream().filter(c -> c.kind() == ControllerKind.GICV2M).findFirst().orElse(null);
				}
				bridges.add(new HostBridge((int) n.segment(), false, parent,
						iortTable.at(n.offset(), "PCI root complex, segment " + n.segment() + " (IORT root complex node)"), details));
			}
		}
		Optional<Remap> remap = Optional.empty();
		AcpiTable dmarTable = bySig.get("DMAR");
		AcpiTable ivrsTable = bySig.get("IVRS");
		if (dmarTable != null) {
			remap = Optional.of(dmar(dmarTable, Dmar.decode(dmarTable), madt, apic));
			if (arch == Arch.UNKNOWN) {
				arch = Arch.X86;
				archWhy = dmarTable.at(0, "DMAR (Intel VT-d)");
			}
		} else if (ivrsTable != null) {
			remap = Optional.of(ivrs(ivrsTable, Ivrs.decode(ivrsTable), madt, apic));
			if (arch == Arch.UNKNOWN) {
				arch = Arch.X86;
				archWhy = ivrsTable.at(0, "IVRS (AMD-Vi)");
			}
		}
		if (bridges.isEmpty()) {
			for (int[] s : segments) {
				bridges.add(new HostBridge(s[0], false, null, mcfg.at(s[3], String.format("PCI segment %d, buses %02x..%02x (MCFG ECAM)", s[0], s[1], s[2])),
						List.of()));
			}
		}
		return new FirmwareFacts(List.of(input), arch, archWhy, cpus, cpusWhy, controllers, bridges, List.of(), remap, notes);
	}

	/**
	 * Intel VT-d: remapping can be enabled when DMAR_INTR_REMAP is set (dmar_ir_support(),
	 * drivers/iommu/intel/irq_remapping.c) and every IOAPIC of the MADT is in a DRHD's scope
	 * (parse_ioapics_under_ir(): "ioapic %d has no mapping iommu, interrupt remapping will be disabled").
	 */
	private static Remap dmar(AcpiTable t, Dmar d, Madt madt, AcpiTable apic) {
		List<Evidence> details = new ArrayList<>();
		List<Integer> scopedIoapics = new ArrayList<>();
		for (Dmar.Drhd u : d.units()) {
			List<String> scopes = new ArrayList<>();
			for (Dmar.Scope s : u.scopes()) {
				scopes.add(s.typeName() + (s.type() == 3 || s.type() == 4 ? " id " + s.enumerationId() : "") + " " + s.pciPath());
				if (s.type() == 3) {
					scopedIoapics.add(s.enumerationId());
				}
			}
			details.add(t.at(u.offset(), String.format("DRHD at 0x%x, segment %d%s%s", u.address(), u.segment(),
					u.includePciAll() ? ", INCLUDE_PCI_ALL" : "", scopes.isEmpty() ? "" : ", scope: " + String.join(", ", scopes))));
		}
		if (d.x2apicOptOut()) {
			details.add(t.at(37, "DMAR_X2APIC_OPT_OUT: the firmware asks for xAPIC mode; Linux prints \"x2apic is disabled because BIOS sets x2apic opt out bit\""
					+ " and remaps in xAPIC mode (intel_irq_remapping.c)"));
		}
		boolean supported = d.interruptRemapping();
		Evidence why = t.at(37, String.format("DMAR flags 0x%02x: %s", d.flags(), supported ? "INTR_REMAP, interrupt remapping supported"
				: "no INTR_REMAP: Linux does not enable interrupt remapping (dmar_ir_support())"));
		if (supported && madt != null) {
			for (Madt.IoApic io : madt.ioApics()) {
				if (!scopedIoapics.contains(io.id())) {
					supported = false;
					why = apic.at(io.offset(), "IOAPIC id " + io.id() + " is in no DRHD's scope: Linux disables interrupt remapping"
							+ " (parse_ioapics_under_ir(): \"ioapic " + io.id() + " has no mapping iommu\")");
				}
			}
		}
		if (d.units().isEmpty()) {
			supported = false;
			why = t.at(48, "DMAR without a DRHD: no remapping hardware");
		}
		return new Remap(RemapVendor.DMAR, supported, why, details);
	}

	/**
	 * AMD-Vi: Linux remaps interrupts when it finds an IVHD (amd_iommu_irq_remap defaults on) and the
	 * southbridge IOAPIC among the IVHD's special entries (check_ioapic_information(),
	 * drivers/iommu/amd/init.c: "No southbridge IOAPIC found" disables it).
	 */
	private static Remap ivrs(AcpiTable t, Ivrs v, Madt madt, AcpiTable apic) {
		List<Evidence> details = new ArrayList<>();
		List<Integer> ioapics = new ArrayList<>();
		for (Ivrs.Ivhd u : v.units()) {
			List<String> special = new ArrayList<>();
			for (int[] io : u.ioapics()) {
				ioapics.add(io[0]);
				special.add(String.format("IOAPIC id %d as %02x:%02x.%x", io[0], io[1] >> 8, (io[1] >> 3) & 0x1f, io[1] & 7));
			}
			details.add(t.at(u.offset(), String.format("IVHD type 0x%x: IOMMU %s at 0x%x, segment %d, %s%s", u.type(), u.bdf(), u.base(), u.segment(),
					u.selectAll() ? "all devices" : u.devices() + " device entries", special.isEmpty() ? "" : ", " + String.join(", ", special))));
		}
		boolean supported = !v.units().isEmpty() && !ioapics.isEmpty();
		Evidence why = v.units().isEmpty() ? t.at(48, "IVRS without an IVHD: no AMD IOMMU")
				: ioapics.isEmpty() ? t.at(v.units().get(0).offset(), "no IOAPIC special entry in any IVHD: Linux disables interrupt remapping"
						+ " (check_ioapic_information(): \"No southbridge IOAPIC found\")")
						: t.at(v.units().get(0).offset(), "IVHD with the IOAPIC special entry: AMD-Vi interrupt remapping supported");
		if (supported && madt != null) {
			for (Madt.IoApic io : madt.ioApics()) {
				if (!ioapics.contains(io.id())) {
					details.add(apic.at(io.offset(), "IOAPIC id " + io.id() + " has no IVHD special entry (its interrupts cannot be remapped)"));
				}
			}
		}
		return new Remap(RemapVendor.AMDVI, supported, why, details);
	}
}
