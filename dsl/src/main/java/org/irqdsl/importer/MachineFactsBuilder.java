package org.irqdsl.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.irqdsl.analysis.PciAddress;
import org.irqdsl.importer.KernelLog.RemapEvent;
import org.irqdsl.importer.KernelLog.RemapVendor;
import org.irqdsl.importer.MachineFacts.Arch;
import org.irqdsl.importer.MachineFacts.Cpus;
import org.irqdsl.importer.MachineFacts.Kernel;
import org.irqdsl.importer.MachineFacts.MachineFunction;
import org.irqdsl.importer.MachineFacts.MsiUse;
import org.irqdsl.importer.MachineFacts.Remap;
import org.irqdsl.importer.MachineFacts.RemapState;
import org.irqdsl.importer.MachineFacts.UseKind;
import org.irqdsl.importer.InterruptTable.Row;

/** Merges what lspci, /proc/interrupts and the kernel log say into one {@link MachineFacts}. */
public final class MachineFactsBuilder {

	/** Intel VMD device ids, drivers/pci/controller/vmd.c vmd_ids[]. */
	private static final Set<String> VMD_IDS = Set.of("8086:201d", "8086:28c0", "8086:467f", "8086:4c3d", "8086:7d0b",
			"8086:9a0b", "8086:a77f", "8086:ad0b", "8086:b60b", "8086:b06f");
	/** fglrx names its handler after the device: "fglrx[0]@PCI:1:0:0" (decimal bus:device:function). */
	private static final Pattern ACTION_PCI = Pattern.compile("@PCI:(\\d{1,3}):(\\d{1,2}):(\\d)\\b");
	private static final Set<String> X86_ROWS = Set.of("LOC", "MCE", "MCP", "TLB", "TRM", "THR", "PMI", "IWI", "RTR");

	private final Optional<LspciDump> lspci;
	private final Optional<InterruptTable> interrupts;
	private final Optional<KernelLog> log;
	private final Optional<KernelLog.Versioned> kernelOption;

	private final Map<PciAddress, PciFunction> pci = new TreeMap<>(MachineFactsBuilder::compare);
	private final Map<PciAddress, MsiUse> uses = new TreeMap<>(MachineFactsBuilder::compare);
	private final Map<PciAddress, String> printed = new TreeMap<>(MachineFactsBuilder::compare);
	private final List<Evidence> unattributed = new ArrayList<>();
	private final List<Evidence> notes = new ArrayList<>();

	// evidence gathered from /proc/interrupts
	private Evidence irqRemapOn;
	private Evidence irqRemapOff;
	private Evidence irqIntel;
	private Evidence irqAmd;
	private Evidence irqX86;
	private Evidence irqArm;
	private Evidence irqRiscv;
	private Evidence irqIts;
	private Evidence irqPerDevice;
	private Evidence irqOldFormat;
	private Evidence irqV2m;
	private Evidence irqImsic;
	/** A PCI/MSI domain row whose name has no parent prefix ("PCI-MSIX-0000:00:02.0"): the parent adds none. */
	private Evidence irqPlainPciMsi;
	private MsiAddresses addresses;

	public MachineFactsBuilder(Optional<LspciDump> lspci, Optional<InterruptTable> interrupts, Optional<KernelLog> log,
			Optional<KernelLog.Versioned> kernelOption) {
		this.lspci = lspci;
		this.interrupts = interrupts;
		this.log = log;
		this.kernelOption = kernelOption;
	}

	static int compare(PciAddress a, PciAddress b) {
		int c = Integer.compare(a.domain(), b.domain());
		c = c != 0 ? c : Integer.compare(a.bus(), b.bus());
		c = c != 0 ? c : Integer.compare(a.device(), b.device());
		return c != 0 ? c : Integer.compare(a.function(), b.function());
	}

