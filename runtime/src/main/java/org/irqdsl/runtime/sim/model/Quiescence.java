package org.irqdsl.runtime.sim.model;

import static org.irqdsl.runtime.sim.model.MachineState.*;

import org.irqdsl.runtime.sim.config.Property;

/**
 * What a quiescent state (no step enabled) says. A CPU thread that has not finished is blocked
 * forever: deadlock. When none is, every irq that was raised, is still requested and enabled, and
 * whose handler has not run since, lost its interrupt: nothing can deliver it any more.
 */
public final class Quiescence {

	private final Scenario scenario;
	private final MachineState s;

	public Quiescence(Scenario scenario) {
		this.scenario = scenario;
		this.s = new MachineState(scenario);
	}

	/** The property bits a quiescent state {@code w} violates. */
	public int violations(long[] w) {
		return blockedThread(w) >= 0 || moverStuck(w) ? Property.DEADLOCK.bit()
				: lostIrq(w) >= 0 ? Property.LOST_INTERRUPT.bit() : 0;
	}

	/** A deferred move that can never finish (it waits for a lock forever) hangs its CPU in the interrupt. */
	private boolean moverStuck(long[] w) {
		if (!scenario.hasPendingMoves) {
			return false;
		}
		s.bind(w);
		for (int c = 0; c < scenario.cpuCount; c++) {
			if (s.threadFlag(scenario.mover(c), T_MOVER_ACTIVE)) {
				return true;
			}
		}
		return false;
	}

	/** The first CPU thread that has not finished, or -1. */
	public int blockedThread(long[] w) {
		s.bind(w);
		for (ThreadProgram p : scenario.threads) {
			if (!p.device && s.op(p.index) < p.ops.length && !parked(p)) {
				return p.index;
			}
		}
		return -1;
	}

	/** A thread whose CPU is offline runs nothing: it is parked, not blocked (it would go on were the CPU back). */
	private boolean parked(ThreadProgram p) {
		return !s.online(p.cpu) && !s.threadFlag(p.index, T_HUNG) && s.stopMachineOwner() != p.index;
	}

	/** The first irq whose raise no handler answered, or -1 (only meaningful without a blocked thread). */
	public int lostIrq(long[] w) {
		s.bind(w);
		for (int j = 0; j < scenario.irqs.length; j++) {
			if (s.flag(j, F_OWED) && s.flag(j, F_ALIVE) && s.depth(j) == 0) {
				return j;
			}
		}
		return -1;
	}

	/** Why thread t cannot go on in state w, in the kernel's words. */
	public String blockReason(long[] w, int t) {
		s.bind(w);
		ThreadProgram p = scenario.threads[t];
		String doing = p.opText(s.op(t));
		if (s.threadFlag(t, T_HUNG)) {
			return "spins forever on vector_lock, which it already holds (" + doing + ")";
		}
		int lock = s.vectorLockOwner();
		if (lock >= 0 && lock != t) {
			return "waits for vector_lock, held by " + scenario.slotTitle(lock) + " (" + doing + ")";
		}
		int stopper = s.stopMachineOwner();
		if (stopper >= 0 && stopper != t) {
			return "stopped by stop_machine() of " + scenario.threads[stopper].title + " (" + doing + ")";
		}
		for (ThreadProgram q : scenario.threads) {
			if (q.index != t && !q.device && s.threadFlag(q.index, T_IRQS_OFF)) {
				return "waits for " + q.title + " to leave its interrupt-off section (" + doing + ")";
			}
		}
		return "cannot go on (" + doing + ")";
	}
}
