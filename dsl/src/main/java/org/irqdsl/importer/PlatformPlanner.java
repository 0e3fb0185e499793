package org.irqdsl.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.irqdsl.importer.KernelLog.RemapVendor;
import org.irqdsl.importer.MachineFacts.Arch;
import org.irqdsl.importer.MachineFacts.MachineFunction;
import org.irqdsl.importer.MachineFacts.MsiUse;
import org.irqdsl.importer.MachineFacts.RemapState;
import org.irqdsl.importer.MachineFacts.UseKind;
import org.irqdsl.importer.PciFunction.Capabilities;
import org.irqdsl.importer.PlatformPlan.BusPlan;
import org.irqdsl.importer.PlatformPlan.CpusPlan;
import org.irqdsl.importer.PlatformPlan.DevicePlan;
import org.irqdsl.importer.PlatformPlan.DomainPlan;
import org.irqdsl.importer.PlatformPlan.MsiPlan;
import org.irqdsl.importer.PlatformPlan.MsixPlan;
import org.irqdsl.importer.PlatformPlan.Summary;
import org.irqdsl.importer.PlatformPlan.VmdPlan;

/**
 * Decides the platform from the facts: the domain hierarchy with the kernel's msi_parent_ops, the
 * affinity-update strategy the kernel version implies, a bus per PCI domain, a device per function
 * with MSI or MSI-X, and VMD child domains inside their VMD. Where the facts are silent it assumes
 * the case at risk (no remapping, an old kernel, a non-maskable MSI) and writes that down.
 */
public final class PlatformPlanner {

	/** x86 FIRST_EXTERNAL_VECTOR..NR_VECTORS-1 (arch/x86/include/asm/irq_vectors.h). */
	static final int X86_VECTORS = 0xff - 0x20 + 1;

	private final MachineFacts facts;
	private final List<String> assumptions = new ArrayList<>();
	/** Functions written without MSI, for the closing comment: capabilities seen, and not seen. */
	private final List<String> quiet = new ArrayList<>();
	private final List<String> hidden = new ArrayList<>();

	private PlatformPlanner(MachineFacts facts) {
		this.facts = facts;
	}

	public static PlatformPlan plan(MachineFacts facts, String name) {
		return new PlatformPlanner(facts).plan(name);
	}

	/** An affinity-update strategy and why; {@code assumed} when the kernel version that decides it is unknown. */
	private record Strategy(String name, String why, boolean assumed) {
	}

	/** The domains of the MSI path, the one buses point at ({@code top}, null when none), and what they mean. */
	private record Hierarchy(List<DomainPlan> domains, String top, String parents, Strategy strategy) {

		static Hierarchy none(String parents) {
			return new Hierarchy(new ArrayList<>(), null, parents, null);
		}
	}

	private PlatformPlan plan(String name) {
		boolean hasMsi = facts.functions().stream()
				.anyMatch(f -> f.use() != null || (f.lspci() != null && (f.lspci().msi() != null || f.lspci().msix() != null)));
		// an unknown architecture never means "safe": with MSI in use, assume the case at risk, x86 without remapping
		boolean archAssumed = facts.arch() == Arch.UNKNOWN && hasMsi;
		Arch arch = archAssumed ? Arch.X86 : facts.arch();
		String archWhy = archAssumed
				? "unknown: no input shows it (no host bridge, MSI address, chip name or kernel log line): assumed x86 without interrupt remapping, "
						+ "the case at risk (no x86 MSI parent masks at the parent; without remapping a non-maskable MSI's message can be torn)"
				: facts.archEvidence().map(Evidence::toString).orElse("no input shows the architecture");
		if (archAssumed) {
			assumptions.add("architecture: " + archWhy);
		}
		String kernel = facts.kernel().exact() == null ? null : facts.kernel().exact().toString();
		String kernelComment = facts.kernel().exact() == null ? null : facts.kernel().exactSource().toString();

		RemapState remap = facts.remap().state();
		// the firmware allows remapping, no dump shows the kernel did it: Linux does by default, but a log decides
		boolean remapFromFirmware = arch == Arch.X86 && remap == RemapState.ON && facts.remap().stateSource() != null
				&& facts.remap().stateSource().at().input().startsWith("acpi:");
		if (remapFromFirmware) {
			assumptions.add("interrupt remapping: only the firmware shows it (" + facts.remap().stateSource()
					+ "): assumed Linux enabled it, as it does by default (intel_prepare_irq_remapping(), amd_iommu_prepare());"
					+ " intremap=off or a kernel without CONFIG_IRQ_REMAP leave it off: a kernel log decides");
		}
		boolean remapAssumed = arch == Arch.X86 && (remap == RemapState.UNKNOWN || remapFromFirmware);
		String remapWhy = remapAssumed && !remapFromFirmware ? (archAssumed ? "the architecture itself is unknown" : "no kernel log line, /proc/interrupts chip or MSI address shows it")
				: facts.remap().stateSource() == null ? null : facts.remap().stateSource().toString();
		facts.msiControllerInferred().ifPresent(assumptions::add);
		Hierarchy h = switch (arch) {
		case X86 -> x86(archWhy, remapWhy);
		case ARM -> arm();
		case RISCV -> riscv();
		default -> Hierarchy.none("unknown architecture");
		};
		if (h.top() == null && hasMsi) {
			assumptions.add("MSI controller: not visible (" + arch.label() + " without MSI controller lines"
					+ "): no domain written, the devices are not assessed; add the kernel log (dmesg) or /proc/interrupts to the import");
		}

		List<BusPlan> buses = buses(h.top());
		List<DomainPlan> domains = new ArrayList<>(h.domains());
		domains.addAll(vmdDomains(buses));
		List<String> epilogue = epilogue();

		CpusPlan cpus = cpus(arch, buses);
		Strategy st = h.strategy();
		Summary summary = new Summary(arch, archWhy, archAssumed, cpus.count(), cpus.comment(), facts.cpus().count() == null, kernelText(),
				kernelShort(), kernel != null, remap, remapWhy, remapAssumed, h.parents(), st == null ? null : st.name(),
				st == null ? null : st.why(), st != null && st.assumed(), List.copyOf(assumptions));
		return new PlatformPlan(name, preamble(), cpus, kernel, kernelComment, domains, buses, epilogue, summary);
	}