	public MachineFacts build() {
		lspci.ifPresent(d -> d.functions().forEach(f -> {
			pci.put(f.address(), f);
			printed.put(f.address(), f.printed());
		}));
		interrupts.ifPresent(this::readInterrupts);
		log.ifPresent(this::readAllocations);
		log.ifPresent(l -> notes.addAll(l.notes()));

		List<MachineFunction> functions = new ArrayList<>();
		Map<PciAddress, Boolean> all = new TreeMap<>(MachineFactsBuilder::compare);
		pci.keySet().forEach(a -> all.put(a, true));
		uses.keySet().forEach(a -> all.put(a, true));
		for (PciAddress a : all.keySet()) {
			PciFunction f = pci.get(a);
			functions.add(new MachineFunction(a, printed.getOrDefault(a, a.toString()), f, uses.get(a), vmd(f)));
		}

		List<InputText> inputs = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		lspci.ifPresent(d -> {
			inputs.add(d.input());
			problems.addAll(d.problems());
			if (d.accessDenied() > 0) {
				d.functions().stream().filter(f -> f.capabilities() == PciFunction.Capabilities.ACCESS_DENIED).findFirst()
						.ifPresent(f -> problems.add(Problem.notVisible(d.input().at(f.capabilitiesLine()), d.accessDenied()
								+ " functions show 'Capabilities: <access denied>' (lspci ran without root): their MSI and MSI-X capabilities are not visible")));
			}
			long bare = d.functions().stream().filter(f -> f.capabilities() == PciFunction.Capabilities.NO_DETAILS).count();
			if (bare > 0) {
				problems.add(Problem.notVisible(d.input().at(0), bare
						+ " functions have no detail lines (lspci without -vv?): their capabilities are not visible"));
			}
		});
		interrupts.ifPresent(t -> {
			inputs.add(t.input());
			problems.addAll(t.problems());
			if (t.headerLine() == 0) {
				problems.add(Problem.notVisible(t.input().at(0), "no CPU header line (CPU0 CPU1 ...): the CPU count is not visible"));
			}
		});
		log.ifPresent(l -> {
			inputs.add(l.input());
			problems.addAll(l.problems());
		});
		addresses = MsiAddresses.of(pci.values());
		Optional<ArchWhy> arch = archPair();
		Arch a = arch.map(ArchWhy::arch).orElse(Arch.UNKNOWN);
		Optional<Evidence> v2m = log.flatMap(KernelLog::gicV2m).or(() -> Optional.ofNullable(irqV2m));
		Optional<Evidence> its = its();
		Optional<Evidence> imsic = log.flatMap(KernelLog::imsic).or(() -> Optional.ofNullable(irqImsic));
		String inferred = null;
		if (a == Arch.ARM && its.isEmpty() && v2m.isEmpty() && addresses.gicDoorbell().isPresent()) {
			its = addresses.gicDoorbell();
			inferred = "MSI controller: GICv3 ITS or GICv2m (an MSI doorbell 0x040 into its page, " + addresses.gicDoorbell().get().at()
					+ "), no kernel log or /proc/interrupts line tells which: assumed the ITS; both mask at the parent"
					+ " (MSI_FLAG_PCI_MSI_MASK_PARENT) and never rewrite the message on an affinity change";
		}
		if (a == Arch.RISCV && imsic.isEmpty() && irqPlainPciMsi != null) {
			imsic = Optional.of(new Evidence("PCI/MSI domain " + irqPlainPciMsi.what() + " on RISC-V", irqPlainPciMsi.at()));
			inferred = "MSI controller: the IMSIC (drivers/irqchip/irq-riscv-imsic-platform.c, whose msi_parent_ops add no name prefix), "
					+ "inferred from " + irqPlainPciMsi + " without an riscv-imsic log line; a host bridge with its own MSI controller"
					+ " (PLDA on StarFive JH7110) would look the same";
		}
		return new MachineFacts(inputs, a, arch.map(ArchWhy::why), cpus(), kernel(), remap(), its,
				v2m, imsic, log.flatMap(KernelLog::aplic), Optional.ofNullable(inferred), functions,
				unattributed, notes, problems, lspci.map(LspciDump::unknownCapabilities).orElse(0),
				lspci.map(LspciDump::accessDenied).orElse(0), lspci.isPresent(), interrupts.isPresent(), log.isPresent());
	}

