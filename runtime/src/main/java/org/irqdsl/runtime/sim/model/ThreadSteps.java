package org.irqdsl.runtime.sim.model;

import static org.irqdsl.runtime.sim.model.EventArgs.*;
import static org.irqdsl.runtime.sim.model.MachineState.*;

import org.irqdsl.runtime.sim.config.MsiWrite;
import org.irqdsl.runtime.sim.config.VmdTeardown;

/** The scenario threads' operations, each a small state machine over the thread's fields. */
final class ThreadSteps {

	/** Offline stages: take_cpu_down() and what the two-stage fix puts before it. */
	static final int OFF_STAGE_ONE = 0;
	static final int OFF_ENTER = 1;
	static final int OFF_MIGRATE = 2;
	static final int OFF_FORWARD = 3;
	static final int OFF_EXIT = 4;

	private final Machine m;
	private final MachineState s;

	ThreadSteps(Machine m) {
		this.m = m;
		this.s = m.s;
	}

	boolean step(int t) {
		ThreadProgram p = m.scenario.threads[t];
		int opIndex = s.op(t);
		if (opIndex >= p.ops.length || s.threadFlag(t, T_HUNG)) {
			return false;
		}
		CompiledOp op = p.ops[opIndex];
		if (p.device) {
			if (!m.device.raise(op.irq())) {
				return false;
			}
			finishOp(t, p);
			return true;
		}
		int stopper = s.stopMachineOwner();
		if (!s.online(p.cpu) && stopper != t) {
			return false; // an offline CPU executes nothing (its thread goes on if the CPU comes back)
		}
		if ((stopper >= 0 && stopper != t) || m.irqsOffByThread(p.cpu, t)) {
			return false; // stopped by stop_machine(), or its CPU is in another thread's interrupt-off section
		}
		if (m.scenario.hasVmd && s.flowVmd(p.cpu) >= 0) {
			return false; // its CPU is running a flow handler
		}
		if (m.moverActive(p.cpu)) {
			return false; // its CPU runs a deferred move in an interrupt
		}
		return switch (op.code()) {
		case SET_AFFINITY -> setAffinity(t, p, op);
		case REQUEST_IRQ -> requestIrq(t, p, op);
		case FREE_IRQ -> freeIrq(t, p, op);
		case ENABLE_IRQ -> enableIrq(t, p, op);
		case DISABLE_IRQ -> disableIrq(t, p, op);
		case OFFLINE -> offline(t, p, op);
		case ONLINE -> online(t, p, op);
		case RAISE -> throw new IllegalStateException("raise on a CPU thread");
		};
	}

	private void finishOp(int t, ThreadProgram p) {
		int next = s.op(t) + 1;
		s.setOp(t, next);
		s.setStage(t, 0);
		s.setMicro(t, 0);
		s.setCursor(t, 0);
		s.setPath(t, MovePath.NONE);
		if (next >= p.ops.length) {
			s.setThreadFlag(t, T_IRQS_OFF, false); // the deferred move's interrupt context ends with the thread
		}
	}

	/**
	 * irq_set_affinity(): a deferred procedure runs in interrupt context on the thread's CPU (the
	 * interrupt on the current target that irq_move_irq() runs it from), with local interrupts off
	 * until the thread ends; an at-once procedure runs in the caller's process context.
	 */
	private boolean setAffinity(int t, ThreadProgram p, CompiledOp op) {
		boolean deferred = m.scenario.irqs[op.irq()].movesDeferred();
		if (deferred && op.pending() && s.micro(t) == 0) {
			return setAffinityPending(t, p, op);
		}
		int r = m.moves.run(t, op.irq(), p.cpu, deferred ? CTX_SET_AFFINITY : CTX_AT_ONCE, op.cpu(), op.vector(), -1);
		if (r == MoveEngine.BLOCKED) {
			return false;
		}
		if (deferred) {
			s.setThreadFlag(t, T_IRQS_OFF, true);
		}
		if (r == MoveEngine.DONE) {
			finishOp(t, p);
		}
		return true;
	}

	/**
	 * irq_set_affinity() on a GENERIC_PENDING_IRQ kernel (kernel/irq/manage.c irq_set_affinity_locked()):
	 * the irq cannot move in process context, so the write only records the new target
	 * (irq_copy_pending(), IRQD_SETAFFINITY_PENDING) and returns; irq_move_irq() runs the move at the
	 * next interrupt on the current target (CpuSide.take). A newer write replaces an older pending one.
	 */
	private boolean setAffinityPending(int t, ThreadProgram p, CompiledOp op) {
		int j = op.irq();
		if (!s.flag(j, F_ALIVE) || !s.flag(j, F_STARTED)) {
			m.events.on(Event.MOVE_REJECTED, j, REJ_NOT_REQUESTED, 0, 0);
		} else if (!s.online(op.cpu())) {
			m.events.on(Event.MOVE_REJECTED, j, REJ_TARGET_OFFLINE, op.cpu(), 0);
		} else {
			s.setPendCpu(j, op.cpu());
			s.setPendVec(j, op.vector() >= 0 ? op.vector() : s.noVec);
			s.setFlag(j, F_SETAFF_PENDING, true);
			m.events.on(Event.SETAFF_PENDING, j, op.cpu(), op.vector(), 0);
		}
		finishOp(t, p);
		return true;
	}

