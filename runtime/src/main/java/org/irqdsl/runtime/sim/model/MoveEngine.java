package org.irqdsl.runtime.sim.model;

import static org.irqdsl.runtime.sim.model.Codes.*;
import static org.irqdsl.runtime.sim.model.MachineState.*;

import org.irqdsl.runtime.sim.config.AffinityUpdate;
import org.irqdsl.runtime.sim.config.MsiWrite;
import org.irqdsl.runtime.sim.config.Property;
import org.irqdsl.runtime.sim.config.VectorCleanup;

/**
 * An affinity move of one irq, run by a thread over several steps: the new target is allocated
 * (apic_set_affinity(), under vector_lock), the path is chosen (x86 msi_set_affinity() falls back
 * to a direct write when the entry can mask, the vector or the CPU is unchanged, or it does not run
 * on the current target), then the path's micro-ops run (see {@link MicroOp}).
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
		boolean begun = false;
		if (s.micro(t) == 0) {
			int r = begin(t, j, thisCpu, ctx, targetCpu, targetVec, exclude);
			if (r != PROGRESS) {
				return r;
			}
			begun = true;
		}
		MicroOp[] path = m.sc.irqs[j].paths[s.path(t)];
		int i = s.micro(t) - 1;
		boolean consumed = false;
		irrHit = false;
		while (i < path.length) {
			MicroOp op = path[i];
			if (consumed && op.kind != MicroOp.Kind.SUFFIX) {
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
			if (r == DONE && op.kind == MicroOp.Kind.CONSUMING) {
				consumed = true;
			}
		}
		if (i >= path.length) {
			s.setMicro(t, 0);
			s.setPath(t, MovePath.NONE);
			s.setThreadFlag(t, T_MOVE_MASKED, false);
			return DONE;
		}
		s.setMicro(t, i + 1);
		return PROGRESS;
	}

	/** Allocates the new target and chooses the path; DONE when the move is refused, BLOCKED on vector_lock. */
	private int begin(int t, int j, int thisCpu, int ctx, int targetCpu, int targetVec, int exclude) {
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
			m.ev.on(Ev.FORCE_COMPLETE, j, pc, pk, 0);
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
		m.ev.on(Ev.MOVE_BEGIN, j, nc, nk, ctx);
		s.setPath(t, choosePath(j, thisCpu, ctx, oc, ok, nc, nk));
		s.setMicro(t, 1);
		return PROGRESS;
	}

	private int choosePath(int j, int thisCpu, int ctx, int oc, int ok, int nc, int nk) {
		IrqInfo irq = m.sc.irqs[j];
		if (irq.routedByController) {
			return irq.strategy == AffinityUpdate.IMMUTABLE ? MovePath.IMMUTABLE : MovePath.REMAP;
		}
		if (irq.strategy != AffinityUpdate.TWO_STEP) {
			if (irq.strategy == AffinityUpdate.MASKED && !irq.maskable) {
				m.ev.on(Ev.DIRECT_UPDATE, j, DIRECT_CANNOT_MASK, 0, 0);
			}
			return MovePath.DIRECT;
		}
		int reason = -1;
		if (irq.maskable) {
			reason = DIRECT_MASKABLE;
		} else if (nk == ok) {
			reason = DIRECT_SAME_VECTOR;
		} else if (nc == oc) {
			reason = DIRECT_SAME_CPU;
		} else if (ctx == CTX_PROCESS) {
			reason = DIRECT_PROCESS_CONTEXT;
		} else if (thisCpu != oc) {
			reason = DIRECT_NOT_THIS_CPU; // WARN_ON_ONCE(cpu != smp_processor_id())
		}
		if (reason >= 0) {
			m.ev.on(Ev.DIRECT_UPDATE, j, reason, 0, 0);
			return MovePath.DIRECT;
		}
		return MovePath.TWO_STEP;
	}

	private int reject(int j, int reason, int c, int k) {
		m.ev.on(Ev.MOVE_REJECTED, j, reason, c, k);
		return DONE;
	}

	/** Runs one micro-op: DONE (did something), PROGRESS (nothing to do: skipped), BLOCKED or HUNG. */
	private int exec(MicroOp op, int t, int j, int thisCpu, int ctx) {
		IrqInfo irq = m.sc.irqs[j];
		switch (op) {
		case LOCK_VECTOR: {
			int owner = s.vectorLockOwner();
			if (owner >= 0) {
				return owner == t ? recursiveLock(t, thisCpu) : BLOCKED;
			}
			s.setVectorLockOwner(t);
			m.ev.on(Ev.LOCK, t, 0, 0, 0);
			return DONE;
		}
		case UNLOCK_VECTOR_FIRST:
		case UNLOCK_VECTOR_AFTER:
			s.setVectorLockOwner(-1);
			m.ev.on(Ev.UNLOCK, t, 0, 0, 0);
			return DONE;
		case MASK:
			if (!irq.maskable || s.flag(j, F_DEV_MASK)) {
				return PROGRESS;
			}
			s.setFlag(j, F_DEV_MASK, true);
			s.setThreadFlag(t, T_MOVE_MASKED, true);
			m.ev.on(Ev.MASK, j, 0, 0, 0);
			return DONE;
		case UNMASK:
			if (!s.threadFlag(t, T_MOVE_MASKED)) {
				return PROGRESS;
			}
			s.setThreadFlag(t, T_MOVE_MASKED, false);
			s.setFlag(j, F_DEV_MASK, false);
			m.ev.on(Ev.UNMASK, j, 0, 0, 0);
			if (s.flag(j, F_DEV_PENDING)) {
				s.setFlag(j, F_DEV_PENDING, false);
				m.device.send(j);
			}
			return DONE;
		case WRITE_ADDRESS:
			if (s.devCpu(j) == s.cpu(j)) {
				return PROGRESS;
			}
			s.setDevCpu(j, s.cpu(j));
			m.ev.on(Ev.WRITE_ADDRESS, j, s.devCpu(j), s.devVec(j), seen(j));
			return DONE;
		case WRITE_DATA:
			if (s.devVec(j) == s.vec(j)) {
				return PROGRESS;
			}
			s.setDevVec(j, s.vec(j));
			m.ev.on(Ev.WRITE_DATA, j, s.devCpu(j), s.devVec(j), seen(j));
			return DONE;
		case WRITE_TMP_MESSAGE:
			return writeMessage(j, s.prevCpu(j), s.vec(j), true, ctx);
		case WRITE_MESSAGE:
			return writeMessage(j, s.cpu(j), s.vec(j), false, ctx);
		case IRR_CHECK:
			irrHit = s.pending(thisCpu, s.vec(j));
			m.ev.on(Ev.IRR_CHECK, thisCpu, s.vec(j), irrHit ? 1 : 0, 0);
			return DONE;
		case RETRIGGER: {
			if (!irrHit) {
				return PROGRESS;
			}
			int owner = s.vectorLockOwner();
			if (owner == t) {
				return recursiveLock(t, thisCpu); // apic_retrigger_irq() takes vector_lock (seed 003)
			}
			if (owner >= 0) {
				return BLOCKED;
			}
			m.retrigger(j);
			m.ev.on(Ev.RETRIGGER, j, s.cpu(j), s.vec(j), 0);
			return DONE;
		}
		case UPDATE_IRTE:
			m.ev.on(Ev.UPDATE_IRTE, j, s.cpu(j), s.vec(j), 0);
			if (s.flag(j, F_MOVE)) {
				if (irq.cleanup == VectorCleanup.IMMEDIATE) {
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
			m.ev.on(Ev.CONTROLLER_MOVE, j, s.cpu(j), s.vec(j), moved ? 1 : 0);
			return DONE;
		}
		case FINISH:
			if (!s.flag(j, F_MOVE)) {
				return PROGRESS;
			}
			if (irq.strategy == AffinityUpdate.LAZY_MOVE) {
				s.setFlag(j, F_TIMER, true);
				m.ev.on(Ev.TIMER_ARMED, j, s.prevCpu(j), 0, 0);
				if (irq.cleanup == VectorCleanup.IMMEDIATE) {
					m.ev.on(Ev.CLEANUP_IMMEDIATE, j, s.prevCpu(j), s.prevVec(j), 0);
					m.releasePrevious(j);
				}
			} else if (irq.cleanup == VectorCleanup.IMMEDIATE) {
				cleanupNow(j);
			}
			return DONE;
		default:
			throw new IllegalStateException(op.name());
		}
	}

	private void cleanupNow(int j) {
		m.ev.on(Ev.CLEANUP_IMMEDIATE, j, s.prevCpu(j), s.prevVec(j), 0);
		m.releasePrevious(j);
		m.clearPrevious(j);
	}

	/** The message kind the device now sees (for the trace only). */
	private int seen(int j) {
		if (!m.ev.recording()) {
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

	/** One whole message, as the entry's write mode does it. */
	private int writeMessage(int j, int c, int k, boolean tmp, int ctx) {
		MsiWrite mode = m.sc.irqs[j].msiWrite;
		if (mode == MsiWrite.FIRMWARE_SYNC && ctx == CTX_STOP_MACHINE) {
			// irq_bus_lock() is a mutex and the firmware command sleeps: impossible in stop_machine().
			m.ev.on(Ev.FIRMWARE_CANNOT_SLEEP, j, 0, 0, 0);
			mode = MsiWrite.FIRMWARE_QUEUED;
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
			m.ev.on(Ev.QUEUE_WRITE, j, c, k, tmp ? 1 : 0);
			return DONE;
		}
		if (s.devCpu(j) == c && s.devVec(j) == k) {
			return PROGRESS;
		}
		s.setDevCpu(j, c);
		s.setDevVec(j, k);
		m.ev.on(mode == MsiWrite.FIRMWARE_SYNC ? Ev.FIRMWARE_WRITE : Ev.WRITE_MESSAGE, j, c, k, tmp ? 1 : 0);
		return DONE;
	}

	/** lockdep: "possible recursive locking detected"; the CPU spins on vector_lock forever. */
	private int recursiveLock(int t, int thisCpu) {
		m.ev.on(Ev.RECURSIVE_LOCK, t, thisCpu, s.stopMachineOwner() == t ? 1 : 0, 0);
		m.violate(Property.DEADLOCK);
		s.setThreadFlag(t, T_HUNG, true);
		return HUNG;
	}
}
