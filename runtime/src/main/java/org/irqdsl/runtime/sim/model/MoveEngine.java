package org.irqdsl.runtime.sim.model;

import static org.irqdsl.runtime.sim.model.EventArgs.*;
import static org.irqdsl.runtime.sim.model.MachineState.*;

import java.util.List;

import org.irqdsl.runtime.sim.config.Guard;
import org.irqdsl.runtime.sim.config.MsiWrite;
import org.irqdsl.runtime.sim.config.Procedure;
import org.irqdsl.runtime.sim.config.Property;

/**
 * An affinity move of one irq, run by a thread over several steps, as its procedure says: the new
 * target is allocated (apic_set_affinity() and its kin, under vector_lock), the first path whose
 * guards hold is chosen, then the path's micro-ops run (see {@link MicroOp}, {@link MovePath}).
 */
final class MoveEngine {

	static final int BLOCKED = 0;
	static final int PROGRESS = 1;
	static final int DONE = 2;
	static final int HUNG = 3;

	private final Machine m;
	private final MachineState s;
	private boolean irrHit;

	MoveEngine(Machine m) {
		this.m = m;
		this.s = m.s;
	}

	/**
	 * Runs the next step of thread t's move of irq j. {@code targetCpu} -1 means the lowest online
	 * CPU other than {@code exclude}; {@code targetVec} -1 means the lowest free vector there.
	 */
	int run(int t, int j, int thisCpu, int ctx, int targetCpu, int targetVec, int exclude) {
		if (s.micro(t) == 0) {
			int r = begin(t, j, thisCpu, ctx, targetCpu, targetVec, exclude);
			if (r != PROGRESS) {
				return r;
			}
		}
		Micro[] path = m.scenario.irqs[j].paths[s.path(t) - 1];
		int i = s.micro(t) - 1;
		boolean consumed = false;
		irrHit = s.threadFlag(t, T_IRR_HIT);
		while (i < path.length) {
			Micro op = path[i];
			if (consumed && op.op().kind != MicroOp.Kind.SUFFIX) {
				break;
			}
			int r = exec(op, t, j, thisCpu, ctx);
			if (r == BLOCKED) {
				return BLOCKED;
			}
			i++;
			if (r == HUNG) {
				s.setMicro(t, i + 1);
				return HUNG;
			}
			if (r == DONE && op.op().kind == MicroOp.Kind.CONSUMING) {
				consumed = true;
			}
		}
		if (i >= path.length) {
			s.setMicro(t, 0);
			s.setPath(t, MovePath.NONE);
			s.setThreadFlag(t, T_MOVE_MASKED | T_MOVE_PARENT_MASKED | T_IRR_HIT, false);
			return DONE;
		}
		s.setThreadFlag(t, T_IRR_HIT, irrHit);
		s.setMicro(t, i + 1);
		return PROGRESS;
	}

	/** Allocates the new target and chooses the path; DONE when the move is refused, BLOCKED on vector_lock. */
	private int begin(int t, int j, int thisCpu, int ctx, int targetCpu, int targetVec, int exclude) {
		IrqInfo irq = m.scenario.irqs[j];
		if (irq.paths.length == 0 || irq.isVmdChild()) {
			// irq_can_set_affinity(): no chip->irq_set_affinity (MSI_FLAG_NO_AFFINITY; a VMD child's chip
			// never had one: drivers/pci/controller/vmd.c, vmd_irq_set_affinity() returned -EINVAL)
			return reject(j, REJ_NO_AFFINITY, 0, 0);
		}
		if (!s.flag(j, F_ALIVE) || !s.flag(j, F_STARTED)) {
			return reject(j, REJ_NOT_REQUESTED, 0, 0);
		}
		int nc = targetCpu >= 0 ? targetCpu : m.lowestOnline(exclude);
		if (nc < 0) {
			return reject(j, REJ_NO_ONLINE_CPU, 0, 0);
		}
		if (!s.online(nc)) {
			return reject(j, REJ_TARGET_OFFLINE, nc, 0);
		}
		int lock = s.vectorLockOwner();
		if (lock >= 0 && lock != t) {
			return BLOCKED; // apic_set_affinity() takes vector_lock
		}
		if (s.flag(j, F_MOVE)) {
			if (ctx != CTX_STOP_MACHINE) {
				return reject(j, REJ_MOVE_IN_PROGRESS, s.prevCpu(j), s.prevVec(j));
			}
			// irq_force_complete_move(): the CPU goes away, the old vector is released now.
			int pc = s.prevCpu(j);
			int pk = s.prevVec(j);
			m.releasePrevious(j);
			m.clearPrevious(j);
			m.events.on(Event.FORCE_COMPLETE, j, pc, pk, 0);
		}
		int oc = s.cpu(j);
		int ok = s.vec(j);
		int nk;
		if (targetVec >= 0) {
			nk = targetVec;
			if (nc == oc && nk == ok) {
				return reject(j, REJ_UNCHANGED, nc, nk);
			}
			int owner = s.owner(nc, nk);
			if (owner >= 0 && owner != j) {
				return reject(j, REJ_VECTOR_BUSY, nc, nk);
			}
		} else {
			if (nc == oc) {
				return reject(j, REJ_UNCHANGED, nc, ok);
			}
			nk = m.lowestFreeVector(nc);
			if (nk < 0) {
				return reject(j, REJ_NO_VECTOR, nc, 0);
			}
		}
		s.setOwner(nc, nk, j);
		s.setPrevCpu(j, oc);
		s.setPrevVec(j, ok);
		s.setCpu(j, nc);
		s.setVec(j, nk);
		s.setFlag(j, F_MOVE, m.validCpu(oc));
		s.setFlag(j, F_CLEANUP | F_TIMER, false);
		m.events.on(Event.MOVE_BEGIN, j, nc, nk, ctx);
		s.setPath(t, choosePath(j, thisCpu, ctx, oc, ok, nc, nk) + 1);
		s.setMicro(t, 1);
		return PROGRESS;
	}