	/** request_irq(): activate (vector), write the message, start up; the driver then enables the device. */
	private boolean requestIrq(int t, ThreadProgram p, CompiledOp op) {
		int j = op.irq();
		IrqInfo irq = m.scenario.irqs[j];
		if (s.flag(j, F_ALIVE)) {
			m.events.on(Event.REQUEST_REJECTED, j, REQ_ALREADY, 0, 0);
			finishOp(t, p);
			return true;
		}
		int lock = s.vectorLockOwner();
		if (lock >= 0 && lock != t) {
			return false;
		}
		int c = op.cpu() >= 0 ? op.cpu() : m.lowestOnline(-1);
		if (c < 0 || !s.online(c)) {
			m.events.on(Event.REQUEST_REJECTED, j, REQ_NO_CPU, 0, 0);
			finishOp(t, p);
			return true;
		}
		int k = op.vector() >= 0 ? op.vector() : m.lowestFreeVector(c);
		if (k < 0 || (s.owner(c, k) >= 0 && s.owner(c, k) != j)) {
			m.events.on(Event.REQUEST_REJECTED, j, REQ_NO_VECTOR, c, 0);
			finishOp(t, p);
			return true;
		}
		s.setOwner(c, k, j);
		s.setCpu(j, c);
		s.setVec(j, k);
		s.setPrevCpu(j, s.noCpu);
		s.setPrevVec(j, s.noVec);
		s.setFlag(j, F_ALIVE | F_STARTED, true);
		s.setFlag(j, F_DEV_MASK | F_DEV_PENDING | F_OWED | F_DESC_PENDING | F_MASK_FAILED | F_PARENT_MASKED
				| F_PARENT_PENDING | F_DISABLE_MASKED, false);
		s.setDepth(j, 0);
		s.setCredit(j, 0);
		int mc = irq.routedByController ? s.controllerHandle : c;
		int mk = irq.routedByController ? s.noVec : k;
		int kind;
		if (irq.msiWrite.isQueued()) {
			s.setQueuedCpu(j, mc);
			s.setQueuedVec(j, mk);
			s.setFlag(j, F_QUEUED, true);
			kind = irq.msiWrite == MsiWrite.WORK_QUEUE ? REQ_WORK_QUEUE : REQ_QUEUED;
		} else {
			s.setDevCpu(j, mc);
			s.setDevVec(j, mk);
			kind = irq.msiWrite == MsiWrite.FIRMWARE_SYNC ? REQ_FIRMWARE_SYNC : REQ_WRITTEN;
		}
		m.events.on(Event.REQUEST_IRQ, j, c, k, kind);
		m.events.on(Event.STARTUP, j, 0, 0, 0);
		finishOp(t, p);
		return true;
	}

	/** free_irq(): shutdown and deactivate; for a VMD child list_del_rcu(), then (grace period?) the descriptor freed. */
	private boolean freeIrq(int t, ThreadProgram p, CompiledOp op) {
		int j = op.irq();
		IrqInfo irq = m.scenario.irqs[j];
		if (irq.isVmdChild()) {
			if (s.stage(t) == 0) {
				if (!s.flag(j, F_ALIVE)) {
					m.events.on(Event.FREE_NOT_REQUESTED, j, 0, 0, 0);
					finishOp(t, p);
					return true;
				}
				s.setFlag(j, F_ON_LIST, false);
				s.setFlag(j, F_DEV_MASK, true);
				m.events.on(Event.VMD_LIST_DEL, j, irq.vmdParent, 0, 0);
				s.setStage(t, 1);
				return true;
			}
			boolean grace = irq.vmdTeardown == VmdTeardown.GRACE_PERIOD;
			if (grace && flowRunning(irq.vmdParent)) {
				return false; // synchronize_srcu() waits for the flow handlers inside srcu_read_lock()
			}
			s.setFlag(j, F_ALIVE | F_OWED | F_DESC_PENDING, false);
			m.events.on(Event.VMD_FREE, j, grace ? 1 : 0, 0, 0);
			finishOp(t, p);
			return true;
		}
		if (!s.flag(j, F_ALIVE)) {
			m.events.on(Event.FREE_NOT_REQUESTED, j, 0, 0, 0);
			finishOp(t, p);
			return true;
		}
		int c = s.cpu(j);
		int k = s.vec(j);
		if (m.validCpu(c) && s.owner(c, k) == j) {
			s.setOwner(c, k, -1);
		}
		if (s.flag(j, F_MOVE)) {
			m.releasePrevious(j);
		}
		m.clearPrevious(j);
		s.setFlag(j, F_ALIVE | F_OWED | F_DESC_PENDING | F_MASK_FAILED | F_PARENT_MASKED | F_PARENT_PENDING
				| F_DISABLE_MASKED, false);
		if (irq.maskable) {
			s.setFlag(j, F_DEV_MASK, true);
		}
		s.setDepth(j, 0);
		s.setCredit(j, 0);
		s.setCpu(j, s.noCpu);
		s.setVec(j, s.noVec);
		m.events.on(Event.FREE_IRQ, j, c, k, 0);
		finishOp(t, p);
		return true;
	}

