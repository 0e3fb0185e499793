package org.irqdsl.runtime.sim.model;

import org.irqdsl.runtime.kernel.KernelProcedures;
import org.irqdsl.runtime.sim.config.DeviceSpec;
import org.irqdsl.runtime.sim.config.EntryRef;
import org.irqdsl.runtime.sim.config.MsiWrite;
import org.irqdsl.runtime.sim.config.Procedure;
import org.irqdsl.runtime.sim.config.ProcedureStep;
import org.irqdsl.runtime.sim.config.VectorCleanup;
import org.irqdsl.runtime.sim.config.VmdTeardown;

/** What never changes about one irq (one device entry) of a compiled scenario. */
public final class IrqInfo {

	public final int index;
	public final EntryRef ref;
	public final String name;
	public final int device;
	public final boolean maskable;
	/**
	 * IRQD_CAN_RESERVE after kernel/irq/msi.c msi_init_virq(): kept only when
	 * msi_check_reservation_mode() holds, {@code is_msix || can_mask} for PCI/MSI.
	 */
	public final boolean canReserve;
	/** The message write of request_irq() (the bus procedure's equivalent mode when it has one). */
	public final MsiWrite msiWrite;
	/** How the bus writes the message on a move, when it is a procedure; else null ({@link #msiWriteMode}). */
	public final Procedure msiWriteProcedure;
	public final MsiWrite msiWriteMode;
	/** The affinity-update procedure in effect (the device's own, or the library's its keyword names). */
	public final Procedure procedure;
	/** When the old vector is released: the procedure's, unless the domain declares {@code vector-cleanup immediate}. */
	public final Procedure.Release release;
	/** The message targets a remap-table entry or the controller's routing (its procedure writes no message). */
	public final boolean routedByController;
	public final boolean parentMasks;
	/** The VMD irq this child is multiplexed on, or -1. */
	public int vmdParent = -1;
	/** For a VMD's own irq: its children in list order; empty otherwise. */
	public int[] vmdChildren = new int[0];
	public VmdTeardown vmdTeardown = VmdTeardown.GRACE_PERIOD;
	/** The procedure's paths, compiled to micro-ops (see {@link MovePath}). */
	Micro[][] paths = new Micro[0][];

	IrqInfo(int index, EntryRef ref, int device, DeviceSpec spec) {
		this.index = index;
		this.ref = ref;
		this.name = ref.toString();
		this.device = device;
		this.maskable = spec.entriesMaskable();
		this.canReserve = spec.entriesMaskable();
		this.msiWriteMode = spec.msiWrite();
		this.msiWriteProcedure = spec.msiWriteProcedure();
		this.msiWrite = org.irqdsl.runtime.sim.config.MessageWrite.requestMode(spec.msiWrite(), spec.msiWriteProcedure());
		this.procedure = spec.procedure() != null ? spec.procedure()
				: KernelProcedures.forKeyword(spec.affinityUpdate(), spec.retrigger());
		this.release = spec.vectorCleanup() == VectorCleanup.IMMEDIATE ? Procedure.Release.IMMEDIATE
				: procedure.release();
		this.routedByController = spec.remap() || (!procedure.paths().isEmpty() && !procedure.writesMessage());
		this.parentMasks = spec.parentMasks();
	}

	/** Whether a message write of this irq may be queued (its request mode, or a queue step of its procedures). */
	public boolean mayQueue() {
		if (msiWrite.isQueued() || msiWrite == MsiWrite.FIRMWARE_SYNC) {
			return true;
		}
		return java.util.stream.Stream.concat(procedure.paths().stream(),
				msiWriteProcedure == null ? java.util.stream.Stream.empty() : msiWriteProcedure.paths().stream())
				.flatMap(p -> p.steps().stream()).anyMatch(st -> st.action() == ProcedureStep.Action.QUEUE_WORK
						|| st.action() == ProcedureStep.Action.QUEUE_FIRMWARE_COMMAND);
	}

	public boolean isVmd() {
		return vmdChildren.length > 0;
	}

	public boolean isVmdChild() {
		return vmdParent >= 0;
	}

	/** Whether a move of this irq runs deferred (irq_move_irq(), interrupt context on the current target). */
	public boolean movesDeferred() {
		return procedure.runs() == Procedure.Runs.DEFERRED;
	}
}
