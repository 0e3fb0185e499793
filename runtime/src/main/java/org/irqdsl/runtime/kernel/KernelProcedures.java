package org.irqdsl.runtime.kernel;

import static org.irqdsl.runtime.sim.config.ProcedureStep.Action.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.irqdsl.runtime.sim.config.AffinityUpdate;
import org.irqdsl.runtime.sim.config.Guard;
import org.irqdsl.runtime.sim.config.Guard.Condition;
import org.irqdsl.runtime.sim.config.HotUnplug;
import org.irqdsl.runtime.sim.config.Procedure;
import org.irqdsl.runtime.sim.config.Procedure.Release;
import org.irqdsl.runtime.sim.config.Procedure.Runs;
import org.irqdsl.runtime.sim.config.ProcedurePath;
import org.irqdsl.runtime.sim.config.ProcedureStep;
import org.irqdsl.runtime.sim.config.Retrigger;

/**
 * The kernel's own procedures for moving an interrupt, each as the function, file and commit it
 * follows reads (docs/procedures.md has the table and, for each, the interleaving that breaks it
 * or why none does). The six normative keywords of the language name entries of this library
 * ({@link #forKeyword}); a platform's {@code kernel "X.Y"} chooses the x86 and IMSIC era when its
 * domain declares none ({@link #x86ForKernel}, {@link #imsicForKernel}).
 */
public final class KernelProcedures {

	private static final Map<String, Procedure> AFFINITY = new LinkedHashMap<>();
	private static final Map<String, HotUnplug> HOT_UNPLUG = new LinkedHashMap<>();

	private static final ProcedurePath DIRECT = path("direct", List.of(), step(WRITE_MESSAGE));
	/** The five tests of x86 msi_set_affinity() for the two-step path, after the first one. */
	private static final List<Guard> TWO_STEP_TESTS = List.of(is(Condition.VECTOR_CHANGED),
			is(Condition.CPU_CHANGED), is(Condition.STARTED), is(Condition.ON_CURRENT_TARGET));

	public static final Procedure MSI_DOMAIN_SET_AFFINITY = add(new Procedure("msi_domain_set_affinity", "msi_domain_set_affinity",
			"kernel/irq/msi.c msi_domain_set_affinity(): the parent's irq_set_affinity(), then "
					+ "irq_chip_write_msi_msg() with the new message, in place",
			Runs.DEFERRED, List.of(DIRECT), Release.ON_FIRST_ARRIVAL));

	public static final Procedure MASK_WRITE_UNMASK = add(new Procedure("mask_write_unmask", "msi_domain_set_affinity",
			"pci_msi_mask_irq(), irq_chip_write_msi_msg(), pci_msi_unmask_irq() (drivers/pci/msi/irqdomain.c): "
					+ "invisible to the device only when the entry has a mask bit",
			Runs.DEFERRED, List.of(path("masked", List.of(), step(MASK_DEVICE), step(WRITE_MESSAGE),
					step(UNMASK_DEVICE))),
			Release.ON_FIRST_ARRIVAL));

	public static final Procedure X86_PRE_V5_6 = add(new Procedure("x86_msi_set_affinity_pre_v5_6", "msi_domain_set_affinity",
			"arch/x86/kernel/apic/msi.c before 6f1a4891a592 (v5.6): msi_domain_set_affinity() "
					+ "(kernel/irq/msi.c) rewrites address_lo and data in place",
			Runs.DEFERRED, List.of(DIRECT), Release.ON_FIRST_ARRIVAL));

	public static final Procedure X86_V5_6 = add(x86TwoStep("x86_msi_set_affinity_v5_6",
			"arch/x86/kernel/apic/msi.c msi_set_affinity(), 6f1a4891a592 (v5.6): the two-step path when "
					+ "irqd_msi_nomask_quirk() (set by msi_domain_alloc_irqs() for entries without a mask bit)",
			is(Condition.MASKABLE, true), false));

	public static final Procedure X86_RETRIGGER_DRAFT = add(x86TwoStep("x86_msi_set_affinity_retrigger_draft",
			"seed 003's first draft of msi_set_affinity() (backport to 4.19.96): apic_retrigger_irq() is "
					+ "called before unlock_vector_lock()",
			is(Condition.MASKABLE, true), true));

	public static final Procedure X86_V5_17 = add(new Procedure("x86_msi_set_affinity_v5_17", "msi_set_affinity",
			"arch/x86/kernel/apic/msi.c msi_set_affinity() after ef8dd01538ea (v5.17, \"genirq/msi: Make "
					+ "interrupt allocation less convoluted\"): the NOMASK quirk bit is never set, so "
					+ "!irqd_msi_nomask_quirk() always holds and every MSI is updated directly",
			Runs.DEFERRED, List.of(DIRECT), Release.ON_FIRST_ARRIVAL));