	/** The first path whose guards all hold (a procedure's last path has none, see SimConfigChecks). */
	private int choosePath(int j, int thisCpu, int ctx, int oc, int ok, int nc, int nk) {
		IrqInfo irq = m.scenario.irqs[j];
		List<org.irqdsl.runtime.sim.config.ProcedurePath> paths = irq.procedure.paths();
		int failed = 0;
		for (int p = 0; p < paths.size(); p++) {
			List<Guard> guards = paths.get(p).when();
			int bad = -1;
			for (int g = 0; g < guards.size() && bad < 0; g++) {
				if (holds(guards.get(g).condition(), irq, j, thisCpu, ctx, oc, ok, nc, nk) == guards.get(g).negated()) {
					bad = g;
				}
			}
			if (bad < 0) {
				if (p > 0) {
					m.events.on(Event.PATH, j, p, failed, 0);
				}
				return p;
			}
			failed = bad + 1;
		}
		// No path's guards hold: the procedure writes nothing (the compiled empty path after the others).
		m.events.on(Event.PATH, j, paths.size(), failed, 0);
		return paths.size();
	}

	private boolean holds(Guard.Condition c, IrqInfo irq, int j, int thisCpu, int ctx, int oc, int ok, int nc, int nk) {
		return switch (c) {
		case MASKABLE -> irq.maskable;
		case CAN_RESERVE -> irq.canReserve;
		case VECTOR_CHANGED -> nk != ok;
		case CPU_CHANGED -> nc != oc;
		case STARTED -> s.flag(j, F_STARTED);
		case ON_CURRENT_TARGET -> thisCpu == oc;
		case PROCESS_CONTEXT -> ctx == CTX_PROCESS || ctx == CTX_AT_ONCE;
		};
	}

	private int reject(int j, int reason, int c, int k) {
		m.events.on(Event.MOVE_REJECTED, j, reason, c, k);
		return DONE;
	}

