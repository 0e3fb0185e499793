package org.irqdsl.runtime.sim.model;

import java.util.List;

/** One scenario thread: a CPU running kernel operations, or a device raising. */
public final class ThreadProgram {

	public final int index;
	public final String title;
	/** CPU index for a CPU thread, -1 for a device thread. */
	public final int cpu;
	public final boolean device;
	final CompiledOp[] ops;

	ThreadProgram(int index, String title, int cpu, boolean device, List<CompiledOp> ops) {
		this.index = index;
		this.title = title;
		this.cpu = cpu;
		this.device = device;
		this.ops = ops.toArray(new CompiledOp[0]);
	}

	public int opCount() {
		return ops.length;
	}

	/** The operation's text as the scenario writes it. */
	public String opText(int op) {
		return op < ops.length ? ops[op].text() : "(done)";
	}
}
