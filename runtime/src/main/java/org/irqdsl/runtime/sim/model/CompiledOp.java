package org.irqdsl.runtime.sim.model;

/** A thread operation with names resolved to indices (irq, CPU index, vector-pool index; -1 when absent). */
record CompiledOp(OpCode code, int irq, int cpu, int vector, boolean forwardPending, String text) {

	enum OpCode {
		SET_AFFINITY, REQUEST_IRQ, FREE_IRQ, ENABLE_IRQ, DISABLE_IRQ, OFFLINE, ONLINE, RAISE
	}
}