	/** VECTOR, with DMAR or AMDVI on top when interrupt remapping is on. */
	private Hierarchy x86(String archWhy, String remapWhy) {
		MachineFacts.Remap remap = facts.remap();
		boolean on = remap.state() == RemapState.ON;
		List<String> vc = new ArrayList<>();
		vc.add("x86 CPU vector domain (" + archWhy + ")");
		if (remap.state() == RemapState.UNKNOWN) {
			vc.add("interrupt remapping: unknown (" + remapWhy + "): assumed off, the case at risk");
			assumptions.add("interrupt remapping: unknown (" + remapWhy + "): assumed off, the case at risk");
		} else if (!on) {
			vc.add("interrupt remapping off: " + remap.stateSource());
			remap.agreeing().forEach(a -> vc.add("  and " + a));
			remap.conflicts().forEach(c -> vc.add("disagrees: " + c + " (/proc/interrupts of the running kernel wins)"));
		}
		vc.add("msi-parent-ops: " + KernelMsiParents.X86_VECTOR.source());
		// with remapping, msi_set_affinity() is not installed: the vector domain's strategy matters to no PCI device
		Strategy vector = on ? null : byKernel(KernelVersion.X86_TWO_STEP, true, "direct",
				"address and data written directly (before commit 6f1a4891a592)", "two-step",
				"msi_set_affinity() two-step update (commit 6f1a4891a592)", "direct update");
		List<DomainPlan> domains = new ArrayList<>();
		domains.add(new DomainPlan("vector", "VECTOR", null, vc, "0x20..0xff",
				"FIRST_EXTERNAL_VECTOR..NR_VECTORS-1 (arch/x86/include/asm/irq_vectors.h)", List.of(), KernelMsiParents.X86_VECTOR,
				vector == null ? null : vector.name(), vector == null ? null : vector.why()));
		if (!on) {
			return new Hierarchy(domains, "vector", "VECTOR (no interrupt remapping)", vector);
		}
		RemapVendor vendor = remap.vendor();
		List<String> rc = new ArrayList<>();
		rc.add("interrupt remapping on: " + remap.stateSource());
		remap.agreeing().forEach(a -> rc.add("  and " + a));
		if (vendor == null) {
			vendor = RemapVendor.DMAR;
			rc.add("remapping hardware: unknown (no DMAR or AMD-Vi line): assumed Intel DMAR");
			assumptions.add("remapping hardware: unknown: assumed Intel DMAR (AMD-Vi has the same msi_parent_ops but DOMAIN_BUS_AMDVI)");
		} else if (!remap.vendorSource().equals(remap.stateSource())) {
			rc.add((vendor == RemapVendor.DMAR ? "Intel VT-d" : "AMD-Vi") + ": " + remap.vendorSource());
		}
		facts.notes().forEach(n -> rc.add(n.toString()));
		remap.conflicts().forEach(c -> rc.add("disagrees: " + c + " (the last word, or /proc/interrupts of the running kernel, wins)"));
		KernelMsiParents.Ops ops = vendor == RemapVendor.DMAR ? KernelMsiParents.DMAR : KernelMsiParents.AMDVI;
		String kind = vendor == RemapVendor.DMAR ? "DMAR" : "AMDVI";
		rc.add("msi-parent-ops: " + ops.source());
		String why = "atomic IRTE update: the device's message never changes";
		domains.add(new DomainPlan("ir", kind, "vector", rc, null, null, List.of(), ops, "remap", why));
		return new Hierarchy(domains, "ir", "VECTOR + " + kind, new Strategy("remap", "interrupt remapping: " + why, false));
	}