	public static final Procedure X86_V6_7 = add(x86TwoStep("x86_msi_set_affinity_v6_7",
			"arch/x86/kernel/apic/msi.c msi_set_affinity() after b56ebe7c896d (v6.7-rc1, stable 6.1.66+ "
					+ "and 6.5.y): tests !irqd_can_reserve(irqd); kernel/irq/msi.c msi_init_virq() clears "
					+ "IRQD_CAN_RESERVE unless msi_check_reservation_mode() (is_msix || can_mask): a "
					+ "non-maskable MSI goes direct, a maskable one two-step",
			is(Condition.CAN_RESERVE), false));

	public static final Procedure INTEL_IR = add(new Procedure("intel_ir_set_affinity", "intel_ir_set_affinity",
			"drivers/iommu/intel/irq_remapping.c intel_ir_set_affinity(): the vector domain's "
					+ "apic_set_affinity(), then modify_irte() and send_cleanup_vector(); in process "
					+ "context (IRQ_MOVE_PCNTXT)",
			Runs.AT_ONCE, List.of(path("remap", List.of(), step(UPDATE_IRTE))), Release.ON_FIRST_ARRIVAL));

	public static final Procedure AMD_IR = add(new Procedure("amd_ir_set_affinity", "amd_ir_set_affinity",
			"drivers/iommu/amd/iommu.c amd_ir_set_affinity(): apic_set_affinity(), then "
					+ "amd_ir_update_irte() (modify_irte) and send_cleanup_vector(); in process context",
			Runs.AT_ONCE, List.of(path("remap", List.of(), step(UPDATE_IRTE))), Release.ON_FIRST_ARRIVAL));

	public static final Procedure GIC_ITS = add(new Procedure("its_set_affinity", "its_set_affinity",
			"drivers/irqchip/irq-gic-v3-its.c its_set_affinity(): its_send_movi() moves the LPI to the new "
					+ "collection; the message (GITS_TRANSLATER, event ID) never changes",
			Runs.AT_ONCE, List.of(path("movi", List.of(), step(ITS_MOVI))), Release.IMMEDIATE));

	public static final Procedure GICV2M = add(new Procedure("gicv2m_set_affinity_parent", "irq_chip_set_affinity_parent",
			"drivers/irqchip/irq-gic-v2m.c: .irq_set_affinity = irq_chip_set_affinity_parent -> "
					+ "gic_set_affinity() (irq-gic.c) rewrites the SPI's GICD_ITARGETSR; the message "
					+ "(frame + MSI_SETSPI_NS, SPI number) never depends on the CPU",
			Runs.AT_ONCE, List.of(path("spi-route", List.of(), step(SPI_ROUTE))), Release.IMMEDIATE));

	public static final Procedure IMSIC_V6_10 = add(new Procedure("imsic_irq_set_affinity_v6_10", "imsic_irq_set_affinity",
			"drivers/irqchip/irq-riscv-imsic-platform.c imsic_irq_set_affinity() (v6.10 to v6.14): new "
					+ "vector, irq_write_msi_msg() at once in the caller's context, unmasked (RISC-V has no "
					+ "GENERIC_PENDING_IRQ before v6.15), then imsic_vector_move(): the old CPU's lazy "
					+ "timer (__imsic_local_sync()) moves a pending old id",
			Runs.AT_ONCE, List.of(DIRECT), Release.LAZY_TIMER));

	public static final Procedure IMSIC_V6_15 = add(new Procedure("imsic_irq_set_affinity_v6_15", "imsic_irq_set_affinity",
			"drivers/irqchip/irq-riscv-imsic-platform.c imsic_irq_set_affinity() from v6.15: "
					+ "IRQCHIP_MOVE_DEFERRED (run by irq_move_irq() on the old target); when the id and "
					+ "the CPU change and the entry cannot be masked, a temporary (old CPU, new id) message "
					+ "first, then the new one, and the old CPU checks the new id for pending",
			Runs.DEFERRED,
			List.of(path("two-step", List.of(is(Condition.MASKABLE, true), is(Condition.VECTOR_CHANGED),
					is(Condition.CPU_CHANGED), is(Condition.ON_CURRENT_TARGET)), step(WRITE_TEMP_MESSAGE),
					step(WRITE_MESSAGE), step(CHECK_IRR), step(RETRIGGER_IF_PENDING)), DIRECT),
			Release.LAZY_TIMER));

