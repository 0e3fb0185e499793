package org.irqdsl.runtime.sim.model;

import static org.irqdsl.runtime.sim.model.EventArgs.*;
import static org.irqdsl.runtime.sim.model.MachineState.*;

import org.irqdsl.runtime.sim.config.Procedure;
import org.irqdsl.runtime.sim.config.Property;

/**
 * The environment on the CPU side: a CPU taking a pending vector (the handler, the lazy disable,
 * irq_complete_move), the VMD flow handler walking its list, the vector cleanup on the old CPU,
 * the IMSIC lazy timer, and a queued message write completing.
 */
final class CpuSide {

	private final Machine m;
	private final MachineState s;

	CpuSide(Machine m) {
		this.m = m;
		this.s = m.s;
	}

	/** CPU c takes pending vector k: common_interrupt(), then the owner's flow handler. */
	boolean take(int c, int k) {
		if (!m.canTake(c) || !s.pending(c, k)) {
			return false;
		}
		s.clearPending(c, k);
		int o = s.owner(c, k);
		if (o < 0) {
			m.events.on(Event.TAKE_NO_OWNER, c, k, 0, 0);
			m.violate(Property.SPURIOUS_INTERRUPT);
			return true;
		}
		completeMove(o, c, k);
		if (s.flag(o, F_SETAFF_PENDING) && s.depth(o) == 0 && c == s.cpu(o) && !m.scenario.irqs[o].isVmd()) {
			// handle_edge_irq() -> irq_chip_ack -> irq_move_irq(): the pending move runs in this interrupt,
			// before the handler (kernel/irq/migration.c __irq_move_irq(); a disabled irq is not moved)
			int mv = m.scenario.mover(c);
			s.setFlag(o, F_SETAFF_PENDING, false);
			s.setCursor(mv, o);
			s.setThreadFlag(mv, T_MOVER_ACTIVE, true);
			m.events.on(Event.IRQ_MOVE_IRQ, c, k, o, 0);
			return true;
		}
		if (s.depth(o) > 0) {
			lazyDisable(c, k, o);
			return true;
		}
		if (m.scenario.irqs[o].isVmd()) {
			startFlow(c, o);
			return true;
		}
		handle(c, k, o);
		return true;
	}

	/** The deferred move in the interrupt on CPU c goes on; when it ends the interrupt's handler runs. */
	boolean mover(int c) {
		int mv = m.scenario.mover(c);
		int j = s.cursor(mv);
		int pk = s.pendVec(j);
		int r = m.moves.run(mv, j, c, CTX_SET_AFFINITY, s.pendCpu(j), pk == s.noVec ? -1 : pk, -1);
		if (r == MoveEngine.BLOCKED) {
			return false;
		}
		if (r == MoveEngine.HUNG) {
			return true; // lockdep's recursive locking: the CPU spins in the interrupt forever
		}
		if (r == MoveEngine.DONE) {
			s.setThreadFlag(mv, T_MOVER_ACTIVE, false);
			s.setCursor(mv, 0);
			handle(c, s.flag(j, F_MOVE) ? s.prevVec(j) : s.vec(j), j);
		}
		return true;
	}

	/** handle_irq_event(): the handler of irq o runs for the interrupt taken on CPU c. */
	private void handle(int c, int k, int o) {
		s.setFlag(o, F_OWED, false);
		if (s.credit(o) > 0) {
			s.setCredit(o, s.credit(o) - 1);
			m.events.on(Event.TAKE_HANDLED, c, k, o, 0);
		} else {
			m.events.on(Event.TAKE_NOTHING_PENDING, c, k, o, 0);
			m.violate(Property.SPURIOUS_INTERRUPT);
		}
	}

	/** irq_complete_move(): the first arrival on the new target schedules the old vector's cleanup. */
	private void completeMove(int o, int c, int k) {
		if (s.flag(o, F_MOVE) && !s.flag(o, F_CLEANUP | F_TIMER) && c == s.cpu(o) && k == s.vec(o)
				&& m.scenario.irqs[o].release != Procedure.Release.LAZY_TIMER) {
			s.setFlag(o, F_CLEANUP, true);
			m.events.on(Event.FIRST_ARRIVAL, o, s.prevCpu(o), s.prevVec(o), 0);
		}
	}

