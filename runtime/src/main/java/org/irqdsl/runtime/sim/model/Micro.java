package org.irqdsl.runtime.sim.model;

/** A compiled procedure step: the micro-op and its argument (a lock index, a queue or route kind). */
record Micro(MicroOp op, int arg) {

	static Micro of(MicroOp op) {
		return new Micro(op, 0);
	}
}
