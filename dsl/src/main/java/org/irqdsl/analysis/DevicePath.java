package org.irqdsl.analysis;

import java.util.List;
import java.util.Optional;

import org.irqdsl.irqDsl.AffinityUpdate;
import org.irqdsl.irqDsl.Bus;
import org.irqdsl.irqDsl.Device;
import org.irqdsl.irqDsl.Domain;
import org.irqdsl.irqDsl.MsiWrite;
import org.irqdsl.runtime.kernel.MsiFlag;
import org.irqdsl.runtime.kernel.MsiLib;

/**
 * How one device's interrupts reach a CPU: its bus, its MSI parent and the domains above it, the
 * affinity-update strategy in force, how its message is written, and the flags its per-device
 * MSI and MSI-X domains end up with.
 */
public record DevicePath(Device device, Bus bus, Optional<Domain> msiParent, List<Domain> domains, Derived derived) {

	public DevicePath(Device device, Bus bus, Optional<Domain> msiParent, List<Domain> domains) {
		this(device, bus, msiParent, domains, new Derived());
	}

	/**
	 * What is derived from the path once and read many times (the checks, the generator and the
	 * hover all ask for the procedure): computed on first use, per validation run (PlatformFacts).
	 */
	public static final class Derived {
		/** What depends on the MSI parent and the domains only, shared by the devices of one bus. */
		private final OfDomains ofDomains;
		private Optional<org.irqdsl.runtime.sim.config.Procedure> msiWriteProcedure;
		private org.irqdsl.runtime.sim.config.MsiWrite msiWriteMode;

		public Derived() {
			this(new OfDomains());
		}

		Derived(OfDomains ofDomains) {
			this.ofDomains = ofDomains;
		}
	}

	/**
	 * The part of {@link Derived} that depends only on the MSI parent and the domains above it (and
	 * the platform), not on the device: PlatformFacts gives the devices of one bus one of these, so
	 * the procedure and the parent's flags are derived once per bus, not once per device.
	 */
	static final class OfDomains {
		private ProcedureInEffect procedure;
		/** The MSI parent's supported and required flags (several checks ask per device); null until asked. */
		private Optional<long[]> parentFlags;
	}

	/** The affinity-update procedure in effect and where it comes from (the one place that decides it). */
	public ProcedureInEffect procedure() {
		OfDomains shared = derived.ofDomains;
		if (shared.procedure == null) {
			shared.procedure = ProcedureInEffect.of(this,
					org.eclipse.xtext.EcoreUtil2.getContainerOfType(device, org.irqdsl.irqDsl.Platform.class));
		}
		return shared.procedure;
	}

	/** The domain the procedure in effect comes from, if any. */
	public Optional<Domain> strategyDomain() {
		return procedure().domain();
	}

	public boolean hasRemapping() {
		return domains.stream().anyMatch(DomainFacts::isRemapping);
	}

	public boolean messageImmutable() {
		return domains.stream().anyMatch(DomainFacts::isImmutable);
	}

	public Optional<Domain> root() {
		return domains.isEmpty() ? Optional.empty() : Optional.of(domains.get(domains.size() - 1));
	}

	/** How the message is written: the device's declaration, else the bus's, else the bus type's default. */
	public MsiWrite msiWrite() {
		MsiWrite typeDefault = bus.getType() == org.irqdsl.irqDsl.BusType.CDX ? MsiWrite.FIRMWARE_SYNC : MsiWrite.CONFIG_WORDS;
		boolean busWritten = Written.isWritten(bus, org.irqdsl.irqDsl.IrqDslPackage.Literals.BUS__MSI_WRITE);
		if (!busWritten && device.getMsiWrite() == typeDefault) {
			// written or not, the device's value is the answer: no need to ask the node model about
			// every device of a bus (a walk of its nodes, 5% of the language server's build per edit)
			return typeDefault;
		}
		if (Written.isWritten(device, org.irqdsl.irqDsl.IrqDslPackage.Literals.DEVICE__MSI_WRITE)) {
			return device.getMsiWrite();
		}
		return busWritten ? bus.getMsiWrite() : typeDefault;
	}

	/**
	 * How the message is written when it is a procedure ({@code msi-write-procedure}): the device's,
	 * else the bus's unless the device states an {@code msi-write} mode of its own.
	 */
	public Optional<org.irqdsl.runtime.sim.config.Procedure> msiWriteProcedure() {
		if (derived.msiWriteProcedure == null) {
			derived.msiWriteProcedure = deriveMsiWriteProcedure();
		}
		return derived.msiWriteProcedure;
	}

	private Optional<org.irqdsl.runtime.sim.config.Procedure> deriveMsiWriteProcedure() {
		org.irqdsl.irqDsl.Procedure p = device.getMsiWriteProcedure();
		if (p == null && bus.getMsiWriteProcedure() != null
				&& !Written.isWritten(device, org.irqdsl.irqDsl.IrqDslPackage.Literals.DEVICE__MSI_WRITE)) {
			p = bus.getMsiWriteProcedure();
		}
		return p == null || p.eIsProxy() ? Optional.empty() : Optional.of(Procedures.toRuntime(p));
	}