	/** Runs one micro-op: DONE (did something), PROGRESS (nothing to do: skipped), BLOCKED or HUNG. */
	private int exec(Micro micro, int t, int j, int thisCpu, int ctx) {
		IrqInfo irq = m.scenario.irqs[j];
		switch (micro.op()) {
		case LOCK: {
			int owner = s.lockOwner(micro.arg());
			if (owner >= 0) {
				return owner == t ? recursiveLock(t, j, thisCpu, micro.arg()) : BLOCKED;
			}
			s.setLockOwner(micro.arg(), t);
			m.events.on(Event.LOCK, t, micro.arg(), 0, 0);
			return DONE;
		}
		case UNLOCK:
			if (s.lockOwner(micro.arg()) != t) {
				m.events.on(Event.UNLOCK_NOT_HELD, t, micro.arg(), 0, 0);
				return PROGRESS;
			}
			s.setLockOwner(micro.arg(), -1);
			m.events.on(Event.UNLOCK, t, micro.arg(), 0, 0);
			return DONE;
		case MASK_DEVICE:
			if (!irq.maskable) {
				if (micro.arg() == 1) {
					m.events.on(Event.MASK_IMPOSSIBLE, j, 0, 0, 0);
				}
				return PROGRESS;
			}
			if (s.flag(j, F_DEV_MASK)) {
				return PROGRESS; // already masked: __irq_move_irq() leaves it to whoever masked it
			}
			s.setFlag(j, F_DEV_MASK, true);
			s.setThreadFlag(t, T_MOVE_MASKED, true);
			m.events.on(Event.MASK, j, 0, 0, 0);
			return DONE;
		case UNMASK_DEVICE:
			if (!s.threadFlag(t, T_MOVE_MASKED)) {
				return PROGRESS;
			}
			s.setThreadFlag(t, T_MOVE_MASKED, false);
			s.setFlag(j, F_DEV_MASK, false);
			m.events.on(Event.UNMASK, j, 0, 0, 0);
			if (s.flag(j, F_DEV_PENDING)) {
				s.setFlag(j, F_DEV_PENDING, false);
				m.device.send(j);
			}
			return DONE;
		case MASK_PARENT:
			if (!irq.parentMasks || s.flag(j, F_PARENT_MASKED)) {
				if (!irq.parentMasks && micro.arg() == 1) {
					m.events.on(Event.MASK_IMPOSSIBLE, j, 1, 0, 0);
				}
				return PROGRESS;
			}
			s.setFlag(j, F_PARENT_MASKED, true);
			s.setThreadFlag(t, T_MOVE_PARENT_MASKED, true);
			m.events.on(Event.MASK_PARENT, j, 0, 0, 0);
			return DONE;
		case UNMASK_PARENT: {
			if (!s.threadFlag(t, T_MOVE_PARENT_MASKED)) {
				return PROGRESS;
			}
			s.setThreadFlag(t, T_MOVE_PARENT_MASKED, false);
			boolean held = m.unmaskParent(j);
			m.events.on(Event.UNMASK_PARENT_MOVE, j, held ? 1 : 0, 0, 0);
			return DONE;
		}
		case WRITE_ADDRESS: {
			int c = micro.arg() == 1 ? s.prevCpu(j) : s.cpu(j); // a temporary message keeps the old CPU
			if (s.devCpu(j) == c) {
				return PROGRESS;
			}
			s.setDevCpu(j, c);
			m.events.on(Event.WRITE_ADDRESS, j, s.devCpu(j), s.devVec(j), seen(j));
			return DONE;
		}
		case WRITE_ADDRESS_HI:
			m.events.on(Event.WRITE_ADDRESS_HI, j, 0, 0, 0);
			return PROGRESS;
		case WRITE_DATA:
			if (s.devVec(j) == s.vec(j)) {
				return PROGRESS;
			}
			s.setDevVec(j, s.vec(j));
			m.events.on(Event.WRITE_DATA, j, s.devCpu(j), s.devVec(j), seen(j));
			return DONE;
		case WRITE_TMP_MESSAGE:
			return writeMessage(j, s.prevCpu(j), s.vec(j), true, ctx, wholeMode(irq));
		case WRITE_MESSAGE:
			return writeMessage(j, s.cpu(j), s.vec(j), false, ctx, wholeMode(irq));
		case QUEUE_WRITE: {
			boolean temp = (micro.arg() & 2) != 0;
			return writeMessage(j, temp ? s.prevCpu(j) : s.cpu(j), s.vec(j), temp, ctx,
					(micro.arg() & 1) == 0 ? MsiWrite.WORK_QUEUE : MsiWrite.FIRMWARE_QUEUED);
		}
		case FIRMWARE_WRITE:
			return writeMessage(j, micro.arg() == 1 ? s.prevCpu(j) : s.cpu(j), s.vec(j), micro.arg() == 1, ctx,
					MsiWrite.FIRMWARE_SYNC);
		case IRR_CHECK:
			irrHit = s.pending(thisCpu, s.vec(j));
			m.events.on(Event.IRR_CHECK, thisCpu, s.vec(j), irrHit ? 1 : 0, 0);
			return DONE;
		case RETRIGGER: {
			if (!irrHit) {
				return PROGRESS;
			}
			int owner = s.vectorLockOwner();
			if (owner == t) {
				return recursiveLock(t, j, thisCpu, 0); // apic_retrigger_irq() takes vector_lock (seed 003)
			}
			if (owner >= 0) {
				return BLOCKED;
			}
			m.retrigger(j);
			m.events.on(Event.RETRIGGER, j, s.cpu(j), s.vec(j), 0);
			return DONE;
		}
		case UPDATE_IRTE:
			m.events.on(Event.UPDATE_IRTE, j, s.cpu(j), s.vec(j), 0);
			if (s.flag(j, F_MOVE)) {
				if (irq.release == Procedure.Release.IMMEDIATE) {
					cleanupNow(j);
				} else {
					// With remapping the cleanup is scheduled at once; it re-arms while the old vector is pending.
					s.setFlag(j, F_CLEANUP, true);
				}
			}
			return DONE;
		case CONTROLLER_MOVE: {
			int pc = s.prevCpu(j);
			int pk = s.prevVec(j);
			boolean moved = m.validCpu(pc) && s.pending(pc, pk);
			if (moved) {
				s.clearPending(pc, pk);
				s.setPending(s.cpu(j), s.vec(j));
			}
			m.releasePrevious(j);
			m.clearPrevious(j);
			m.events.on(Event.CONTROLLER_MOVE, j, s.cpu(j), s.vec(j), (moved ? 1 : 0) | micro.arg() << 1);
			return DONE;
		}
		case FINISH:
			if (!s.flag(j, F_MOVE)) {
				return PROGRESS;
			}
			if (irq.release == Procedure.Release.LAZY_TIMER) {
				s.setFlag(j, F_TIMER, true);
				m.events.on(Event.TIMER_ARMED, j, s.prevCpu(j), 0, 0);
			} else if (irq.release == Procedure.Release.IMMEDIATE) {
				cleanupNow(j);
			}
			return DONE;
		default:
			throw new IllegalStateException(micro.op().name());
		}
	}