	/**
	 * handle_edge_irq() on a disabled irq (lazy disable): IRQS_PENDING and mask_ack_irq(), at the
	 * device if the entry can mask, else at the parent if it masks, else nothing can (seed 002).
	 */
	private void lazyDisable(int c, int k, int o) {
		if (s.flag(o, F_MASK_FAILED)) {
			m.events.on(Event.DELIVERED_WHILE_DISABLED, c, k, o, 0);
			m.violate(Property.DELIVERED_WHILE_DISABLED);
			return;
		}
		s.setFlag(o, F_DESC_PENDING, true);
		int where;
		IrqInfo irq = m.scenario.irqs[o];
		if (irq.maskable) {
			s.setFlag(o, F_DEV_MASK | F_DISABLE_MASKED, true);
			where = MASKED_AT_DEVICE;
		} else if (irq.parentMasks) {
			s.setFlag(o, F_PARENT_MASKED, true);
			where = MASKED_AT_PARENT;
		} else {
			s.setFlag(o, F_MASK_FAILED, true);
			where = CANNOT_MASK;
		}
		m.events.on(Event.LAZY_DISABLE, c, k, o, where);
	}

	/** vmd_flow_handler(): srcu_read_lock, then read the first child off the vector's list. */
	private void startFlow(int c, int vmd) {
		int first = nextOnList(vmd, -1);
		if (first < 0) {
			m.events.on(Event.FLOW_EMPTY, c, vmd, 0, 0);
			return;
		}
		s.setFlowVmd(c, vmd);
		s.setFlowHolding(c, first);
		m.events.on(Event.FLOW_START, c, vmd, first, 0);
	}

	/** generic_handle_irq() on the child read last, then read the next one (or srcu_read_unlock). */
	boolean flow(int c) {
		int vmd = s.flowVmd(c);
		if (vmd < 0) {
			return false;
		}
		int child = s.flowHolding(c);
		if (!s.flag(child, F_ALIVE)) {
			m.events.on(Event.FLOW_USE_AFTER_FREE, c, child, 0, 0);
			m.violate(Property.USE_AFTER_FREE);
		} else {
			s.setFlag(child, F_OWED, false);
			m.events.on(Event.FLOW_HANDLE, c, child, 0, 0);
		}
		int next = nextOnList(vmd, child);
		if (next >= 0) {
			s.setFlowHolding(c, next);
			m.events.on(Event.FLOW_NEXT, c, next, 0, 0);
		} else {
			s.setFlowVmd(c, -1);
			s.setFlowHolding(c, -1);
			m.events.on(Event.FLOW_END, c, vmd, 0, 0);
		}
		return true;
	}

	/** The first child on the list after {@code after} (list order; a deleted node's next pointer still leads on). */
	private int nextOnList(int vmd, int after) {
		int[] children = m.scenario.irqs[vmd].vmdChildren;
		int i = 0;
		if (after >= 0) {
			while (i < children.length && children[i] != after) {
				i++;
			}
			i++;
		}
		for (; i < children.length; i++) {
			if (s.flag(children[i], F_ON_LIST)) {
				return children[i];
			}
		}
		return -1;
	}

	/** The vector cleanup on the old CPU: re-armed (not enabled) while the old vector is pending in its IRR. */
	boolean cleanup(int j) {
		if (!s.flag(j, F_CLEANUP)) {
			return false;
		}
		int pc = s.prevCpu(j);
		int pk = s.prevVec(j);
		if (!m.canTake(pc) || s.pending(pc, pk) || s.vectorLockOwner() >= 0) {
			return false;
		}
		m.releasePrevious(j);
		m.clearPrevious(j);
		m.events.on(Event.VECTOR_CLEANUP, j, pc, pk, 0);
		return true;
	}

	/** IMSIC lazy timer on the old CPU (__imsic_local_sync): a pending old vector is injected on the new one. */
	boolean timer(int j) {
		if (!s.flag(j, F_TIMER)) {
			return false;
		}
		int pc = s.prevCpu(j);
		int pk = s.prevVec(j);
		if (!m.canTake(pc)) {
			return false;
		}
		boolean moved = s.pending(pc, pk);
		if (moved) {
			s.clearPending(pc, pk);
			if (m.validCpu(s.cpu(j))) {
				s.setPending(s.cpu(j), s.vec(j));
			}
		}
		m.releasePrevious(j);
		m.clearPrevious(j);
		m.events.on(Event.TIMER_SYNC, j, pc, pk, moved ? 1 : 0);
		return true;
	}

	/** The queued write lands: the device sees the queued message from now on. */
	boolean writeDone(int j) {
		if (!s.flag(j, F_QUEUED)) {
			return false;
		}
		s.setDevCpu(j, s.queuedCpu(j));
		s.setDevVec(j, s.queuedVec(j));
		s.setFlag(j, F_QUEUED, false);
		m.events.on(Event.WRITE_DONE, j, s.queuedCpu(j), s.queuedVec(j), 0);
		return true;
	}
}
