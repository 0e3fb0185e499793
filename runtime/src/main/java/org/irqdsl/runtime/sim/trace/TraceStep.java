package org.irqdsl.runtime.sim.trace;

import java.util.List;

/** One atomic step of an interleaving, in the column of the thread (or CPU, or env) that took it. */
public record TraceStep(int index, String column, String actor, List<TraceLine> lines) {

	public TraceStep {
		lines = List.copyOf(lines);
	}
}
