package org.irqdsl.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.irqdsl.diagnostics.Finding;
import org.irqdsl.importer.MachineFacts.Arch;
import org.irqdsl.importer.MachineFacts.RemapState;
import org.irqdsl.importer.PlatformPlan.BusPlan;
import org.irqdsl.importer.PlatformPlan.DevicePlan;
import org.irqdsl.importer.PlatformPlan.Summary;
import org.irqdsl.validation.IrqDslChecks;

import com.google.gson.GsonBuilder;

/**
 * The machine report: which devices are at risk, by which mechanism, and what would remove the
 * risk. It is built from {@code irqdsl check}'s findings on the generated platform (so the two
 * never disagree), each finding traced to its device by the declaration it is about, and worded with the facts and
 * assumptions that produced it.
 */
public record MachineReport(String platform, Machine machine, Counts counts, List<DeviceRisk> atRisk, List<DeviceRisk> notes,
		List<String> notAtRisk, List<String> unattributedMsi, List<Hazard> platformFindings, List<String> assumptions,
		List<String> toConfirm, List<String> inputProblems) {

	/** The platform-wide conclusions and where they come from. */
	public record Machine(String architecture, int cpus, boolean cpusAssumed, String kernel, String interruptRemapping,
			boolean remappingAssumed, String msiParents, String affinityUpdate, boolean affinityUpdateAssumed) {
	}

	public record Counts(int devicesWithMsi, int atRisk, int possiblyAtRisk, int errors, int warnings, int infos, int inputProblems) {
	}

	/**
	 * One device and its hazards. {@code status}: "at-risk" when one of its hazards holds whatever
	 * the inputs left unknown, "possibly-at-risk" when each rests on an assumption, "note" for
	 * information only; {@code parent} the MSI parent it sits under.
	 */
	public record DeviceRisk(String device, String address, String label, String status, Boolean msiEnabled, String parent,
			List<Hazard> hazards, List<String> assumptions) {
	}

	/**
	 * One checker finding, explained. {@code status}: "at-risk" when it holds under every assumption
	 * ({@code restsOn} empty), "possibly-at-risk" when it holds only under {@code restsOn}, "note"
	 * when nothing is lost (an info finding, or fewer MSI vectors than the device could use).
	 */
	public record Hazard(String check, String severity, int line, String risk, String mechanism, List<String> remedies,
			String message, String status, List<String> restsOn) {
	}

	/**
	 * @param unattributed MSI users the inputs do not tie to a PCI function (the pre-v4.x
	 *                     /proc/interrupts format names none): they cannot be assessed
	 */
	public static MachineReport of(PlatformPlan plan, List<GeneratedPlatformCheck.Checked> checked, List<Problem> problems,
			List<Evidence> unattributed) {
		List<Finding> findings = checked.stream().map(GeneratedPlatformCheck.Checked::finding).toList();
		Summary s = plan.summary();
		Map<String, DevicePlan> devices = new LinkedHashMap<>();
		Map<String, String> parents = new LinkedHashMap<>();
		Map<String, List<String>> busDevices = new LinkedHashMap<>();
		for (BusPlan b : plan.buses()) {
			collect(b, devices, parents, busDevices, b.msiParent() == null ? null : pathText(s), s);
		}
		Map<String, List<Finding>> byDevice = new LinkedHashMap<>();
		List<Hazard> platformFindings = new ArrayList<>();
		for (GeneratedPlatformCheck.Checked c : checked) {
			Finding f = c.finding();
			String subject = c.subject();
			if (subject.startsWith("device ") && devices.containsKey(subject.substring(7))) {
				byDevice.computeIfAbsent(subject.substring(7), k -> new ArrayList<>()).add(f);
			} else {
				platformFindings.add(new Hazard(f.id(), f.severity(), f.line(), title(f.id()), subject + ": " + f.message(), List.of(),
						f.message(), "platform", List.of()));
				if (f.id().equals("no-msi-parent") && subject.startsWith("bus ")) {
					// the bus's devices cannot be assessed: each is possibly at risk, never "not at risk"
					busDevices.getOrDefault(subject.substring(4), List.of())
							.forEach(d -> byDevice.computeIfAbsent(d, k -> new ArrayList<>()).add(f));
				}
			}
		}
		List<DeviceRisk> atRisk = new ArrayList<>();
		List<DeviceRisk> notes = new ArrayList<>();
		List<String> safe = new ArrayList<>();
		int possibly = 0;
		for (DevicePlan d : devices.values()) {
			if (d.msi() == null && d.msix() == null) {
				continue;
			}
			String parent = parents.get(d.name());
			List<Finding> fs = byDevice.getOrDefault(d.name(), List.of());
			if (fs.isEmpty()) {
				safe.add(d.name() + " " + d.address() + ": " + (d.msix() != null ? "MSI-X (every entry maskable)"
						: d.msi().maskable() ? "maskable MSI" : "MSI") + ", " + parent
						+ (d.assumptions().isEmpty() ? "" : " (assumed: " + String.join("; ", d.assumptions()) + ")"));
				continue;
			}
			List<Hazard> hazards = new ArrayList<>();
			Set<String> assumed = new LinkedHashSet<>();
			for (Finding f : fs) {
				Hazard h = explain(f, d, s);
				hazards.add(h);
				assumed.addAll(h.restsOn());
			}
			boolean certain = hazards.stream().anyMatch(h -> h.status().equals("at-risk"));
			boolean serious = certain || hazards.stream().anyMatch(h -> h.status().equals("possibly-at-risk"));
			DeviceRisk r = new DeviceRisk(d.name(), d.address(), d.label(), certain ? "at-risk" : serious ? "possibly-at-risk" : "note",
					d.enabled(), parent, hazards, List.copyOf(assumed));
			if (serious) {
				atRisk.add(r);
				possibly += certain ? 0 : 1;
			} else {
				notes.add(r);
			}
		}
		int errors = (int) findings.stream().filter(Finding::isError).count();
		int warnings = (int) findings.stream().filter(f -> "warning".equals(f.severity())).count();
		int infos = (int) findings.stream().filter(f -> "info".equals(f.severity())).count();
		int withMsi = (int) devices.values().stream().filter(d -> d.msi() != null || d.msix() != null).count();
		Machine machine = new Machine(s.archAssumed() ? "unknown, assumed " + s.arch().label() + " (" + s.archWhy() + ")"
				: s.arch().label() + " (" + s.archWhy() + ")", s.cpus(), s.cpusAssumed(), s.kernel(),
				remapText(s), s.remapAssumed(), s.msiParents(), s.strategy() == null ? "none (no MSI parent)" : s.strategy() + " (" + s.strategyWhy() + ")",
				s.strategyAssumed());
		List<String> inputProblems = problems.stream().map(Problem::toText).toList();
		return new MachineReport(plan.name(), machine,
				new Counts(withMsi, atRisk.size() - possibly, possibly, errors, warnings, infos, inputProblems.size()), atRisk, notes, safe,
				unattributed.stream().map(Evidence::toString).toList(), platformFindings, s.assumptions(), toConfirm(s, atRisk), inputProblems);
	}

	/**
	 * The devices of a bus and its VMD child buses, each with the MSI parent it sits under: a VMD
	 * child's is the VMD's own MSI domain (DOMAIN_BUS_VMD_MSI, vmd_msi_parent_ops), unless the VMD
	 * bypasses it (VMD_FEAT_CAN_BYPASS_MSI_REMAP) and its children use the VMD's parent.
	 */
	private static void collect(BusPlan b, Map<String, DevicePlan> devices, Map<String, String> parents, Map<String, List<String>> busDevices,
			String parent, Summary s) {
		for (DevicePlan d : b.devices()) {
			devices.put(d.name(), d);
			parents.put(d.name(), parent == null ? "no MSI parent (the MSI controller is not visible in the inputs)" : parent);
			busDevices.computeIfAbsent(b.name(), k -> new ArrayList<>()).add(d.name());
			if (d.vmd() != null) {
				BusPlan child = d.vmd().bus();
				String childParent = child.msiParent() != null
						? "under VMD_MSI " + child.msiParent() + " (VMD " + d.address() + "'s own MSI domain, DOMAIN_BUS_VMD_MSI: "
								+ "multiplexed on the VMD's MSI-X vectors, which are " + (parent == null ? "without an MSI parent" : parent) + ")"
						: parent == null ? null : parent + " (VMD " + d.address() + " bypasses its MSI domain: VMD_FEAT_CAN_BYPASS_MSI_REMAP)";
				collect(child, devices, parents, busDevices, childParent, s);
			}
		}
	}

	private static String remapText(Summary s) {
		if (s.arch() != Arch.X86) {
			return "not applicable (" + s.arch().label() + ")";
		}
		String state = switch (s.remap()) {
		case ON -> "on";
		case OFF -> "off";
		default -> "unknown, assumed off";
		};
		return state + " (" + s.remapWhy() + ")";
	}

	private static String pathText(Summary s) {
		return "under " + s.msiParents();
	}

	private static String title(String id) {
		return IrqDslChecks.byId(id).map(c -> c.title()).orElse(id);
	}

	/** Assumptions every device of the machine shares (the report lists them once per mechanism). */
	static boolean shared(String assumption) {
		return assumption.startsWith("interrupt remapping:") || assumption.startsWith("kernel version:")
				|| assumption.startsWith("architecture:") || assumption.startsWith("MSI controller:");
	}

	private static final String REMAP_ASSUMED = "interrupt remapping: unknown, assumed off";

	/**
	 * A finding in the words of its mechanism, with the remedies that apply to this device and
	 * machine, and the assumptions it rests on: only those whose opposite would remove it. A hazard
	 * that rests on none holds whatever the inputs left unknown, and the device is at risk.
	 */
	private static Hazard explain(Finding f, DevicePlan d, Summary s) {
		List<String> remedies = new ArrayList<>();
		List<String> restsOn = new ArrayList<>();
		String archAssumed = s.archAssumed() ? "architecture: unknown, assumed x86 without interrupt remapping (the case at risk)" : null;
		String risk;
		String mechanism;
		String status = null;
		switch (f.id()) {
		case "nonmaskable-msi-without-remap" -> {
			String remap = s.arch() == Arch.X86 ? s.remap() == RemapState.UNKNOWN ? "interrupt remapping unknown (assumed off)" : "no interrupt remapping"
					: "no interrupt remapping (" + s.arch().label() + ")";
			// the message is torn only without remapping, on the strategy the kernel implies, and when the MSI cannot be masked
			restsOn.addAll(d.assumptions());
			add(restsOn, archAssumed);
			if (s.remapAssumed()) {
				restsOn.add(REMAP_ASSUMED);
			}
			if ("info".equals(f.severity())) {
				risk = "spurious interrupts (no loss)";
				mechanism = "non-maskable MSI, " + remap + ", " + strategyPhrase(s)
						+ ": no interrupt is lost, a spurious interrupt on either CPU is the price (seed 001)";
			} else {
				risk = "lost interrupt (torn MSI message)";
				mechanism = "non-maskable MSI, " + remap + ", " + strategyPhrase(s)
						+ ": torn message can lose an interrupt (an interrupt raised between the address and data writes hits a vector nobody owns; seed 001)";
				if (s.strategyAssumed()) {
					restsOn.add("kernel version: unknown, " + s.strategy() + " update assumed");
				}
			}
			if (s.arch() == Arch.X86 && s.remap() != RemapState.ON) {
				remedies.add("enable interrupt remapping (Intel VT-d / AMD IOMMU in the firmware; no intremap=off on the command line)");
			}
			if ("direct".equals(s.strategy())) {
				remedies.add("a kernel >= v5.6 (x86 msi_set_affinity() two-step update, commit 6f1a4891a592)");
			} else if ("lazy-move".equals(s.strategy())) {
				remedies.add("a kernel >= v6.15 (IMSIC two-step-like move with a pending check)");
			}
			remedies.add("a device whose MSI has the per-vector mask (Maskable+)");
			if (d.hasMsixCapability()) {
				remedies.add("let the driver use the function's MSI-X capability (MSI-X entries can always be masked)");
			}
		}
		case "unmaskable-without-parent-mask" -> {
			risk = "rogue device cannot be silenced";
			mechanism = "non-maskable MSI under a parent that does not mask"
					+ (s.arch() == Arch.X86 ? " (no x86 MSI parent sets MSI_FLAG_PCI_MSI_MASK_PARENT; the local APIC cannot mask one vector)" : "")
					+ ": after disable_irq() its messages still reach the CPU (seed 002)";
			// on x86 neither the vector domain nor DMAR/AMD-Vi masks at the parent: remapping and the kernel version do not matter
			restsOn.addAll(d.assumptions());
			add(restsOn, archAssumed);
			remedies.add("a device whose MSI has the per-vector mask (Maskable+)");
			if (d.hasMsixCapability()) {
				remedies.add("let the driver use the function's MSI-X capability");
			}
			if (s.arch() != Arch.X86) {
				remedies.add("an MSI parent with MSI_FLAG_PCI_MSI_MASK_PARENT whose root chip can mask (GIC ITS, GICv2m, IMSIC)");
			}
		}
		case "flag-masked-by-parent" -> {
			if ("error".equals(f.severity())) {
				risk = title(f.id());
				mechanism = f.message();
				restsOn.addAll(d.assumptions());
				add(restsOn, archAssumed);
			} else {
				// fewer vectors is a performance matter: no interrupt is lost or unstoppable
				risk = "fewer vectors than the device asks for";
				mechanism = "multi-vector MSI under an MSI parent without MSI_FLAG_MULTI_PCI_MSI (flags &= supported_flags): the device gets one vector"
						+ "; not a risk: its interrupts are delivered, on one vector";
				status = "note";
				remedies.add("interrupt remapping (Intel DMAR and AMD-Vi support MSI_FLAG_MULTI_PCI_MSI)");
				remedies.add("MSI-X");
			}
		}
		case "no-msi-parent" -> {
			risk = "not assessed: MSI controller not visible";
			mechanism = "MSI or MSI-X, but the inputs show no MSI controller (" + s.msiParents()
					+ "), so no hazard could be checked; a non-maskable MSI is at risk under a parent that does not mask (seed 002) "
					+ "or without interrupt remapping (seed 001)";
			restsOn.add("MSI controller: not visible in the inputs");
			remedies.add("import the kernel log (dmesg: GIC ITS / GICv2m / riscv-imsic lines) or /proc/interrupts of the same machine");
		}
		default -> {
			risk = title(f.id());
			mechanism = f.message();
			restsOn.addAll(d.assumptions());
			add(restsOn, archAssumed);
		}
		}
		if (status == null) {
			status = "info".equals(f.severity()) ? "note" : restsOn.isEmpty() ? "at-risk" : "possibly-at-risk";
		}
		return new Hazard(f.id(), f.severity(), f.line(), risk, mechanism, remedies, f.message(), status, List.copyOf(restsOn));
	}

	private static void add(List<String> list, String item) {
		if (item != null) {
			list.add(item);
		}
	}

	/** "kernel < 5.6 direct update", "kernel unknown (assumed < 5.6) direct update", "kernel 6.1.0 two-step update". */
	private static String strategyPhrase(Summary s) {
		String k = s.kernelShort();
		return switch (s.strategy() == null ? "direct" : s.strategy()) {
		case "direct" -> k + (s.strategyAssumed() ? " (assumed < 5.6)" : "") + " direct update";
		case "two-step" -> k + " two-step update";
		case "lazy-move" -> k + (s.strategyAssumed() ? " (assumed < 6.15)" : "") + " IMSIC lazy move";
		default -> s.strategy() + " update";
		};
	}

	private static List<String> toConfirm(Summary s, List<DeviceRisk> atRisk) {
		List<String> steps = new ArrayList<>();
		boolean hidden = atRisk.stream().flatMap(r -> r.assumptions().stream()).anyMatch(a -> !shared(a));
		if (hidden) {
			steps.add("run `sudo lspci -vv` (MSI mask bits and MSI-X tables are only shown to root) and import it with /proc/interrupts");
		}
		if (s.strategyAssumed()) {
			steps.add("pass --kernel $(uname -r), or import a kernel log that has its 'Linux version' line");
		}
		if (s.remapAssumed()) {
			steps.add("import the kernel log (dmesg: DMAR-IR / AMD-Vi lines) or /proc/interrupts (IR- chip names) to see interrupt remapping");
		}
		if (s.cpusAssumed()) {
			steps.add("import /proc/interrupts for the CPU count");
		}
		return steps;
	}

	public String toJson() {
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(this);
	}

	public String toText() {
		StringBuilder b = new StringBuilder();
		b.append("Machine report: platform ").append(platform).append('\n');
		row(b, "architecture", machine.architecture());
		row(b, "CPUs", machine.cpus() + (machine.cpusAssumed() ? " (assumed)" : ""));
		row(b, "kernel", machine.kernel());
		row(b, "interrupt remapping", machine.interruptRemapping());
		row(b, "MSI parents", machine.msiParents());
		row(b, "affinity update", machine.affinityUpdate());
		row(b, "irqdsl check", Texts.plural(counts.errors(), "error") + ", " + Texts.plural(counts.warnings(), "warning") + ", "
				+ counts.infos() + " info");
		b.append('\n');
		b.append("Devices at risk: ").append(counts.atRisk()).append(" of ").append(Texts.plural(counts.devicesWithMsi(), "device"))
				.append(" with MSI or MSI-X, whatever the inputs leave unknown; possibly at risk (only under assumptions): ")
				.append(counts.possiblyAtRisk()).append('\n');
		grouped(b, atRisk, false);
		List<DeviceRisk> all = new ArrayList<>(atRisk);
		all.addAll(notes);
		if (all.stream().flatMap(r -> r.hazards().stream()).anyMatch(h -> h.status().equals("note"))) {
			b.append("\nNotes (not at risk: nothing is lost):\n");
			grouped(b, all, true);
		}
		if (!notAtRisk.isEmpty()) {
			b.append("\nNot at risk:\n");
			notAtRisk.forEach(n -> b.append("  ").append(n).append('\n'));
		}
		if (!unattributedMsi.isEmpty()) {
			b.append("\nMSI in use by functions the inputs do not name (not assessed; import lspci -vv to assess the functions):\n");
			unattributedMsi.forEach(u -> b.append("  ").append(u).append('\n'));
		}
		if (!platformFindings.isEmpty()) {
			b.append("\nPlatform findings:\n");
			platformFindings.forEach(h -> b.append("  ").append(h.severity()).append(" [").append(h.check()).append("] line ").append(h.line())
					.append(": ").append(h.mechanism()).append('\n'));
		}
		if (!assumptions.isEmpty()) {
			b.append("\nAssumed (the inputs do not show it):\n");
			assumptions.forEach(a -> b.append("  - ").append(a).append('\n'));
		}
		if (!toConfirm.isEmpty()) {
			b.append("\nTo replace assumptions with facts:\n");
			toConfirm.forEach(a -> b.append("  - ").append(a).append('\n'));
		}
		if (!inputProblems.isEmpty()) {
			b.append("\nInput lines not understood or not visible: ").append(inputProblems.size()).append('\n');
			inputProblems.forEach(p -> b.append("  ").append(p).append('\n'));
		}
		return b.toString();
	}

	private static void row(StringBuilder b, String name, String value) {
		b.append(String.format("  %-20s %s%n", name + ":", value));
	}

	private static String key(Hazard h) {
		return h.check() + "\u0000" + h.severity() + "\u0000" + h.mechanism() + "\u0000" + h.status();
	}

	/**
	 * One paragraph per mechanism and status, listing the devices it applies to (the JSON keeps them
	 * per device); only the hazards {@code notes} selects: the risks, or the notes.
	 */
	private static void grouped(StringBuilder b, List<DeviceRisk> risks, boolean notes) {
		Map<String, List<DeviceRisk>> byMechanism = new LinkedHashMap<>();
		Map<String, Hazard> first = new LinkedHashMap<>();
		for (DeviceRisk r : risks) {
			for (Hazard h : r.hazards()) {
				if (h.status().equals("note") == notes && !byMechanism.getOrDefault(key(h), List.of()).contains(r)) {
					byMechanism.computeIfAbsent(key(h), k -> new ArrayList<>()).add(r);
					first.putIfAbsent(key(h), h);
				}
			}
		}
		for (Map.Entry<String, List<DeviceRisk>> e : byMechanism.entrySet()) {
			Hazard h = first.get(e.getKey());
			b.append("\n  ").append(h.risk()).append(" [").append(h.check()).append(", ").append(h.severity()).append("]: ")
					.append(Texts.plural(e.getValue().size(), "device"))
					.append(switch (h.status()) {
					case "at-risk" -> ", at risk whatever the inputs leave unknown";
					case "possibly-at-risk" -> ", possibly at risk (only under the assumptions below)";
					default -> "";
					}).append('\n');
			b.append("    mechanism: ").append(h.mechanism()).append('\n');
			List<String> common = h.remedies().stream().filter(x -> !x.contains("MSI-X capability")).toList();
			if (!common.isEmpty()) {
				b.append(notes ? "    avoid it: " : "    remove the risk: ").append(String.join("; or ", common)).append('\n');
			}
			for (DeviceRisk r : e.getValue()) {
				Hazard mine = r.hazards().stream().filter(x -> key(x).equals(e.getKey())).findFirst().orElse(h);
				boolean msix = mine.remedies().stream().anyMatch(x -> x.contains("MSI-X capability"));
				b.append("    - ").append(r.device()).append("  ").append(r.address()).append("  ").append(r.label()).append("  line ")
						.append(mine.line())
						.append(r.msiEnabled() == null ? "" : r.msiEnabled() ? ", in use" : ", not enabled at dump time")
						.append(msix ? "; has an MSI-X capability its driver could use" : "")
						.append(mine.message().equals(mine.mechanism()) || !h.check().equals("flag-masked-by-parent") ? "" : "; " + mine.message())
						.append('\n');
				List<String> own = mine.restsOn().stream().filter(a -> !shared(a)).toList();
				if (!own.isEmpty()) {
					b.append("      assumed: ").append(String.join("; ", own)).append('\n');
				}
			}
			List<String> shared = e.getValue().stream().flatMap(r -> r.hazards().stream()).filter(x -> key(x).equals(e.getKey()))
					.flatMap(x -> x.restsOn().stream()).filter(MachineReport::shared).distinct().toList();
			if (!shared.isEmpty()) {
				b.append("    assumed for all: ").append(String.join("; ", shared)).append('\n');
			}
		}
	}
}
