package org.irqdsl.runtime.sim.model;

import java.util.ArrayList;
import java.util.List;

import org.irqdsl.runtime.sim.config.MessageWrite;
import org.irqdsl.runtime.sim.config.Procedure;
import org.irqdsl.runtime.sim.config.ProcedurePath;
import org.irqdsl.runtime.sim.config.ProcedureStep;

/**
 * Compiles an irq's procedure paths into micro-ops. The path a move takes is chosen when it starts
 * (the first whose guards hold); its index + 1 is kept in the thread's state (0: no move).
 *
 * How a step reaches the device follows the bus (msi-write): {@code write message} on a plain MSI
 * written as PCI config words is two steps, address_lo then data, and a raise between them uses the
 * torn (new cpu, old vector) message (seed 001); {@code write temp-message} needs only data. An
 * MSI-X entry is written whole: __pci_write_msi_msg() (drivers/pci/msi/msi.c) masks an unmasked
 * MSI-X entry around the update (da181dc974ad, v5.14), so the device never sends a torn one.
 * A deferred procedure runs with the irq masked, as irq_move_irq() does (kernel/irq/migration.c
 * __irq_move_irq(): irq_mask(), which masks at the device and, with MSI_FLAG_PCI_MSI_MASK_PARENT,
 * at the parent).
 */
final class MovePath {

	static final int NONE = 0;
	private MovePath() {
	}

	static Micro[][] compile(IrqInfo irq, Procedure p, LockNames locks) {
		if (p.paths().isEmpty()) {
			return new Micro[0][]; // the domain refuses set-affinity
		}
		Micro[][] out = new Micro[p.paths().size() + 1][];
		for (int i = 0; i < p.paths().size(); i++) {
			out[i] = compile(irq, p, p.paths().get(i), locks);
		}
		// Taken when no path's guards hold: the procedure writes nothing.
		out[p.paths().size()] = compile(irq, p, new ProcedurePath("none", List.of(), List.of()), locks);
		return out;
	}

	private static Micro[] compile(IrqInfo irq, Procedure p, ProcedurePath path, LockNames locks) {
		List<Micro> ops = new ArrayList<>();
		boolean deferred = p.runs() == Procedure.Runs.DEFERRED;
		if (deferred) {
			ops.add(Micro.of(MicroOp.MASK_DEVICE));
			if (irq.parentMasks) {
				ops.add(Micro.of(MicroOp.MASK_PARENT));
			}
		}
		for (ProcedureStep step : path.steps()) {
			for (MessageWrite.Step st : MessageWrite.expand(step, irq.msiWriteMode, irq.msiWriteProcedure, irq.ref.kind())) {
				int temp = st.temp() ? 1 : 0;
				switch (st.action()) {
				case LOCK -> ops.add(new Micro(MicroOp.LOCK, locks.index(st.lock())));
				case UNLOCK -> ops.add(new Micro(MicroOp.UNLOCK, locks.index(st.lock())));
				case MASK_DEVICE -> ops.add(new Micro(MicroOp.MASK_DEVICE, 1));
				case UNMASK_DEVICE -> ops.add(Micro.of(MicroOp.UNMASK_DEVICE));
				case MASK_PARENT -> ops.add(new Micro(MicroOp.MASK_PARENT, 1));
				case UNMASK_PARENT -> ops.add(Micro.of(MicroOp.UNMASK_PARENT));
				case WRITE_ADDRESS_LO -> ops.add(new Micro(MicroOp.WRITE_ADDRESS, temp));
				case WRITE_ADDRESS_HI -> ops.add(Micro.of(MicroOp.WRITE_ADDRESS_HI));
				case WRITE_DATA -> ops.add(Micro.of(MicroOp.WRITE_DATA));
				case WRITE_MESSAGE, WRITE_TEMP_MESSAGE -> ops.add(Micro.of(st.temp() || st.action() == ProcedureStep.Action.WRITE_TEMP_MESSAGE
						? MicroOp.WRITE_TMP_MESSAGE : MicroOp.WRITE_MESSAGE));
				case CHECK_IRR -> ops.add(Micro.of(MicroOp.IRR_CHECK));
				case RETRIGGER_IF_PENDING -> ops.add(Micro.of(MicroOp.RETRIGGER));
				case UPDATE_IRTE -> ops.add(Micro.of(MicroOp.UPDATE_IRTE));
				case ITS_MOVI -> ops.add(new Micro(MicroOp.CONTROLLER_MOVE, 0));
				case SPI_ROUTE -> ops.add(new Micro(MicroOp.CONTROLLER_MOVE, 1));
				case QUEUE_WORK -> ops.add(new Micro(MicroOp.QUEUE_WRITE, temp << 1));
				case QUEUE_FIRMWARE_COMMAND -> ops.add(new Micro(MicroOp.QUEUE_WRITE, 1 | temp << 1));
				case FIRMWARE_WRITE -> ops.add(new Micro(MicroOp.FIRMWARE_WRITE, temp));
				}
			}
		}
		if (deferred) {
			if (irq.parentMasks) {
				ops.add(Micro.of(MicroOp.UNMASK_PARENT));
			}
			ops.add(Micro.of(MicroOp.UNMASK_DEVICE));
		}
		ops.add(Micro.of(MicroOp.FINISH));
		return ops.toArray(new Micro[0]);
	}
}
