package org.irqdsl.runtime.sim.trace;

import java.util.List;

import org.irqdsl.runtime.sim.config.Property;

/**
 * The shortest interleaving found that shows a property, ready to print: columns (one per CPU,
 * device and the environment that took part, in that order), the steps, and the conclusion.
 * {@code projected} tells that the steps of independent threads, which cannot matter, were left out.
 */
public record Trace(Property property, String scenario, List<String> columns, List<TraceStep> steps,
		String conclusion, boolean projected) {

	public Trace {
		columns = List.copyOf(columns);
		steps = List.copyOf(steps);
	}

	/** Every line of every step, in order (for tests and searches). */
	public List<String> lines() {
		return steps.stream().flatMap(s -> s.lines().stream()).map(TraceLine::text).toList();
	}
}
