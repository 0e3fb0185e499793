package org.irqdsl.runtime.sim.config;

import java.util.List;

/** One way through a {@link Procedure}: taken when every guard holds (no guard: always). */
public record ProcedurePath(String name, List<Guard> when, List<ProcedureStep> steps) {

	public ProcedurePath {
		when = List.copyOf(when);
		steps = List.copyOf(steps);
	}
}