	/** GIC ITS, else GICv2m: the message never depends on the target CPU. */
	private Hierarchy arm() {
		List<DomainPlan> domains = new ArrayList<>();
		if (facts.gicIts().isPresent()) {
			List<String> c = new ArrayList<>(List.of((facts.msiControllerInferred().isPresent() ? "assumed GICv3 ITS: " : "GICv3 ITS: ")
					+ facts.gicIts().get(), "msi-parent-ops: " + KernelMsiParents.GIC_ITS.source(),
					"IRQ_DOMAIN_FLAG_MSI_IMMUTABLE: an affinity change moves the LPI's collection, never the device's message"));
			facts.notes().forEach(n -> c.add(n.toString()));
			String why = "GIC ITS: the message (ITS doorbell, event id) does not depend on the target CPU";
			domains.add(new DomainPlan("its", "GIC_ITS", null, c, null, null,
					List.of("IRQ_DOMAIN_FLAG_ISOLATED_MSI", "IRQ_DOMAIN_FLAG_MSI_IMMUTABLE"), KernelMsiParents.GIC_ITS, "immutable", why));
			if (facts.gicV2m().isPresent() && facts.firmware().bridges().stream().anyMatch(b -> "GICv2m".equals(b.parentKind()))) {
				// a firmware whose host bridges use both: the GICv2m frame too
				domains.add(new DomainPlan("v2m", "GICv2m", null, new ArrayList<>(List.of("GICv2m: " + facts.gicV2m().get(),
						"msi-parent-ops: " + KernelMsiParents.GICV2M.source())), null, null, List.of(), KernelMsiParents.GICV2M, "immutable",
						"GICv2m: the message (frame doorbell, SPI number) does not depend on the target CPU; the distributor moves the SPI"));
			}
			return new Hierarchy(domains, "its", "GIC_ITS", new Strategy("immutable", why, false));
		}
		if (facts.gicV2m().isPresent()) {
			List<String> c = new ArrayList<>(List.of("GICv2m: " + facts.gicV2m().get(), "msi-parent-ops: " + KernelMsiParents.GICV2M.source()));
			facts.notes().forEach(n -> c.add(n.toString()));
			String why = "GICv2m: the message (frame doorbell, SPI number) does not depend on the target CPU; the distributor moves the SPI";
			domains.add(new DomainPlan("v2m", "GICv2m", null, c, null, null, List.of(), KernelMsiParents.GICV2M, "immutable", why));
			return new Hierarchy(domains, "v2m", "GICv2m", new Strategy("immutable", why, false));
		}
		return Hierarchy.none("none seen (Arm GIC without ITS or GICv2m lines)");
	}

	/** IMSIC, with the APLIC above it when the APLIC forwards wired interrupts as MSIs. */
	private Hierarchy riscv() {
		if (facts.imsic().isEmpty()) {
			return Hierarchy.none("none seen (RISC-V without an riscv-imsic line)");
		}
		Strategy s = byKernel(KernelVersion.IMSIC_TWO_STEP, false, "lazy-move",
				"IMSIC writes the new message, then syncs the old CPU by timer (lazy move)", "two-step",
				"IMSIC moves through a temporary vector with a pending check (two-step-like)", "IMSIC lazy move");
		List<DomainPlan> domains = new ArrayList<>();
		List<String> ic = new ArrayList<>(List.of((facts.msiControllerInferred().isPresent() ? "assumed RISC-V IMSIC: " : "") + facts.imsic().get(),
				"msi-parent-ops: " + KernelMsiParents.IMSIC.source()));
		facts.notes().forEach(n -> ic.add(n.toString()));
		domains.add(new DomainPlan("imsic", "IMSIC", null, ic, null, null, List.of(), KernelMsiParents.IMSIC, s.name(), s.why()));
		String parents = "IMSIC";
		if (facts.aplic().isPresent() && facts.aplic().get().what().contains("forwarded")) {
			domains.add(new DomainPlan("aplic", "APLIC", "imsic", new ArrayList<>(List.of(facts.aplic().get().toString(),
					"wired sources turned into MSIs (drivers/irqchip/irq-riscv-aplic-msi.c); no PCI device uses it")), null, null, List.of(),
					null, null, null));
			parents = "IMSIC (+ APLIC in MSI mode)";
		}
		return new Hierarchy(domains, "imsic", parents, s);
	}

