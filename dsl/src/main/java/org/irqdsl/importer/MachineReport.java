package org.irqdsl.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.irqdsl.cli.Finding;
import org.irqdsl.importer.MachineFacts.Arch;
import org.irqdsl.importer.MachineFacts.RemapState;
import org.irqdsl.importer.PlatformPlan.BusPlan;
import org.irqdsl.importer.PlatformPlan.DevicePlan;
import org.irqdsl.importer.PlatformPlan.Summary;
import org.irqdsl.importer.PlatformWriter.PlatformText;
import org.irqdsl.validation.IrqDslChecks;

import com.google.gson.GsonBuilder;

/**
 * The machine report: which devices are at risk, by which mechanism, and what would remove the
 * risk. It is built from {@code irqdsl check}'s findings on the generated platform (so the two
 * never disagree), each finding traced to its device by its line, and worded with the facts and
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
	 * One device and its hazards. {@code status}: "at-risk" when every fact behind its warnings was
	 * seen, "possibly-at-risk" when one was assumed, "note" for information only.
	 */
	public record DeviceRisk(String device, String address, String label, String status, Boolean msiEnabled, List<Hazard> hazards,
			List<String> assumptions) {
	}

	/** One checker finding, explained. */
	public record Hazard(String check, String severity, int line, String risk, String mechanism, List<String> remedies,
			String message) {
	}

	/**
	 * @param unattributed MSI users the inputs do not tie to a PCI function (the pre-v4.x
	 *                     /proc/interrupts format names none): they cannot be assessed
	 */
	public static MachineReport of(PlatformPlan plan, PlatformText text, List<Finding> findings, List<Problem> problems,
			List<Evidence> unattributed) {
		Summary s = plan.summary();
		Map<String, DevicePlan> devices = new LinkedHashMap<>();
		for (BusPlan b : plan.buses()) {
			collect(b, devices);
		}
		Map<String, List<Finding>> byDevice = new LinkedHashMap<>();
		List<Hazard> platformFindings = new ArrayList<>();
		for (Finding f : findings) {
			String subject = text.subjectAt(f.line());
			if (subject.startsWith("device ") && devices.containsKey(subject.substring(7))) {
				byDevice.computeIfAbsent(subject.substring(7), k -> new ArrayList<>()).add(f);
			} else {
				platformFindings.add(new Hazard(f.id(), f.severity(), f.line(), title(f.id()), subject + ": " + f.message(), List.of(),
						f.message()));
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
			List<Finding> fs = byDevice.getOrDefault(d.name(), List.of());
			if (fs.isEmpty()) {
				safe.add(d.name() + " " + d.address() + ": " + (d.msix() != null ? "MSI-X (every entry maskable)"
						: d.msi().maskable() ? "maskable MSI" : "MSI") + ", " + pathText(s)
						+ (d.assumptions().isEmpty() ? "" : " (assumed: " + String.join("; ", d.assumptions()) + ")"));
				continue;
			}
			List<Hazard> hazards = new ArrayList<>();
			Set<String> assumed = new LinkedHashSet<>(d.assumptions());
			boolean serious = false;
			for (Finding f : fs) {
				hazards.add(explain(f, d, s, assumed));
				serious |= !"info".equals(f.severity());
			}
			boolean guessed = !assumed.isEmpty();
			DeviceRisk r = new DeviceRisk(d.name(), d.address(), d.label(), serious ? guessed ? "possibly-at-risk" : "at-risk" : "note",
					d.enabled(), hazards, List.copyOf(assumed));
			if (serious) {
				atRisk.add(r);
				possibly += guessed ? 1 : 0;
			} else {
				notes.add(r);
			}
		}
		int errors = (int) findings.stream().filter(Finding::isError).count();
		int warnings = (int) findings.stream().filter(f -> "warning".equals(f.severity())).count();
		int infos = (int) findings.stream().filter(f -> "info".equals(f.severity())).count();
		int withMsi = (int) devices.values().stream().filter(d -> d.msi() != null || d.msix() != null).count();
		Machine machine = new Machine(s.arch().label() + " (" + s.archWhy() + ")", s.cpus(), s.cpusAssumed(), s.kernel(),
				remapText(s), s.remapAssumed(), s.msiParents(), s.strategy() == null ? "none (no MSI parent)" : s.strategy() + " (" + s.strategyWhy() + ")",
				s.strategyAssumed());
		List<String> inputProblems = problems.stream().map(Problem::toText).toList();
		return new MachineReport(plan.name(), machine,
				new Counts(withMsi, atRisk.size() - possibly, possibly, errors, warnings, infos, inputProblems.size()), atRisk, notes, safe,
				unattributed.stream().map(Evidence::toString).toList(), platformFindings, s.assumptions(), toConfirm(s, atRisk), inputProblems);
	}

	private static void collect(BusPlan b, Map<String, DevicePlan> devices) {
		for (DevicePlan d : b.devices()) {
			devices.put(d.name(), d);
			if (d.vmd() != null) {
				collect(d.vmd().bus(), devices);
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

	/** A finding in the words of its mechanism, with the remedies that apply to this device and machine. */
	private static Hazard explain(Finding f, DevicePlan d, Summary s, Set<String> assumed) {
		List<String> remedies = new ArrayList<>();
		String risk;
		String mechanism;
		switch (f.id()) {
		case "nonmaskable-msi-without-remap" -> {
			String remap = s.arch() == Arch.X86 ? s.remap() == RemapState.UNKNOWN ? "interrupt remapping unknown (assumed off)" : "no interrupt remapping"
					: "no interrupt remapping (" + s.arch().label() + ")";
			if (s.remapAssumed()) {
				assumed.add("interrupt remapping: unknown, assumed off");
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
					assumed.add("kernel version: unknown, " + s.strategy() + " update assumed");
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
			remedies.add("a device whose MSI has the per-vector mask (Maskable+)");
			if (d.hasMsixCapability()) {
				remedies.add("let the driver use the function's MSI-X capability");
			}
			if (s.arch() != Arch.X86) {
				remedies.add("an MSI parent with MSI_FLAG_PCI_MSI_MASK_PARENT whose root chip can mask (GIC ITS, GICv2m, IMSIC)");
			}
		}
		case "flag-masked-by-parent" -> {
			risk = "fewer vectors than the device asks for";
			mechanism = "multi-vector MSI under an MSI parent without MSI_FLAG_MULTI_PCI_MSI (flags &= supported_flags): the device gets one vector";
			remedies.add("interrupt remapping (Intel DMAR and AMD-Vi support MSI_FLAG_MULTI_PCI_MSI)");
			remedies.add("MSI-X");
		}
		default -> {
			risk = title(f.id());
			mechanism = f.message();
		}
		}
		return new Hazard(f.id(), f.severity(), f.line(), risk, mechanism, remedies, f.message());
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
		boolean hidden = atRisk.stream().flatMap(r -> r.assumptions().stream())
				.anyMatch(a -> !a.startsWith("interrupt remapping:") && !a.startsWith("kernel version:"));
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
		b.append("Devices at risk: ").append(atRisk.size()).append(" of ").append(Texts.plural(counts.devicesWithMsi(), "device"))
				.append(" with MSI or MSI-X").append(counts.possiblyAtRisk() > 0 ? " (" + counts.possiblyAtRisk() + " only under assumptions)" : "")
				.append('\n');
		grouped(b, atRisk);
		if (!notes.isEmpty()) {
			b.append("\nNotes (information, nothing lost):\n");
			grouped(b, notes);
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

	/** One paragraph per mechanism, listing the devices it applies to (the JSON keeps them per device). */
	private static void grouped(StringBuilder b, List<DeviceRisk> risks) {
		Map<String, List<DeviceRisk>> byMechanism = new LinkedHashMap<>();
		Map<String, Hazard> first = new LinkedHashMap<>();
		for (DeviceRisk r : risks) {
			for (Hazard h : r.hazards()) {
				String key = h.check() + "\u0000" + h.severity() + "\u0000" + h.mechanism();
				byMechanism.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
				first.putIfAbsent(key, h);
			}
		}
		for (Map.Entry<String, List<DeviceRisk>> e : byMechanism.entrySet()) {
			Hazard h = first.get(e.getKey());
			b.append("\n  ").append(h.risk()).append(" [").append(h.check()).append(", ").append(h.severity()).append("]: ")
					.append(Texts.plural(e.getValue().size(), "device")).append('\n');
			b.append("    mechanism: ").append(h.mechanism()).append('\n');
			List<String> common = h.remedies().stream().filter(x -> !x.contains("MSI-X capability")).toList();
			if (!common.isEmpty()) {
				b.append("info".equals(h.severity()) ? "    avoid it: " : "    remove the risk: ").append(String.join("; or ", common)).append('\n');
			}
			for (DeviceRisk r : e.getValue()) {
				Hazard mine = r.hazards().stream().filter(x -> (x.check() + "\u0000" + x.severity() + "\u0000" + x.mechanism()).equals(e.getKey()))
						.findFirst().orElse(h);
				boolean msix = mine.remedies().stream().anyMatch(x -> x.contains("MSI-X capability"));
				b.append("    - ").append(r.device()).append("  ").append(r.address()).append("  ").append(r.label()).append("  line ")
						.append(mine.line())
						.append(r.msiEnabled() == null ? "" : r.msiEnabled() ? ", in use" : ", not enabled at dump time")
						.append(msix ? "; has an MSI-X capability its driver could use" : "")
						.append(mine.message().equals(mine.mechanism()) || !h.check().equals("flag-masked-by-parent") ? "" : "; " + mine.message())
						.append('\n');
				List<String> own = r.assumptions().stream().filter(a -> !a.startsWith("interrupt remapping:") && !a.startsWith("kernel version:"))
						.toList();
				if (!own.isEmpty()) {
					b.append("      assumed: ").append(String.join("; ", own)).append('\n');
				}
			}
			List<String> shared = e.getValue().stream().flatMap(r -> r.assumptions().stream())
					.filter(a -> a.startsWith("interrupt remapping:") || a.startsWith("kernel version:")).distinct().toList();
			if (!shared.isEmpty()) {
				b.append("    assumed for all: ").append(String.join("; ", shared)).append('\n');
			}
		}
	}
}
