package org.irqdsl.importer;

import java.util.List;

import org.irqdsl.importer.KernelMsiParents.Ops;
import org.irqdsl.importer.MachineFacts.Arch;
import org.irqdsl.importer.MachineFacts.RemapState;

/**
 * The platform the importer will write: every declaration with the comments that name its
 * sources and assumptions. {@link PlatformPlanner} decides it, {@link PlatformWriter} prints it.
 */
public record PlatformPlan(String name, List<String> preamble, CpusPlan cpus, String kernel, String kernelComment,
		List<DomainPlan> domains, List<BusPlan> buses, List<String> epilogue, Summary summary) {

	public record CpusPlan(int count, List<Integer> offline, String comment) {
	}

	/** {@code domain NAME : KIND parent P { vectors ... msi-parent-ops { ... } affinity-update S }}. */
	public record DomainPlan(String name, String kind, String parent, List<String> comments, String vectors, String vectorsComment,
			List<String> domainFlags, Ops ops, String affinityUpdate, String affinityComment) {
	}

	public record BusPlan(String name, String msiParent, List<String> comments, List<DevicePlan> devices) {
	}

	/**
	 * One device. {@code enabled}: MSI or MSI-X was enabled (or irqs were allocated) when the dump
	 * was taken; null when not visible. {@code assumptions}: what was assumed about it, for the report.
	 */
	public record DevicePlan(String name, String address, String label, List<String> comments, MsiPlan msi, MsixPlan msix,
			VmdPlan vmd, List<String> assumptions, Boolean enabled, boolean hasMsixCapability) {
	}

	public record MsiPlan(int count, boolean maskable, boolean address64) {
	}

	/** {@code count} null when the table size is not visible. */
	public record MsixPlan(Integer count) {
	}

	public record VmdPlan(List<String> comments, boolean bypass, String mapping, String teardown, BusPlan bus) {
	}

	/** The platform-wide conclusions, for the report. */
	public record Summary(Arch arch, String archWhy, boolean archAssumed, int cpus, String cpusWhy, boolean cpusAssumed, String kernel,
			String kernelShort, boolean kernelKnown, RemapState remap, String remapWhy, boolean remapAssumed, String msiParents,
			String strategy, String strategyWhy, boolean strategyAssumed, List<String> assumptions) {
	}
}