	private boolean flowRunning(int vmd) {
		for (int c = 0; c < m.scenario.cpuCount; c++) {
			if (s.flowVmd(c) == vmd) {
				return true;
			}
		}
		return false;
	}

	private boolean disableIrq(int t, ThreadProgram p, CompiledOp op) {
		int j = op.irq();
		int d = Math.min(s.depth(j) + 1, 3);
		s.setDepth(j, d);
		m.events.on(Event.DISABLE, j, d, 0, 0);
		finishOp(t, p);
		return true;
	}

	/** enable_irq(): unmask where the lazy disable masked, then resend an interrupt that arrived meanwhile. */
	private boolean enableIrq(int t, ThreadProgram p, CompiledOp op) {
		int j = op.irq();
		int d = s.depth(j);
		if (d == 0) {
			m.events.on(Event.ENABLE_UNBALANCED, j, 0, 0, 0);
			finishOp(t, p);
			return true;
		}
		boolean resend = d == 1 && s.flag(j, F_DESC_PENDING);
		if (resend && s.vectorLockOwner() >= 0) {
			return false; // irq_retrigger() -> apic_retrigger_irq() takes vector_lock
		}
		s.setDepth(j, d - 1);
		m.events.on(Event.ENABLE, j, d - 1, 0, 0);
		if (d > 1) {
			finishOp(t, p);
			return true;
		}
		if (s.flag(j, F_DISABLE_MASKED)) {
			s.setFlag(j, F_DISABLE_MASKED | F_DEV_MASK, false);
			m.events.on(Event.UNMASK_DEVICE, j, 0, 0, 0);
			if (s.flag(j, F_DEV_PENDING)) {
				s.setFlag(j, F_DEV_PENDING, false);
				m.device.send(j);
			}
		}
		if (s.flag(j, F_PARENT_MASKED)) {
			boolean held = m.unmaskParent(j);
			m.events.on(Event.UNMASK_PARENT, j, held ? 1 : 0, 0, 0);
		}
		s.setFlag(j, F_MASK_FAILED, false);
		if (resend) {
			s.setFlag(j, F_DESC_PENDING, false);
			m.retrigger(j);
			m.events.on(Event.RESEND, j, s.cpu(j), s.vec(j), 0);
		}
		finishOp(t, p);
		return true;
	}

	/**
	 * CPU hot-unplug, as the platform's hot-unplug procedure says. Stage one (only in the two-stage
	 * migration seed 000 proposed) moves the irqs whose message a sleeping firmware command writes,
	 * in process context. Then take_cpu_down() in stop_machine():
	 * set_cpu_online(false), irq_migrate_all_off_this_cpu() (the moves run on the outgoing CPU with
	 * interrupts off, and cannot wait for a queued write), fixup_irqs() forwards the IRR by IPI if
	 * asked (x86 fixup_irqs() always does), and the CPU dies: whatever reaches it later is never serviced.
	 */
	private boolean offline(int t, ThreadProgram p, CompiledOp op) {
		int n = op.cpu();
		while (true) {
			switch (s.stage(t)) {
			case OFF_STAGE_ONE: {
				if (s.micro(t) == 0) {
					int j = m.scenario.hotUnplug.sleepersFirst() ? nextStageOne(n, s.cursor(t)) : -1;
					if (j < 0) {
						s.setStage(t, OFF_ENTER);
						s.setCursor(t, 0);
						continue;
					}
					s.setCursor(t, j);
					m.events.on(Event.MIGRATE_STAGE_ONE, j, 0, 0, 0);
				}
				return migrateStep(t, p.cpu, CTX_PROCESS, n);
			}
			case OFF_ENTER:
				if (!canEnterStopMachine(t)) {
					return false;
				}
				s.setStopMachineOwner(t);
				s.setOnline(n, false);
				m.events.on(Event.STOP_MACHINE_ENTER, n, 0, 0, 0);
				if (m.events.recording()) {
					// what the outgoing CPU's IRR holds now was raised before stop_machine(): in flight
					for (long irr = s.irr(n); irr != 0; irr &= irr - 1) {
						int k = Long.numberOfTrailingZeros(irr);
						m.events.on(Event.IN_FLIGHT, n, k, s.owner(n, k), 0);
					}
				}
				s.setStage(t, OFF_MIGRATE);
				s.setCursor(t, 0);
				return true;
			case OFF_MIGRATE: {
				if (s.micro(t) == 0) {
					int j = nextOn(n, s.cursor(t));
					if (j < 0) {
						s.setStage(t, op.forwardPending() || m.scenario.hotUnplug.retriggerPending() ? OFF_FORWARD : OFF_EXIT);
						continue;
					}
					s.setCursor(t, j);
				}
				return migrateStep(t, n, CTX_STOP_MACHINE, n);
			}
			case OFF_FORWARD:
				forwardPending(n);
				s.setStage(t, OFF_EXIT);
				return true;
			case OFF_EXIT:
				cpuDead(n);
				s.setStopMachineOwner(-1);
				finishOp(t, p);
				return true;
			default:
				throw new IllegalStateException("offline stage " + s.stage(t));
			}
		}
	}