	/**
	 * The strategy before and since the kernel version {@code fix}: the exact version decides, or
	 * (when {@code bounds}) a bound a dump's format proves; otherwise the old one is assumed.
	 */
	private Strategy byKernel(KernelVersion fix, boolean bounds, String before, String beforeWhat, String since, String sinceWhat,
			String assumedName) {
		MachineFacts.Kernel k = facts.kernel();
		if (k.exact() != null) {
			boolean fixed = k.exact().atLeast(fix);
			return new Strategy(fixed ? since : before,
					"kernel " + k.exact() + (fixed ? " >= " : " < ") + fix.shortName() + ": " + (fixed ? sinceWhat : beforeWhat), false);
		}
		if (bounds && k.bound() != null && (k.atLeast() ? k.bound().atLeast(fix) : fix.atLeast(k.bound()))) {
			boolean fixed = k.atLeast();
			return new Strategy(fixed ? since : before, "kernel version not named, but " + k.boundSource() + ": "
					+ (fixed ? fix.shortName() + " or later, " + sinceWhat : "older than " + fix.shortName() + ", " + beforeWhat), false);
		}
		String why = "kernel version unknown: assumed older than " + fix.shortName() + " (" + assumedName
				+ ", the case at risk); --kernel or a log with 'Linux version' decides";
		assumptions.add(why);
		return new Strategy(before, why, true);
	}

	/** The CPUs seen, or the fewest that hold the vectors the devices ask for (x86), written as assumed. */
	private CpusPlan cpus(Arch arch, List<BusPlan> buses) {
		if (facts.cpus().count() != null) {
			CpusPlan cpus = new CpusPlan(facts.cpus().count(), facts.cpus().offline(), facts.cpus().source().toString());
			fitVectors(buses, arch, cpus.count() - cpus.offline().size());
			return cpus;
		}
		long demand = arch == Arch.X86 ? demand(buses) : 0;
		int n = (int) Math.max(1, (demand + X86_VECTORS - 1) / X86_VECTORS);
		String why = "CPU count unknown (no /proc/interrupts header or 'Brought up N CPUs' line): assumed " + n
				+ (n > 1 ? ", the fewest CPUs whose " + X86_VECTORS + " vectors each hold the " + demand + " vectors the devices ask for" : "");
		assumptions.add(why);
		return new CpusPlan(n, List.of(), why);
	}

	/** "Linux version 6.12.0 (dmesg:1)", "older than v5.6 (why)", or "unknown". */
	private String kernelText() {
		MachineFacts.Kernel k = facts.kernel();
		if (k.exact() != null) {
			return k.exactSource().toString();
		}
		if (k.bound() != null) {
			return (k.atLeast() ? "v" + k.bound().major() + ".x or later" : "older than " + k.bound().shortName()) + " (" + k.boundSource() + ")";
		}
		return "unknown";
	}

	/** "kernel 6.12.0", "kernel < 5.6", "kernel >= 6.0", "kernel unknown": for the report's sentences. */
	private String kernelShort() {
		MachineFacts.Kernel k = facts.kernel();
		if (k.exact() != null) {
			return "kernel " + k.exact();
		}
		if (k.bound() != null) {
			return k.atLeast() ? "kernel >= " + k.bound().major() + ".0" : "kernel < " + k.bound().major() + "." + k.bound().minor();
		}
		return "kernel unknown";
	}

	private List<String> preamble() {
		List<String> p = new ArrayList<>();
		p.add("Imported by `irqdsl import` from:");
		for (InputText in : facts.inputs()) {
			p.add(String.format("  %-11s%s (%s)", in.label() + ":", Texts.printable(in.origin()), Texts.plural(in.lines().size(), "line")));
		}
		facts.firmware().inputs().forEach(in -> p.add("  " + Texts.printable(in)));
		List<String> missing = new ArrayList<>();
		if (!facts.haveLspci()) {
			missing.add("lspci -vv (MSI/MSI-X capabilities)");
		}
		if (!facts.haveInterrupts()) {
			missing.add("/proc/interrupts (CPUs, MSI in use)");
		}
		if (!facts.haveKernelLog()) {
			missing.add("kernel log (kernel version, interrupt remapping)");
		}
		if (!missing.isEmpty()) {
			p.add("  not given:  " + String.join(", ", missing));
		}
		p.add("Every fact names its source as input:line; what the inputs do not show says \"unknown\" and what was assumed.");
		return p;
	}