	/** A whole-message write is atomic (queued and firmware writes are their own steps, see MessageWrite). */
	private static MsiWrite wholeMode(IrqInfo irq) {
		return irq.msiWriteProcedure == null && irq.msiWriteMode != MsiWrite.CONFIG_WORDS ? irq.msiWriteMode : MsiWrite.ATOMIC;
	}

	private void cleanupNow(int j) {
		m.events.on(Event.CLEANUP_IMMEDIATE, j, s.prevCpu(j), s.prevVec(j), 0);
		m.releasePrevious(j);
		m.clearPrevious(j);
	}

	/** The message kind the device now sees (for the trace only). */
	private int seen(int j) {
		if (!m.events.recording()) {
			return 0;
		}
		int dc = s.devCpu(j);
		int dk = s.devVec(j);
		if (dc == s.cpu(j) && dk == s.vec(j)) {
			return MSG_CURRENT;
		}
		if (dc == s.prevCpu(j) && dk == s.vec(j)) {
			return MSG_TMP;
		}
		if (dc == s.cpu(j) && dk == s.prevVec(j)) {
			return MSG_TORN;
		}
		return MSG_OTHER;
	}

	/** One whole message, as {@code mode} writes it. */
	private int writeMessage(int j, int c, int k, boolean tmp, int ctx, MsiWrite mode) {
		if (mode == MsiWrite.FIRMWARE_SYNC && ctx == CTX_STOP_MACHINE) {
			// migrate_one_irq() calls irq_do_set_affinity() without chip_bus_lock()/chip_bus_sync_unlock():
			// cdx_msi_write_msg() (drivers/cdx/cdx_msi.c) only stores the message; the firmware never hears of it.
			m.events.on(Event.FIRMWARE_STORED, j, c, k, 0);
			return DONE;
		}
		if (mode.isQueued()) {
			boolean queued = s.flag(j, F_QUEUED);
			int qc = queued ? s.queuedCpu(j) : s.devCpu(j);
			int qk = queued ? s.queuedVec(j) : s.devVec(j);
			if (qc == c && qk == k) {
				return PROGRESS;
			}
			s.setQueuedCpu(j, c);
			s.setQueuedVec(j, k);
			s.setFlag(j, F_QUEUED, true);
			m.events.on(Event.QUEUE_WRITE, j, c, k, (tmp ? 1 : 0) | (mode == MsiWrite.WORK_QUEUE ? 2 : 0));
			return DONE;
		}
		if (s.devCpu(j) == c && s.devVec(j) == k) {
			return PROGRESS;
		}
		s.setDevCpu(j, c);
		s.setDevVec(j, k);
		m.events.on(mode == MsiWrite.FIRMWARE_SYNC ? Event.FIRMWARE_WRITE : Event.WRITE_MESSAGE, j, c, k, tmp ? 1 : 0);
		return DONE;
	}

	/** lockdep: "possible recursive locking detected"; the CPU spins on the lock forever. */
	private int recursiveLock(int t, int j, int thisCpu, int lock) {
		m.events.on(Event.RECURSIVE_LOCK, t, thisCpu, (s.stopMachineOwner() == t ? 1 : 0) | lock << 1, j);
		m.violate(Property.DEADLOCK);
		s.setThreadFlag(t, T_HUNG, true);
		return HUNG;
	}
}