	private boolean migrateStep(int t, int thisCpu, int ctx, int outgoing) {
		int j = s.cursor(t);
		int r = m.moves.run(t, j, thisCpu, ctx, -1, -1, outgoing);
		if (r == MoveEngine.BLOCKED) {
			return false;
		}
		if (r == MoveEngine.DONE) {
			s.setCursor(t, j + 1);
		}
		return true;
	}

	private int nextStageOne(int n, int from) {
		for (int j = from; j < m.scenario.irqs.length; j++) {
			IrqInfo irq = m.scenario.irqs[j];
			if (irq.msiWrite == MsiWrite.FIRMWARE_SYNC && !irq.routedByController && s.flag(j, F_ALIVE)
					&& s.cpu(j) == n) {
				return j;
			}
		}
		return -1;
	}

	private int nextOn(int n, int from) {
		for (int j = from; j < m.scenario.irqs.length; j++) {
			if (s.flag(j, F_ALIVE) && s.cpu(j) == n) {
				return j;
			}
		}
		return -1;
	}

	/** stop_machine() needs every other CPU to reach its stopper: none may hold interrupts off or a spinlock. */
	private boolean canEnterStopMachine(int t) {
		if (s.stopMachineOwner() >= 0 || s.anyLockHeld()) {
			return false;
		}
		for (ThreadProgram q : m.scenario.threads) {
			if (q.index != t && s.threadFlag(q.index, T_IRQS_OFF)) {
				return false;
			}
		}
		for (int c = 0; c < m.scenario.cpuCount; c++) {
			if ((m.scenario.hasVmd && s.flowVmd(c) >= 0) || m.moverActive(c)) {
				return false;
			}
		}
		return true;
	}

	/** fixup_irqs(): each vector pending in the outgoing CPU's IRR is retriggered on its irq's new target. */
	private void forwardPending(int n) {
		long irr = s.irr(n);
		while (irr != 0) {
			int k = Long.numberOfTrailingZeros(irr);
			irr &= irr - 1;
			int o = s.owner(n, k);
			if (o >= 0 && m.validCpu(s.cpu(o)) && s.cpu(o) != n && s.online(s.cpu(o))) {
				s.setPending(s.cpu(o), s.vec(o));
				m.events.on(Event.FORWARD, k, o, s.cpu(o), s.vec(o));
			} else {
				m.events.on(Event.FORWARD_DROPPED, n, k, 0, 0);
			}
		}
		s.setIrr(n, 0);
	}

	/** The CPU is gone: irq_force_complete_move() for moves away from it; its IRR is never serviced again. */
	private void cpuDead(int n) {
		for (int j = 0; j < m.scenario.irqs.length; j++) {
			if (s.flag(j, F_MOVE) && s.prevCpu(j) == n) {
				int pk = s.prevVec(j);
				m.releasePrevious(j);
				m.clearPrevious(j);
				m.events.on(Event.FORCE_COMPLETE, j, n, pk, 0);
			}
		}
		m.events.on(Event.CPU_DEAD, n, 0, 0, 0);
		long irr = s.irr(n);
		while (irr != 0) {
			int k = Long.numberOfTrailingZeros(irr);
			irr &= irr - 1;
			m.events.on(Event.DEAD_PENDING, n, k, 0, 0);
		}
	}

	private boolean online(int t, ThreadProgram p, CompiledOp op) {
		int n = op.cpu();
		boolean already = s.online(n);
		if (!already) {
			s.setOnline(n, true);
			s.setIrr(n, 0);
		}
		m.events.on(Event.CPU_ONLINE, n, already ? 1 : 0, 0, 0);
		finishOp(t, p);
		return true;
	}
}