	// ------------------------------------------------------------------------------------------
	// Buses and devices
	// ------------------------------------------------------------------------------------------

	private List<BusPlan> buses(String top) {
		Map<Integer, List<DevicePlan>> byDomain = new TreeMap<>();
		Map<Integer, List<MachineFunction>> vmdChildren = new TreeMap<>();
		List<MachineFunction> vmds = new ArrayList<>();
		for (MachineFunction f : facts.functions()) {
			if (f.inVmdDomain()) {
				vmdChildren.computeIfAbsent(f.address().domain(), d -> new ArrayList<>()).add(f);
			}
			if (f.isVmd() && !f.inVmdDomain()) {
				vmds.add(f);
			}
		}
		// vmd_find_free_domain(): each VMD takes the lowest free domain from 0x10000 up, in probe (address) order
		Map<MachineFunction, Integer> vmdDomain = new LinkedHashMap<>();
		List<Integer> childDomains = new ArrayList<>(vmdChildren.keySet());
		for (int i = 0; i < vmds.size(); i++) {
			vmdDomain.put(vmds.get(i), i < childDomains.size() ? childDomains.get(i) : 0x10000 + i);
		}
		for (MachineFunction f : facts.functions()) {
			if (f.inVmdDomain() && vmdDomain.containsValue(f.address().domain())) {
				continue; // written inside its VMD
			}
			DevicePlan d = device(f);
			if (f.isVmd() && vmdDomain.containsKey(f)) {
				d = withVmd(d, f, vmdDomain.get(f), vmdChildren.getOrDefault(vmdDomain.get(f), List.of()), vmds.size());
			}
			if (d.msi() != null || d.msix() != null || d.vmd() != null) {
				byDomain.computeIfAbsent(f.address().domain(), k -> new ArrayList<>()).add(d);
			} else {
				String what = f.printed() + (f.lspci() != null && f.lspci().className() != null ? " " + f.lspci().className() : "");
				(f.lspci() != null && f.lspci().capabilities() != Capabilities.VISIBLE ? hidden : quiet).add(what);
			}
		}
		if (byDomain.isEmpty() && top != null && !facts.unattributedMsi().isEmpty()) {
			byDomain.put(0, new ArrayList<>());
		}
		Map<Integer, MachineFacts.Bridge> bridges = new TreeMap<>();
		for (MachineFacts.Bridge b : facts.firmware().bridges()) {
			if (b.domain() < 0x10000) {
				bridges.putIfAbsent(b.domain(), b);
				byDomain.computeIfAbsent(b.domain(), k -> new ArrayList<>());
			}
		}
		List<BusPlan> buses = new ArrayList<>();
		for (Map.Entry<Integer, List<DevicePlan>> e : byDomain.entrySet()) {
			List<String> comments = new ArrayList<>();
			int domain = e.getKey();
			comments.add(String.format("PCI domain %04x", domain) + (domain >= 0x10000 ? " (a VMD child domain whose VMD was not seen)" : ""));
			MachineFacts.Bridge bridge = bridges.get(domain);
			String parent = top;
			if (bridge != null) {
				comments.addAll(bridge.comments());
				parent = bridgeParent(bridge, top);
				if (MachineFacts.Bridge.UNMODELLED.equals(bridge.parentKind())) {
					comments.add("no msi-parent: this host bridge's MSI controller (above) is of a kind irqdsl has no domain for");
				} else if (parent == null && top != null) {
					comments.add("no msi-parent: the firmware gives this host bridge no MSI controller");
				}
			}
			if (parent == null && top == null && (bridge == null || !MachineFacts.Bridge.UNMODELLED.equals(bridge.parentKind()))) {
				comments.add("no msi-parent: the MSI controller is not visible in the inputs");
			}
			if (domain == 0 && !facts.unattributedMsi().isEmpty()) {
				comments.add("MSI in use by functions the inputs do not name (the pre-v4.x /proc/interrupts format has no address):");
				facts.unattributedMsi().forEach(u -> comments.add("  " + u));
			}
			buses.add(new BusPlan(String.format("pci%04x", domain), parent, comments, e.getValue()));
		}
		return buses;
	}

	/** The domain a firmware host bridge's MSIs go to: the one of its kind when declared, else the platform's. */
	private static String bridgeParent(MachineFacts.Bridge b, String top) {
		if (MachineFacts.Bridge.NONE.equals(b.parentKind()) || MachineFacts.Bridge.UNMODELLED.equals(b.parentKind())) {
			return null;
		}
		if ("GICv2m".equals(b.parentKind()) && top != null && !"v2m".equals(top)) {
			return "v2m";
		}
		return top;
	}