	private Evidence vmd(PciFunction f) {
		if (f == null) {
			return null;
		}
		SourceRef at = new SourceRef("lspci", f.headerLine());
		if ("vmd".equals(f.driver())) {
			return new Evidence("Intel VMD (driver vmd)", new SourceRef("lspci", f.driverLine()));
		}
		if (f.vendorDevice() != null && VMD_IDS.contains(f.vendorDevice())) {
			return new Evidence("Intel VMD [" + f.vendorDevice() + "] (drivers/pci/controller/vmd.c vmd_ids)", at);
		}
		if (f.description() != null && f.description().contains("Volume Management Device")
				&& ("0104".equals(f.classCode()) || "RAID bus controller".equals(f.className()))) {
			return new Evidence("Intel Volume Management Device (RAID bus controller)", at);
		}
		return null;
	}

	// ------------------------------------------------------------------------------------------
	// /proc/interrupts
	// ------------------------------------------------------------------------------------------

	private void readInterrupts(InterruptTable table) {
		for (Row row : table.rows()) {
			SourceRef at = table.input().at(row.line());
			if (!row.numbered()) {
				if (irqX86 == null && X86_ROWS.contains(row.id())) {
					irqX86 = new Evidence("x86 row " + row.id() + ":", at);
				}
				continue;
			}
			String chip = row.chip();
			if (chip == null) {
				continue;
			}
			classifyChip(row, chip, at);
			Optional<MsiChipName> msi = MsiChipName.of(chip, row.hwirq());
			if (msi.isEmpty()) {
				continue;
			}
			MsiChipName name = msi.get();
			if (name.remapped() && irqRemapOn == null) {
				irqRemapOn = new Evidence("remapped MSI domain " + chip, at);
			}
			boolean ownIommu = row.actions().startsWith("AMD-Vi");
			if (name.prefix().isEmpty() && !ownIommu && irqRemapOff == null) {
				irqRemapOff = new Evidence("MSI domain " + chip + " without the IR- prefix", at);
			}
			if (name.prefix().isEmpty() && !ownIommu && irqPlainPciMsi == null) {
				irqPlainPciMsi = new Evidence(chip + " " + Texts.excerpt(row.actions()), at);
			}
			if ("GICv2m-".equals(name.prefix()) && irqV2m == null) {
				irqV2m = new Evidence("GICv2m MSI domain " + chip, at);
			}
			if (ownIommu && irqAmd == null) {
				irqAmd = new Evidence("AMD IOMMU interrupt " + row.actions(), at);
			}
			if ("ITS-".equals(name.prefix()) && irqIts == null) {
				irqIts = new Evidence("GIC ITS MSI domain " + chip, at);
			}
			if (name.printed() != null && name.kind() != UseKind.EITHER && irqPerDevice == null) {
				irqPerDevice = new Evidence("per-device MSI domain " + chip, at);
			}
			PciAddress address = name.address();
			String shown = name.printed();
			if (address == null) {
				Matcher m = ACTION_PCI.matcher(row.actions());
				if (m.find() && Integer.parseInt(m.group(2)) < 32 && Integer.parseInt(m.group(1)) < 256) {
					address = new PciAddress(0, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
					shown = address.toString();
				}
			}
			if (row.hwirq() == null && irqOldFormat == null) {
				irqOldFormat = new Evidence(chip + "-" + row.flow() + " (chip and flow joined, no hwirq column)", at);
			}
			if (address == null) {
				unattributed.add(new Evidence("irq " + row.id() + " " + chip + (row.hwirq() == null ? "" : " " + row.hwirq())
						+ " " + Texts.excerpt(row.actions()), at));
				continue;
			}
			addUse(address, shown, name.kind(), name.prefix(), row.actions(), chip, at);
		}
	}

	private void classifyChip(Row row, String chip, SourceRef at) {
		if (chip.startsWith("IR-") && irqRemapOn == null) {
			irqRemapOn = new Evidence("remapped chip " + chip, at);
		}
		if (chip.equals("IO-APIC") && irqRemapOff == null) {
			irqRemapOff = new Evidence("IO-APIC without the IR- prefix", at);
		}
		if ((chip.startsWith("DMAR-MSI") || chip.startsWith("DMAR_MSI")) && irqIntel == null) {
			irqIntel = new Evidence("Intel IOMMU interrupt " + chip + " " + Texts.excerpt(row.actions()), at);
		}
		if (irqX86 == null && (chip.endsWith("IO-APIC") || chip.startsWith("DMAR") || chip.startsWith("HPET"))) {
			irqX86 = new Evidence("x86 chip " + chip, at);
		}
		if (irqArm == null && (chip.startsWith("GIC") || chip.startsWith("ITS-"))) {
			irqArm = new Evidence("Arm chip " + chip, at);
		}
		if (chip.startsWith("xen-") && notes.stream().noneMatch(n -> n.what().startsWith("Xen"))) {
			notes.add(new Evidence("Xen (event-channel chip " + chip + "): the MSI controller this kernel sees is the one Xen presents", at));
		}
		if (irqRiscv == null && (chip.startsWith("RISC-V") || chip.startsWith("APLIC") || chip.startsWith("IMSIC"))) {
			irqRiscv = new Evidence("RISC-V chip " + chip, at);
		}
		if (irqImsic == null && chip.startsWith("IMSIC")) {
			irqImsic = new Evidence("RISC-V IMSIC chip " + chip, at);
		}
	}

	private void addUse(PciAddress address, String shown, UseKind kind, String prefix, String actions, String chip, SourceRef at) {
		printed.putIfAbsent(address, shown);
		MsiUse old = uses.get(address);
		if (old == null) {
			uses.put(address, new MsiUse(kind, 1, prefix, actions, chip, at, at));
		} else {
			UseKind merged = old.kind() == kind ? kind : old.kind() == UseKind.EITHER ? kind : kind == UseKind.EITHER ? old.kind() : UseKind.MSIX;
			uses.put(address, new MsiUse(merged, old.vectors() + 1, old.prefix(), old.actions(), old.chip(), old.first(), at));
		}
	}

	private void readAllocations(KernelLog l) {
		for (KernelLog.MsiAllocation a : l.msiAllocations()) {
			if (interrupts.isPresent() && uses.containsKey(a.address())) {
				continue; // /proc/interrupts already shows it
			}
			addUse(a.address(), a.printed(), UseKind.EITHER, "", a.driver(), "irq " + a.irq(), a.at());
		}
	}

	// ------------------------------------------------------------------------------------------
	// Platform-wide facts
	// ------------------------------------------------------------------------------------------

	private record ArchWhy(Arch arch, Evidence why) {
	}

	private Optional<ArchWhy> archPair() {
		if (irqX86 != null) {
			return Optional.of(new ArchWhy(Arch.X86, irqX86));
		}
		if (irqArm != null) {
			return Optional.of(new ArchWhy(Arch.ARM, irqArm));
		}
		if (irqRiscv != null) {
			return Optional.of(new ArchWhy(Arch.RISCV, irqRiscv));
		}
		if (log.isPresent()) {
			KernelLog l = log.get();
			if (l.x86().isPresent()) {
				return Optional.of(new ArchWhy(Arch.X86, l.x86().get()));
			}
			if (!l.msiAllocations().isEmpty()) {
				return Optional.of(new ArchWhy(Arch.X86, new Evidence("'irq N for MSI/MSI-X' (x86 setup_msi_irq())", l.msiAllocations().get(0).at())));
			}
			if (l.gic().isPresent()) {
				return Optional.of(new ArchWhy(Arch.ARM, l.gic().get()));
			}
			if (l.riscv().isPresent()) {
				return Optional.of(new ArchWhy(Arch.RISCV, l.riscv().get()));
			}
		}
		if (irqRemapOn != null) {
			return Optional.of(new ArchWhy(Arch.X86, irqRemapOn));
		}
		if (irqOldFormat != null) {
			// chip and flow joined ("PCI-MSI-edge") was x86's io_apic.c/msi.c naming before the irq-domain hierarchy
			return Optional.of(new ArchWhy(Arch.X86, new Evidence("old x86 /proc/interrupts format " + irqOldFormat.what(), irqOldFormat.at())));
		}
		for (PciFunction f : pci.values()) {
			if (vmd(f) != null) {
				return Optional.of(new ArchWhy(Arch.X86, new Evidence("Intel VMD (an x86 platform feature)", new SourceRef("lspci", f.headerLine()))));
			}
			if (isPcHostBridge(f)) {
				return Optional.of(new ArchWhy(Arch.X86, new Evidence(Texts.excerpt(f.summary()), new SourceRef("lspci", f.headerLine()))));
			}
		}
		if (addresses.lapic().isPresent()) {
			return Optional.of(new ArchWhy(Arch.X86, addresses.lapic().get()));
		}
		for (PciFunction f : pci.values()) {
			Optional<RootComplexVendor.Inferred> v = RootComplexVendor.of(f);
			if (v.isPresent()) {
				return Optional.of(new ArchWhy(v.get().arch(), v.get().why()));
			}
		}
		if (addresses.gicDoorbell().isPresent()) {
			return Optional.of(new ArchWhy(Arch.ARM, addresses.gicDoorbell().get()));
		}
		return Optional.empty();
	}

	/** An Intel or AMD host bridge at 00:00.0: a PC. */
	private static boolean isPcHostBridge(PciFunction f) {
		boolean host = "0600".equals(f.classCode()) || "Host bridge".equals(f.className());
		boolean pc = f.vendorDevice() != null ? f.vendorDevice().startsWith("8086:") || f.vendorDevice().startsWith("1022:")
				: f.description() != null && (f.description().startsWith("Intel Corporation") || f.description().startsWith("Advanced Micro Devices"));
		return host && pc && f.address().bus() == 0 && f.address().domain() == 0;
	}

	private Cpus cpus() {
		if (interrupts.isPresent() && !interrupts.get().cpus().isEmpty()) {
			InterruptTable t = interrupts.get();
			List<Integer> online = t.cpus();
			int count = online.get(online.size() - 1) + 1;
			List<Integer> offline = new ArrayList<>();
			for (int c = 0, i = 0; c < count; c++) {
				if (i < online.size() && online.get(i) == c) {
					i++;
				} else {
					offline.add(c);
				}
			}
			return new Cpus(count, offline, new Evidence("header CPU0.." + "CPU" + (count - 1)
					+ (offline.isEmpty() ? "" : ", " + offline.size() + " missing (offline)"), t.input().at(t.headerLine())));
		}
		if (log.isPresent() && log.get().cpus().isPresent()) {
			KernelLog.Counted c = log.get().cpus().get();
			if (c.count() >= 1 && c.count() <= 8192) {
				return new Cpus(c.count(), List.of(), new Evidence(c.message(), c.at()));
			}
		}
		return new Cpus(null, List.of(), null);
	}

	private Kernel kernel() {
		KernelVersion exact = null;
		Evidence exactSource = null;
		if (kernelOption.isPresent()) {
			exact = kernelOption.get().version();
			exactSource = new Evidence(Texts.excerpt(kernelOption.get().release()), kernelOption.get().at());
		} else if (log.isPresent() && log.get().version().isPresent()) {
			KernelLog.Versioned v = log.get().version().get();
			exact = v.version();
			exactSource = new Evidence("Linux version " + Texts.excerpt(v.release()), v.at());
		}
		if (irqPerDevice != null) {
			return new Kernel(exact, exactSource, new KernelVersion(6, 0, 0), true, new Evidence(
					"per-device MSI domain names exist only since the v6.x per-device MSI domains: " + irqPerDevice.what(),
					irqPerDevice.at()));
		}
		if (irqOldFormat != null) {
			return new Kernel(exact, exactSource, KernelVersion.X86_TWO_STEP, false, new Evidence(
					"the /proc/interrupts format of x86 kernels before their irq-domain hierarchy (v4.x): " + irqOldFormat.what(),
					irqOldFormat.at()));
		}
		if (log.isPresent() && !log.get().msiAllocations().isEmpty()) {
			KernelLog.MsiAllocation a = log.get().msiAllocations().get(0);
			return new Kernel(exact, exactSource, KernelVersion.X86_TWO_STEP, false, new Evidence(
					"'irq N for MSI/MSI-X' is printed by x86 setup_msi_irq() (arch/x86/kernel/apic/io_apic.c), gone with the x86 irq-domain hierarchy (v4.x)",
					a.at()));
		}
		return new Kernel(exact, exactSource, null, false, null);
	}

	private Remap remap() {
		List<Evidence> conflicts = new ArrayList<>();
		List<Evidence> agreeing = new ArrayList<>();
		RemapState state = RemapState.UNKNOWN;
		Evidence stateSource = null;
		RemapVendor vendor = null;
		Evidence vendorSource = null;
		if (log.isPresent() && !log.get().remap().isEmpty()) {
			List<RemapEvent> events = log.get().remap();
			RemapEvent last = events.get(events.size() - 1);
			state = last.state() == KernelLog.RemapState.ON ? RemapState.ON : RemapState.OFF;
			stateSource = new Evidence(last.message(), last.at());
			if (last.vendor() != null) {
				vendor = last.vendor();
				vendorSource = stateSource;
			}
			for (RemapEvent e : events) {
				if (e.state() != last.state()) {
					conflicts.add(new Evidence(e.message(), e.at()));
				}
			}
		}
		Evidence fromIrq = irqRemapOn != null ? irqRemapOn : irqX86 != null ? irqRemapOff : null;
		RemapState irqState = irqRemapOn != null ? RemapState.ON : fromIrq != null ? RemapState.OFF : RemapState.UNKNOWN;
		if (irqState != RemapState.UNKNOWN) {
			if (state == irqState) {
				agreeing.add(fromIrq);
			} else {
				if (state != RemapState.UNKNOWN) {
					// the kernel log may be from another boot; /proc/interrupts shows the running kernel
					conflicts.add(stateSource);
				}
				state = irqState;
				stateSource = fromIrq;
			}
		}
		Optional<Evidence> byAddress = addresses.remappable().isPresent() ? addresses.remappable()
				: intelHost() != null ? addresses.compatibility() : Optional.empty();
		if (byAddress.isPresent()) {
			RemapState addressState = addresses.remappable().isPresent() ? RemapState.ON : RemapState.OFF;
			if (state == RemapState.UNKNOWN) {
				state = addressState;
				stateSource = byAddress.get();
				if (addressState == RemapState.ON && vendor == null) {
					vendor = RemapVendor.DMAR; // the remappable format is VT-d's
					vendorSource = byAddress.get();
				}
			} else if (state == addressState) {
				agreeing.add(byAddress.get());
			} else {
				conflicts.add(byAddress.get());
			}
		}
		if (vendor == null) {
			Evidence intel = irqIntel != null ? irqIntel : log.flatMap(KernelLog::intelIommu).orElse(null);
			Evidence amd = irqAmd != null ? irqAmd : log.flatMap(KernelLog::amdIommu).orElse(null);
			if (intel != null) {
				vendor = RemapVendor.DMAR;
				vendorSource = intel;
			} else if (amd != null) {
				vendor = RemapVendor.AMDVI;
				vendorSource = amd;
			} else {
				for (PciFunction f : pci.values()) {
					if (isPcHostBridge(f)) {
						boolean isAmd = f.vendorDevice() != null ? f.vendorDevice().startsWith("1022:")
								: f.description().startsWith("Advanced Micro Devices");
						vendor = isAmd ? RemapVendor.AMDVI : RemapVendor.DMAR;
						vendorSource = new Evidence((isAmd ? "AMD" : "Intel") + " host bridge", new SourceRef("lspci", f.headerLine()));
						break;
					}
				}
			}
		}
		return new Remap(state, stateSource, vendor, vendorSource, agreeing, conflicts);
	}

	/** An Intel host bridge, or null: only VT-d needs the remappable format, so only there does its absence say "off". */
	private PciFunction intelHost() {
		for (PciFunction f : pci.values()) {
			if (isPcHostBridge(f) && (f.vendorDevice() != null ? f.vendorDevice().startsWith("8086:")
					: f.description() != null && f.description().startsWith("Intel Corporation"))) {
				return f;
			}
		}
		return null;
	}

	private Optional<Evidence> its() {
		if (log.isPresent() && log.get().gicIts().isPresent()) {
			return log.get().gicIts();
		}
		return Optional.ofNullable(irqIts);
	}
}
