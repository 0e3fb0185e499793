package org.irqdsl.runtime.sim.model;

import static org.irqdsl.runtime.sim.model.EventArgs.*;
import static org.irqdsl.runtime.sim.model.MachineState.*;

/**
 * The device: a raise sends the message words as the device sees them at that instant (a torn
 * (new address, old data) pair included), or sets the entry's pending bit when it is masked; a
 * remapped or immutable message goes through the controller's entry for the irq.
 */
final class DeviceSide {

	private final Machine m;
	private final MachineState s;

	DeviceSide(Machine m) {
		this.m = m;
		this.s = m.s;
	}

	/** The device raises entry j; blocked until the driver enabled the interrupt (request_irq done). */
	boolean raise(int j) {
		if (!s.flag(j, F_STARTED)) {
			return false;
		}
		IrqInfo irq = m.scenario.irqs[j];
		if (s.flag(j, F_ALIVE)) {
			s.setFlag(j, F_OWED, true);
		} else {
			m.events.on(Event.RAISE_FREED, j, 0, 0, 0);
		}
		if (irq.isVmdChild()) {
			if (s.flag(j, F_DEV_MASK)) {
				s.setFlag(j, F_DEV_PENDING, true);
				m.events.on(Event.RAISE_MASKED, j, 0, 0, 0);
				return true;
			}
			m.events.on(Event.RAISE_VIA_VMD, j, irq.vmdParent, 0, 0);
			send(irq.vmdParent);
			return true;
		}
		send(j);
		return true;
	}

	/** Entry j sends its message now (a raise, or an unmask with the pending bit set). */
	void send(int j) {
		if (s.flag(j, F_DEV_MASK)) {
			s.setFlag(j, F_DEV_PENDING, true);
			m.events.on(Event.RAISE_MASKED, j, 0, 0, 0);
			return;
		}
		int dc = s.devCpu(j);
		if (dc == s.noCpu) {
			m.events.on(Event.RAISE_UNWRITTEN, j, s.flag(j, F_QUEUED) ? 1 : 0, 0, 0);
			return;
		}
		int c;
		int k;
		boolean viaController = dc == s.controllerHandle;
		if (viaController) {
			c = s.cpu(j);
			k = s.vec(j);
			if (!m.validCpu(c)) {
				m.events.on(Event.RAISE_NO_ROUTE, j, 0, 0, 0);
				return;
			}
		} else {
			c = dc;
			k = s.devVec(j);
		}
		if (s.flag(j, F_PARENT_MASKED)) {
			s.setFlag(j, F_PARENT_PENDING, true);
			m.events.on(Event.RAISE_PARENT_HELD, j, 0, 0, 0);
			return;
		}
		if (!s.pending(c, k)) {
			s.setCredit(j, s.credit(j) + 1); // a new interrupt: it earns one handler run (a merged one does not)
		}
		s.setPending(c, k);
		if (m.events.recording()) {
			m.events.on(Event.RAISE, j, c, k, classify(j, c, k, viaController));
		}
	}

	private int classify(int j, int c, int k, boolean viaController) {
		int kind;
		int cur = s.cpu(j);
		int curVec = s.vec(j);
		int pc = s.prevCpu(j);
		int pk = s.prevVec(j);
		boolean moving = m.validCpu(pc);
		if (viaController) {
			kind = MSG_CONTROLLER;
		} else if (c == cur && k == curVec) {
			kind = MSG_CURRENT;
		} else if (moving && c == pc && k == pk) {
			kind = MSG_OLD;
		} else if (moving && c == pc && k == curVec) {
			kind = MSG_TMP;
		} else if (moving && c == cur && k == pk) {
			kind = MSG_TORN;
		} else {
			kind = MSG_OTHER;
		}
		if (!s.online(c)) {
			kind |= s.stopMachineOwner() >= 0 ? TO_DYING_CPU : TO_OFFLINE_CPU;
		}
		if (s.flag(j, F_QUEUED)) {
			kind |= WRITE_QUEUED;
		}
		return kind;
	}
}