	private DevicePlan withVmd(DevicePlan d, MachineFunction f, int domain, List<MachineFunction> children, int vmdCount) {
		List<String> comments = new ArrayList<>();
		comments.add(String.format("PCI domain %04x: this VMD's child domain (vmd_find_free_domain(): the first VMD takes 0x10000%s)", domain,
				vmdCount > 1 ? "; with several VMDs, assumed taken in address order" : ""));
		Boolean bypass = null;
		String bypassWhy = null;
		for (MachineFunction c : children) {
			if (c.use() != null) {
				bypass = !"VMD-".equals(c.use().prefix());
				bypassWhy = c.use().chip() + " (" + c.use().first() + ")";
				break;
			}
		}
		if (bypass == null) {
			comments.add("MSI remapping by the VMD: unknown (no /proc/interrupts row of a child): assumed on, children multiplexed on the VMD's MSI-X vectors");
			assumptions.add("VMD " + f.printed() + ": VMD_FEAT_CAN_BYPASS_MSI_REMAP not visible: assumed its MSI domain is in use");
			bypass = false;
		} else {
			comments.add((bypass ? "bypass (VMD_FEAT_CAN_BYPASS_MSI_REMAP): children use the VMD's own parent, shown by "
					: "VMD MSI domain in use, shown by ") + bypassWhy);
		}
		comments.add("mapping least-loaded, free-irq grace-period: today's vmd.c (vmd_next_irq(), synchronize_srcu() in vmd_msi_free()); not visible in a dump");
		List<DevicePlan> childPlans = new ArrayList<>();
		List<String> quiet = new ArrayList<>();
		for (MachineFunction c : children) {
			DevicePlan cd = device(c);
			if (cd.msi() != null || cd.msix() != null) {
				childPlans.add(cd);
			} else {
				quiet.add(c.printed());
			}
		}
		List<String> busComments = new ArrayList<>();
		if (!quiet.isEmpty()) {
			busComments.add("without MSI or MSI-X: " + String.join(", ", quiet));
		}
		String parent = bypass ? null : String.format("vmd_msi_%x", domain);
		BusPlan bus = new BusPlan(String.format("vmd%x", domain), parent, busComments, childPlans);
		return new DevicePlan(d.name(), d.address(), d.label(), d.comments(), d.msi(), d.msix(),
				new VmdPlan(comments, bypass, "least-loaded", "grace-period", bus), d.assumptions(), d.enabled(), d.hasMsixCapability());
	}

	/** The VMD_MSI domains the VMDs' child buses name (declared by the writer after the others). */
	static List<DomainPlan> vmdDomains(List<BusPlan> buses) {
		List<DomainPlan> out = new ArrayList<>();
		for (BusPlan b : buses) {
			for (DevicePlan d : b.devices()) {
				if (d.vmd() != null && d.vmd().bus().msiParent() != null) {
					out.add(new DomainPlan(d.vmd().bus().msiParent(), "VMD_MSI", null,
							new ArrayList<>(List.of("Intel VMD " + d.address() + ": children's MSI multiplexed on its MSI-X vectors, no affinity (MSI_FLAG_NO_AFFINITY)",
									"msi-parent-ops: " + KernelMsiParents.VMD.source())),
							null, null, List.of(), KernelMsiParents.VMD, null, null));
				}
			}
		}
		return out;
	}

