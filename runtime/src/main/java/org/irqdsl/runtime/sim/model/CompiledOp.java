package org.irqdsl.runtime.sim.model;

/**
 * A thread operation with names resolved to indices (irq, CPU index, vector-pool index; -1 when
 * absent). {@code forwardPending} is the offline's `forward-pending`, and set-affinity's `pending`.
 */
record CompiledOp(OpCode code, int irq, int cpu, int vector, boolean forwardPending, String text) {

	/** set-affinity ... pending: IRQD_SETAFFINITY_PENDING, the move waits for the next interrupt. */
	boolean pending() {
		return code == OpCode.SET_AFFINITY && forwardPending;
	}

	enum OpCode {
		SET_AFFINITY, REQUEST_IRQ, FREE_IRQ, ENABLE_IRQ, DISABLE_IRQ, OFFLINE, ONLINE, RAISE
	}
}