	public static final Procedure NO_AFFINITY = add(new Procedure("no_affinity", "irq_do_set_affinity",
			"MSI_FLAG_NO_AFFINITY (include/linux/msi.h): msi_domain_update_chip_ops() installs no "
					+ "irq_set_affinity, so irq_do_set_affinity() returns -EINVAL (Intel VMD children: "
					+ "drivers/pci/controller/vmd.c)",
			Runs.AT_ONCE, List.of(), Release.ON_FIRST_ARRIVAL));

	private static final Map<String, Procedure> MSI_WRITE = new LinkedHashMap<>();

	public static final Procedure PCI_CONFIG_WORDS = addWrite(msiWrite("pci_msi_config_words", "__pci_write_msi_msg",
			"drivers/pci/msi/msi.c __pci_write_msi_msg(): pci_write_config_dword(PCI_MSI_ADDRESS_LO), then "
					+ "ADDRESS_HI (64-bit), then the data word: three config writes, no mask for a plain MSI",
			step(WRITE_ADDRESS_LO), step(WRITE_ADDRESS_HI), step(WRITE_DATA)));

	public static final Procedure ATOMIC_WRITE = addWrite(msiWrite("atomic_msi_write", "irq_chip_write_msi_msg",
			"one write the device takes whole (e.g. a platform MSI controller's single register)", step(WRITE_MESSAGE)));

	public static final Procedure CDX_MSI_WRITE = addWrite(msiWrite("cdx_msi_write", "cdx_msi_write_msg",
			"drivers/cdx/cdx_msi.c: cdx_msi_write_msg() stores the message, cdx_msi_write_irq_unlock() "
					+ "(irq_bus_sync_unlock()) sends the MCDI command and waits for it",
			step(FIRMWARE_WRITE)));

	public static final Procedure CDX_QUEUED_DRAFT = addWrite(msiWrite("cdx_msi_write_queued_draft", "cdx_msi_write_msg",
			"seed 000's rejected CDX draft: the firmware command is queued and completes later",
			step(QUEUE_FIRMWARE_COMMAND)));

	public static final Procedure WORK_QUEUE_DRAFT = addWrite(msiWrite("msi_write_work_queue", "queue_work",
			"a message written from a work queue (seed 000's objection: it completes later)", step(QUEUE_WORK)));

	public static final HotUnplug MIGRATE_ONE_IRQ = addHotUnplug(new HotUnplug("migrate_one_irq",
			"kernel/irq/cpuhotplug.c irq_migrate_all_off_this_cpu() -> migrate_one_irq() -> "
					+ "irq_do_set_affinity() in stop_machine(), without chip_bus_lock()/chip_bus_sync_unlock(): "
					+ "a bus-locked message write (cdx_msi_write_msg()) is only stored",
			false, false));

	public static final HotUnplug X86_FIXUP_IRQS = addHotUnplug(new HotUnplug("x86_fixup_irqs",
			"migrate_one_irq() as mainline, then arch/x86/kernel/irq.c fixup_irqs(): every vector still "
					+ "pending in the outgoing CPU's IRR is retriggered (irq_retrigger) on the irq's new target",
			false, true));

	public static final HotUnplug CDX_TWO_STAGE = addHotUnplug(new HotUnplug("cdx_two_stage_migration",
			"seed 000's proposal (never merged): irqs whose message a sleeping firmware command writes "
					+ "are migrated first, in process context with chip_bus_lock(); the rest in stop_machine()",
			true, false));

	private KernelProcedures() {
	}

	/** Every affinity-update procedure of the library, in a stable order. */
	public static Map<String, Procedure> affinityProcedures() {
		return Collections.unmodifiableMap(AFFINITY);
	}

	/** Every msi-write procedure of the library (how a bus writes the message). */
	public static Map<String, Procedure> msiWriteProcedures() {
		return Collections.unmodifiableMap(MSI_WRITE);
	}

	/** The library procedure an {@code msi-write} mode names. */
	public static Procedure forMsiWrite(org.irqdsl.runtime.sim.config.MsiWrite mode) {
		return switch (mode) {
		case CONFIG_WORDS -> PCI_CONFIG_WORDS;
		case ATOMIC -> ATOMIC_WRITE;
		case FIRMWARE_SYNC -> CDX_MSI_WRITE;
		case FIRMWARE_QUEUED -> CDX_QUEUED_DRAFT;
		case WORK_QUEUE -> WORK_QUEUE_DRAFT;
		};
	}

	/** Every hot-unplug procedure of the library. */
	public static Map<String, HotUnplug> hotUnplugProcedures() {
		return Collections.unmodifiableMap(HOT_UNPLUG);
	}