	private DevicePlan device(MachineFunction f) {
		PciFunction l = f.lspci();
		MsiUse use = f.use();
		List<String> comments = new ArrayList<>();
		List<String> assumed = new ArrayList<>();
		String label = label(f);
		comments.add(f.printed() + " " + label);
		MsiPlan msi = null;
		MsixPlan msix = null;
		Boolean enabled = null;
		boolean msixCap = false;
		if (l != null && l.capabilities() == Capabilities.VISIBLE) {
			PciFunction.MsiCap m = l.msi();
			PciFunction.MsixCap x = l.msix();
			msixCap = x != null;
			if (x != null && (x.enabled() || m == null || !m.enabled())) {
				msix = new MsixPlan(x.tableSize());
				comments.add("MSI-X " + (x.enabled() ? "Enable+" : "Enable-") + " Count=" + x.tableSize() + " (lspci:" + x.line() + ")"
						+ (m == null ? "" : "; MSI " + (m.enabled() ? "Enable+" : "Enable-") + " Count=" + m.countEnabled() + "/" + m.countCapable()
								+ " Maskable" + (m.maskable() ? "+" : "-") + " (lspci:" + m.line() + ") not written: "
								+ (x.enabled() ? "unused while MSI-X is enabled" : "Linux tries MSI-X first (pci_alloc_irq_vectors)")));
				enabled = x.enabled() || (m != null && m.enabled());
			} else if (m != null) {
				msi = new MsiPlan(m.countCapable(), m.maskable(), m.address64());
				comments.add("MSI " + (m.enabled() ? "Enable+" : "Enable-") + " Count=" + m.countEnabled() + "/" + m.countCapable() + " Maskable"
						+ (m.maskable() ? "+" : "-") + " 64bit" + (m.address64() ? "+" : "-") + " (lspci:" + m.line() + ")"
						+ (m.countCapable() > 1 ? ": count is what the function can ask for, "
								+ (m.enabled() ? m.countEnabled() + " enabled" : "MSI disabled at dump time (Enable-)") : "")
						+ (x == null ? "" : "; MSI-X Count=" + x.tableSize() + " (lspci:" + x.line() + ") disabled"));
				enabled = m.enabled();
			}
			if (use != null) {
				comments.add(useText(use));
				enabled = true;
			}
		} else if (use != null) {
			comments.add(useText(use));
			String hidden = l == null ? "no lspci record" : l.capabilities() == Capabilities.ACCESS_DENIED ? "lspci: <access denied>" : "lspci without -vv";
			enabled = true;
			switch (use.kind()) {
			case MSIX -> {
				msix = new MsixPlan(use.vectors());
				comments.add("MSI-X table size not visible (" + hidden + "): count = vectors in use");
				assumed.add("MSI-X table size not visible: count = the " + use.vectors() + " vectors in use");
			}
			case MSI -> {
				msi = new MsiPlan(pow2(use.vectors()), false, false);
				comments.add("MSI mask bit not visible (" + hidden + "): assumed not maskable, the case at risk");
				assumed.add("MSI mask bit not visible: assumed not maskable");
			}
			default -> {
				if (use.vectors() == 1) {
					msi = new MsiPlan(1, false, false);
					comments.add("MSI or MSI-X not told apart (" + use.chip() + "), capability not visible (" + hidden
							+ "): assumed one non-maskable MSI, the case at risk");
					assumed.add("MSI or MSI-X not told apart: assumed a non-maskable MSI");
				} else {
					msix = new MsixPlan(use.vectors());
					comments.add("MSI or MSI-X not told apart (" + use.chip() + "), capability not visible (" + hidden
							+ "): " + use.vectors() + " vectors, assumed MSI-X");
					assumed.add("MSI or MSI-X not told apart: " + use.vectors() + " vectors, assumed MSI-X");
				}
			}
			}
		} else if (l != null && l.driver() != null && Boolean.TRUE.equals(l.disIntx())) {
			String hidden = l.capabilities() == Capabilities.ACCESS_DENIED
					? "capabilities not visible (lspci:" + l.capabilitiesLine() + " <access denied>)"
					: "capabilities not visible (lspci without -vv)";
			enabled = true;
			if (f.isVmd()) {
				msix = new MsixPlan(null);
				comments.add(hidden + "; vmd.c allocates MSI-X only (PCI_IRQ_MSIX): MSI-X, table size unknown");
				assumed.add("VMD MSI-X table size not visible");
			} else {
				msi = new MsiPlan(1, false, false);
				comments.add("DisINTx+ (lspci:" + l.controlLine() + ") with driver " + l.driver()
						+ " bound: the kernel turns INTx off when it enables MSI or MSI-X (pci_intx_for_msi())");
				comments.add(hidden + ": assumed one non-maskable MSI, the case at risk");
				assumed.add(hidden + ": MSI or MSI-X in use (DisINTx+), assumed a non-maskable MSI");
			}
		} else if (l != null && l.capabilities() != Capabilities.VISIBLE) {
			comments.add("capabilities not visible; " + (l.driver() == null ? "no driver bound" : "INTx in use (DisINTx-)") + ": written without MSI");
		}
		if (l != null && l.driver() != null) {
			comments.set(0, comments.get(0) + ", driver " + Texts.printable(l.driver()) + " (lspci:" + l.driverLine() + ")");
		}
		return new DevicePlan(name(f), f.printed(), label, comments, msi, msix, null, assumed, enabled, msixCap);
	}

	private static String useText(MsiUse use) {
		String lines = use.first().equals(use.last()) ? use.first().toString() : use.first() + ".." + use.last().line();
		String kind = switch (use.kind()) {
		case MSI -> "MSI";
		case MSIX -> "MSI-X";
		default -> "MSI/MSI-X";
		};
		return Texts.plural(use.vectors(), kind + " vector") + " in use: " + Texts.excerpt(use.chip()) + " " + Texts.excerpt(use.actions()) + " (" + lines + ")";
	}

