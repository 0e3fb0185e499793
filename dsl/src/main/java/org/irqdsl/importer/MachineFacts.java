package org.irqdsl.importer;

import java.util.List;
import java.util.Optional;

import org.irqdsl.analysis.PciAddress;
import org.irqdsl.importer.KernelLog.RemapVendor;

/**
 * Everything the inputs say about one machine, merged and each fact with its source line; what
 * they do not say stays empty (the planner decides what to assume and says so).
 * {@code msiControllerInferred}: when the MSI controller ({@code gicIts}, {@code imsic}) is inferred
 * rather than seen, the assumption in words.
 */
public record MachineFacts(List<InputText> inputs, Arch arch, Optional<Evidence> archEvidence, Cpus cpus, Kernel kernel,
		Remap remap, Optional<Evidence> gicIts, Optional<Evidence> gicV2m, Optional<Evidence> imsic, Optional<Evidence> aplic,
		Optional<String> msiControllerInferred, List<MachineFunction> functions, List<Evidence> unattributedMsi, List<Evidence> notes, List<Problem> problems,
		int unknownCapabilities, int accessDenied, boolean haveLspci, boolean haveInterrupts, boolean haveKernelLog, Firmware firmware) {

	/** Facts from the dumps alone (no firmware input). */
	public MachineFacts(List<InputText> inputs, Arch arch, Optional<Evidence> archEvidence, Cpus cpus, Kernel kernel, Remap remap,
			Optional<Evidence> gicIts, Optional<Evidence> gicV2m, Optional<Evidence> imsic, Optional<Evidence> aplic,
			Optional<String> msiControllerInferred, List<MachineFunction> functions, List<Evidence> unattributedMsi, List<Evidence> notes,
			List<Problem> problems, int unknownCapabilities, int accessDenied, boolean haveLspci, boolean haveInterrupts, boolean haveKernelLog) {
		this(inputs, arch, archEvidence, cpus, kernel, remap, gicIts, gicV2m, imsic, aplic, msiControllerInferred, functions, unattributedMsi,
				notes, problems, unknownCapabilities, accessDenied, haveLspci, haveInterrupts, haveKernelLog, Firmware.NONE);
	}

	public MachineFacts {
		inputs = List.copyOf(inputs);
		functions = List.copyOf(functions);
		unattributedMsi = List.copyOf(unattributedMsi);
		notes = List.copyOf(notes);
		problems = List.copyOf(problems);
	}

	/**
	 * What a device tree or ACPI tables add that no dump shows: the preamble's lines about those
	 * inputs and the PCI host bridges, each with the MSI parent its firmware names.
	 */
	public record Firmware(List<String> inputs, List<Bridge> bridges) {

		public static final Firmware NONE = new Firmware(List.of(), List.of());

		public Firmware {
			inputs = List.copyOf(inputs);
			bridges = List.copyOf(bridges);
		}
	}

	/**
	 * A PCI host bridge of the firmware: its PCI domain, the kind of MSI parent its firmware names
	 * ({@code GIC_ITS}, {@code GICv2m}, {@code IMSIC}; null: the platform's MSI parent; {@code "none"}:
	 * no MSI parent at all; {@code "unmodelled"}: an MSI controller irqdsl has no domain kind for) and
	 * the evidence as comments.
	 */
	public record Bridge(int domain, String parentKind, List<String> comments) {

		public static final String NONE = "none";
		public static final String UNMODELLED = "unmodelled";

		public Bridge {
			comments = List.copyOf(comments);
		}
	}

	public enum Arch {
		X86("x86"), ARM("Arm (GIC)"), RISCV("RISC-V"), UNKNOWN("unknown");

		private final String label;

		Arch(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/**
	 * CPUs: {@code count} is the highest CPU number + 1, {@code offline} the numbers missing from
	 * /proc/interrupts' header (it lists online CPUs only); count null when no input shows it.
	 */
	public record Cpus(Integer count, List<Integer> offline, Evidence source) {
	}

	/**
	 * The kernel: the exact version (option or banner), else a bound that a format shows
	 * ({@code atLeast} or before {@code bound}), else nothing.
	 */
	public record Kernel(KernelVersion exact, Evidence exactSource, KernelVersion bound, boolean atLeast, Evidence boundSource) {

		public static final Kernel UNKNOWN = new Kernel(null, null, null, false, null);
	}

	public enum RemapState {
		ON, OFF, UNKNOWN
	}

	/**
	 * Interrupt remapping: its state and the vendor's remap domain, each with why; {@code agreeing}
	 * other lines that say the same, {@code conflicts} lines that say otherwise.
	 */
	public record Remap(RemapState state, Evidence stateSource, RemapVendor vendor, Evidence vendorSource, List<Evidence> agreeing,
			List<Evidence> conflicts) {
	}

	/** How a function is seen to use MSI in /proc/interrupts or the kernel log. */
	public enum UseKind {
		MSI, MSIX, EITHER
	}

	/**
	 * @param vectors how many irqs the function has (rows, or log lines)
	 * @param prefix  the per-device or global domain's prefix ("IR-", "ITS-", "VMD-", "")
	 * @param actions the handler names of the first row
	 */
	public record MsiUse(UseKind kind, int vectors, String prefix, String actions, String chip, SourceRef first, SourceRef last) {
	}

	/** One PCI function with what lspci and the interrupt tables say about it. */
	public record MachineFunction(PciAddress address, String printed, PciFunction lspci, MsiUse use, Evidence vmd) {

		public boolean isVmd() {
			return vmd != null;
		}

		public boolean inVmdDomain() {
			return address.domain() >= 0x10000;
		}
	}
}
