package org.irqdsl.importer;

import java.util.List;
import java.util.Optional;

import org.irqdsl.analysis.PciAddress;

/**
 * What {@link KernelLogParser} found in a kernel log: the kernel version, interrupt remapping's
 * state, the MSI controllers that announced themselves, CPUs brought up, and per-function MSI
 * allocations of old kernels.
 */
public record KernelLog(InputText input, Optional<Versioned> version, List<RemapEvent> remap, List<Evidence> notes,
		Optional<Evidence> intelIommu, Optional<Evidence> amdIommu, Optional<Evidence> gicIts, Optional<Evidence> gicV2m,
		Optional<Evidence> gic, Optional<Evidence> imsic, Optional<Evidence> aplic, Optional<Evidence> x86,
		Optional<Evidence> riscv, Optional<Counted> cpus, List<MsiAllocation> msiAllocations, List<Problem> problems,
		int relevantLines) {

	public KernelLog {
		remap = List.copyOf(remap);
		notes = List.copyOf(notes);
		msiAllocations = List.copyOf(msiAllocations);
		problems = List.copyOf(problems);
	}

	/** "Linux version 6.12.0-..." with the release string as printed. */
	public record Versioned(KernelVersion version, String release, SourceRef at) {
	}

	public enum RemapState {
		ON, OFF
	}

	public enum RemapVendor {
		DMAR, AMDVI
	}

	/** A message that says interrupt remapping is on or off; vendor null when the message does not say. */
	public record RemapEvent(RemapState state, RemapVendor vendor, String message, SourceRef at) {
	}

	public record Counted(int count, String message, SourceRef at) {
	}

	/** {@code pcieport 0000:00:1c.0: irq 41 for MSI/MSI-X} (printed by kernels before v3.19). */
	public record MsiAllocation(PciAddress address, String printed, String driver, int irq, SourceRef at) {
	}
}