	private static int pow2(int n) {
		int p = 1;
		while (p < n && p < 32) {
			p <<= 1;
		}
		return p;
	}

	/** "Non-Volatile memory controller [0108]: Samsung ..." (lspci), or the handlers' names. */
	private static String label(MachineFunction f) {
		if (f.lspci() != null) {
			return Texts.excerpt(f.lspci().summary()) + " (lspci:" + f.lspci().headerLine() + ")";
		}
		if (f.use() != null) {
			return Texts.excerpt(f.use().actions());
		}
		return "";
	}

	/** {@code <driver or class>_<bus>_<dev>_<fn>}, with the PCI domain when it is not 0. */
	private static String name(MachineFunction f) {
		String prefix = null;
		PciFunction l = f.lspci();
		if (l != null && l.driver() != null) {
			prefix = Texts.identifier(l.driver(), 16);
		}
		if ((prefix == null || prefix.isEmpty()) && l != null) {
			prefix = ClassNames.shortName(l.classCode(), l.className(), l.description());
		}
		if ((prefix == null || prefix.isEmpty()) && f.use() != null) {
			// "nvme0q0" -> "nvme", "mmc1" -> "mmc", but "i915" stays
			String first = f.use().actions().split("[\\s,:\\[@-]", 2)[0];
			String stem = first.replaceAll("[0-9]+([a-z][0-9]+)*$", "");
			prefix = Texts.identifier(stem.length() >= 3 ? stem : first, 16);
		}
		if (prefix == null || prefix.isEmpty()) {
			prefix = "fn";
		}
		if (!Character.isLetter(prefix.charAt(0))) {
			prefix = "d" + prefix;
		}
		var a = f.address();
		return a.domain() == 0 ? String.format("%s_%02x_%02x_%x", prefix, a.bus(), a.device(), a.function())
				: String.format("%s_%x_%02x_%02x_%x", prefix, a.domain(), a.bus(), a.device(), a.function());
	}

	private List<String> epilogue() {
		List<String> e = new ArrayList<>();
		list(e, quiet, " without MSI or MSI-X (INTx only, or no interrupt):");
		list(e, hidden, " whose capabilities are not visible, written without MSI (INTx in use: DisINTx-, or no driver bound):");
		if (facts.unknownCapabilities() > 0) {
			e.add(facts.unknownCapabilities() + (facts.unknownCapabilities() == 1 ? " capability" : " capabilities")
					+ " lspci prints as <?> (not decoded) skipped");
		}
		return e;
	}

	private static void list(List<String> out, List<String> functions, String what) {
		if (!functions.isEmpty()) {
			out.add(Texts.plural(functions.size(), "function") + what);
			for (int i = 0; i < functions.size(); i += 4) {
				out.add("  " + String.join(", ", functions.subList(i, Math.min(functions.size(), i + 4))));
			}
		}
	}

	// ------------------------------------------------------------------------------------------
	// Vectors
	// ------------------------------------------------------------------------------------------

	/** Vectors the devices below the x86 vector domain ask for (vector-exhaustion's count). */
	private static long demand(List<BusPlan> buses) {
		long n = 0;
		for (BusPlan b : buses) {
			for (DevicePlan d : b.devices()) {
				n += d.msix() != null ? Math.max(d.msix().count() == null ? 1 : d.msix().count(), 1) : d.msi() != null ? d.msi().count() : 0;
			}
		}
		return n;
	}

	/**
	 * MSI-X tables are often larger than what drivers allocate (NVMe: one per CPU plus one). When
	 * the known CPUs cannot hold every table entry, the counts of devices whose allocation
	 * /proc/interrupts shows are cut to that allocation.
	 */
	private void fitVectors(List<BusPlan> buses, Arch arch, int online) {
		if (arch != Arch.X86 || demand(buses) <= (long) X86_VECTORS * Math.max(online, 1)) {
			return;
		}
		for (BusPlan b : buses) {
			for (int i = 0; i < b.devices().size(); i++) {
				DevicePlan d = b.devices().get(i);
				MachineFunction f = facts.functions().stream().filter(x -> x.printed().equals(d.address())).findFirst().orElse(null);
				if (d.msix() != null && f != null && f.use() != null && d.msix().count() != null && f.use().vectors() < d.msix().count()) {
					List<String> c = new ArrayList<>(d.comments());
					c.add("count cut to the " + f.use().vectors() + " vectors in use: the " + online + " online CPUs cannot hold every table entry");
					b.devices().set(i, new DevicePlan(d.name(), d.address(), d.label(), c, d.msi(), new MsixPlan(f.use().vectors()), d.vmd(),
							d.assumptions(), d.enabled(), d.hasMsixCapability()));
				}
			}
		}
	}
}
