package org.irqdsl.importer.firmware;

import java.util.List;
import java.util.Optional;

import org.irqdsl.importer.Evidence;
import org.irqdsl.importer.KernelLog.RemapVendor;
import org.irqdsl.importer.MachineFacts.Arch;

/**
 * What a machine's firmware (a device tree, or ACPI tables) says about its interrupt delivery, each
 * fact with the node path or table offset that shows it. {@code inputs}: one line per firmware input
 * for the platform's preamble.
 */
public record FirmwareFacts(List<String> inputs, Arch arch, Evidence archEvidence, Integer cpus, Evidence cpusEvidence,
		List<MsiController> controllers, List<HostBridge> bridges, List<Evidence> platformMsi, Optional<Remap> remap,
		List<Evidence> notes) {

	public FirmwareFacts {
		inputs = List.copyOf(inputs);
		controllers = List.copyOf(controllers);
		bridges = List.copyOf(bridges);
		platformMsi = List.copyOf(platformMsi);
		notes = List.copyOf(notes);
	}

	/**
	 * The MSI controllers Linux can have as a PCI/MSI parent. The last two are real, but irqdsl has no
	 * domain kind for them ({@link #modelled()} false): the GICv3's message-based SPIs
	 * (drivers/irqchip/irq-gic-v3-mbi.c), and a host bridge's own MSI controller that multiplexes its
	 * MSIs onto one wired interrupt (DesignWare's iMSI-RX, pcie-designware-host.c; Microchip's
	 * pcie-microchip-host.c), whose per-MSI affinity cannot be set (dw_pci_msi_set_affinity() is -EINVAL).
	 */
	public enum ControllerKind {
		GIC_ITS("GICv3 ITS", true), GICV2M("GICv2m", true), IMSIC("RISC-V IMSIC", true), APLIC_MSI("RISC-V APLIC in MSI mode", true),
		GICV3_MBI("GICv3 MBI", false), BRIDGE_OWN("the host bridge's own MSI controller", false);

		private final String label;
		private final boolean modelled;

		ControllerKind(String label, boolean modelled) {
			this.label = label;
			this.modelled = modelled;
		}

		public String label() {
			return label;
		}

		/** Whether irqdsl has a domain kind for it. */
		public boolean modelled() {
			return modelled;
		}
	}

	/** One MSI controller: {@code id} its node path or table entry, what it is with its source. */
	public record MsiController(ControllerKind kind, String id, Evidence evidence) {
	}

	/**
	 * A PCI host bridge (a root complex): its PCI segment (domain; {@code segmentAssumed} when the
	 * firmware does not number it), the MSI controller its requester IDs map to (null: none), and why.
	 */
	public record HostBridge(int segment, boolean segmentAssumed, MsiController parent, Evidence evidence, List<Evidence> details) {

		public HostBridge {
			details = List.copyOf(details);
		}
	}

	/**
	 * Interrupt remapping hardware: whose, whether Linux can enable remapping on it
	 * ({@code supported}), what it is, and what else the tables say (x2APIC opt-out, scopes).
	 */
	public record Remap(RemapVendor vendor, boolean supported, Evidence evidence, List<Evidence> details) {

		public Remap {
			details = List.copyOf(details);
		}
	}
}