	/** {@link #msiWrite()} as the simulator spells it. */
	public org.irqdsl.runtime.sim.config.MsiWrite msiWriteMode() {
		if (derived.msiWriteMode == null) {
			derived.msiWriteMode = JsonNames.literal(org.irqdsl.runtime.sim.config.MsiWrite.class, msiWrite().getLiteral());
		}
		return derived.msiWriteMode;
	}

	/** What the message write amounts to (the mode a procedure for msi-write behaves as, else the mode). */
	public org.irqdsl.runtime.sim.config.MsiWrite effectiveMsiWrite() {
		return org.irqdsl.runtime.sim.config.MessageWrite.requestMode(msiWriteMode(), msiWriteProcedure().orElse(null));
	}

	/**
	 * The flags of the per-device domain created from {@code template} under the MSI parent,
	 * as msi_lib_init_dev_msi_info() computes them; empty when the parent has no msi-parent-ops.
	 */
	public Optional<Long> effectiveFlags(long template) {
		OfDomains shared = derived.ofDomains;
		if (shared.parentFlags == null) {
			shared.parentFlags = msiParent.map(Domain::getOps)
					.map(ops -> new long[] { DomainFacts.supportedFlags(ops), DomainFacts.requiredFlags(ops) });
		}
		return shared.parentFlags.map(f -> MsiLib.effectiveFlags(template, f[0], f[1]));
	}

	public boolean has(long template, MsiFlag flag) {
		return effectiveFlags(template).map(f -> (f & flag.mask()) != 0).orElse(false);
	}

	/**
	 * Whether the device's interrupts come through its MSI capability: drivers ask for MSI-X first
	 * (pci_alloc_irq_vectors() tries MSI-X before MSI), so a device whose MSI-X survives the
	 * parent's flags never uses its MSI entry.
	 */
	public boolean usesMsi() {
		return device.getMsi() != null
				&& !(device.getMsix() != null && has(MsiLib.PCI_MSIX_TEMPLATE_FLAGS, MsiFlag.MSI_FLAG_PCI_MSIX));
	}

	/**
	 * Whether the entries of the device's MSI-X ({@code msix}) or MSI capability can be masked at the
	 * device: an MSI-X entry always (its Vector Control word has a mask bit, PCI spec 6.8.2.9;
	 * pci_msix_mask()), an MSI vector only with the per-vector masking capability (PCI_MSI_FLAGS_MASKBIT,
	 * pci_msi_mask()).
	 */
	public boolean entriesMaskable(boolean msix) {
		return msix || (device.getMsi() != null && device.getMsi().isMaskable());
	}

	/** Whether the procedure in effect moves the interrupt by rewriting its remapping entry (IRTE). */
	public boolean movesByRemapEntry() {
		return procedure().procedure().paths().stream().flatMap(p -> p.steps().stream())
				.anyMatch(st -> st.action() == org.irqdsl.runtime.sim.config.ProcedureStep.Action.UPDATE_IRTE);
	}

	/** The vector cleanup of the nearest domain on the path that declares one, else on first arrival. */
	public org.irqdsl.runtime.sim.config.VectorCleanup vectorCleanup() {
		return domains.stream().filter(d -> Written.isWritten(d, org.irqdsl.irqDsl.IrqDslPackage.Literals.DOMAIN__VECTOR_CLEANUP))
				.findFirst().map(d -> JsonNames.literal(org.irqdsl.runtime.sim.config.VectorCleanup.class, d.getVectorCleanup().getLiteral()))
				.orElse(org.irqdsl.runtime.sim.config.VectorCleanup.ON_FIRST_ARRIVAL);
	}

	/** The retrigger of the nearest domain on the path that declares one, else lock-free. */
	public org.irqdsl.runtime.sim.config.Retrigger retrigger() {
		return domains.stream().filter(d -> Written.isWritten(d, org.irqdsl.irqDsl.IrqDslPackage.Literals.DOMAIN__RETRIGGER))
				.findFirst().map(d -> JsonNames.literal(org.irqdsl.runtime.sim.config.Retrigger.class, d.getRetrigger().getLiteral()))
				.orElse(org.irqdsl.runtime.sim.config.Retrigger.LOCK_FREE);
	}

	/** Seed 002: the parent masks when MSI_FLAG_PCI_MSI_MASK_PARENT is in effect and the root irqchip can mask. */
	public boolean parentMasks() {
		return has(MsiLib.PCI_MSI_TEMPLATE_FLAGS, MsiFlag.MSI_FLAG_PCI_MSI_MASK_PARENT)
				&& root().map(DomainFacts::chipCanMask).orElse(false);
	}

	/** MSI_FLAG_NO_AFFINITY in force: the interrupts are muxed and never move (VMD children). */
	public boolean noAffinity() {
		return has(MsiLib.PCI_MSIX_TEMPLATE_FLAGS, MsiFlag.MSI_FLAG_NO_AFFINITY)
				|| has(MsiLib.PCI_MSI_TEMPLATE_FLAGS, MsiFlag.MSI_FLAG_NO_AFFINITY);
	}
}