	public static Optional<Procedure> affinity(String name) {
		return Optional.ofNullable(AFFINITY.get(name));
	}

	public static Optional<HotUnplug> hotUnplug(String name) {
		return Optional.ofNullable(HOT_UNPLUG.get(name));
	}

	/**
	 * The library procedure a normative keyword names: {@code two-step} is x86 msi_set_affinity() as
	 * 6f1a4891a592 merged it (with {@code retrigger takes-vector-lock}: seed 003's first draft),
	 * {@code lazy-move} the IMSIC before v6.15, {@code remap} the Intel IR update (AMD-Vi's has the
	 * same steps), {@code immutable} the GIC ITS.
	 */
	public static Procedure forKeyword(AffinityUpdate keyword, Retrigger retrigger) {
		return switch (keyword) {
		case DIRECT -> MSI_DOMAIN_SET_AFFINITY;
		case MASKED -> MASK_WRITE_UNMASK;
		case TWO_STEP -> retrigger == Retrigger.TAKES_VECTOR_LOCK ? X86_RETRIGGER_DRAFT : X86_V5_6;
		case LAZY_MOVE -> IMSIC_V6_10;
		case REMAP -> INTEL_IR;
		case IMMUTABLE -> GIC_ITS;
		};
	}

	/** The newest kernel version the library models; a platform without {@code kernel} is read as this one. */
	public static final KernelRelease NEWEST_MODELLED = new KernelRelease(6, 15, 0);

	/**
	 * x86 msi_set_affinity() as the given kernel has it: before v5.6 direct, v5.6 two-step for
	 * non-maskable MSI, from v5.17 direct, from v6.7 (and 6.1.66+, 6.5.y with b56ebe7c896d) the
	 * reservation-mode test.
	 */
	public static Procedure x86ForKernel(KernelRelease k) {
		if (k.before(5, 6)) {
			return X86_PRE_V5_6;
		}
		if (k.before(5, 17)) {
			return X86_V5_6;
		}
		boolean fixedStable = (k.is(6, 1) && k.patch() >= 66) || k.is(6, 5);
		if (k.before(6, 7) && !fixedStable) {
			return X86_V5_17;
		}
		return X86_V6_7;
	}

	/** The RISC-V IMSIC's imsic_irq_set_affinity() of the given kernel. */
	public static Procedure imsicForKernel(KernelRelease k) {
		return k.before(6, 15) ? IMSIC_V6_10 : IMSIC_V6_15;
	}

	private static Procedure x86TwoStep(String name, String cites, Guard first, boolean retriggerDraft) {
		List<Guard> guards = new ArrayList<>();
		guards.add(first);
		guards.addAll(TWO_STEP_TESTS);
		List<ProcedureStep> steps = new ArrayList<>(List.of(ProcedureStep.lock("vector_lock"),
				step(WRITE_TEMP_MESSAGE), step(WRITE_MESSAGE)));
		if (retriggerDraft) {
			steps.addAll(List.of(step(CHECK_IRR), step(RETRIGGER_IF_PENDING), ProcedureStep.unlock("vector_lock")));
		} else {
			steps.addAll(List.of(ProcedureStep.unlock("vector_lock"), step(CHECK_IRR), step(RETRIGGER_IF_PENDING)));
		}
		return new Procedure(name, "msi_set_affinity", cites, Runs.DEFERRED,
				List.of(new ProcedurePath("two-step", guards, steps), DIRECT), Release.ON_FIRST_ARRIVAL);
	}

	private static Procedure msiWrite(String name, String function, String cites, ProcedureStep... steps) {
		return new Procedure(name, function, cites, Runs.AT_ONCE, List.of(path("write", List.of(), steps)),
				Release.ON_FIRST_ARRIVAL);
	}

	private static Procedure addWrite(Procedure p) {
		MSI_WRITE.put(p.name(), p);
		return p;
	}

	private static ProcedurePath path(String name, List<Guard> when, ProcedureStep... steps) {
		return new ProcedurePath(name, when, List.of(steps));
	}

	private static ProcedureStep step(ProcedureStep.Action a) {
		return ProcedureStep.of(a);
	}

	private static Guard is(Condition c) {
		return new Guard(c, false);
	}

	private static Guard is(Condition c, boolean negated) {
		return new Guard(c, negated);
	}

	private static Procedure add(Procedure p) {
		AFFINITY.put(p.name(), p);
		return p;
	}

	private static HotUnplug addHotUnplug(HotUnplug h) {
		HOT_UNPLUG.put(h.name(), h);
		return h;
	}
}
