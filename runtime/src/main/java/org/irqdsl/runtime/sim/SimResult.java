package org.irqdsl.runtime.sim;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.irqdsl.runtime.sim.config.Property;
import org.irqdsl.runtime.sim.trace.Trace;

/**
 * The outcome of {@link Simulator#run}: a verdict per expectation, the shortest trace of every
 * property observed (expected or not), whether the exploration was complete (else why not), and
 * its statistics.
 */
public record SimResult(String scenario, List<ExpectationResult> expectations, Map<Property, Trace> traces,
		boolean complete, String incompleteReason, Statistics statistics) {

	public SimResult {
		expectations = List.copyOf(expectations);
		traces = Map.copyOf(traces);
	}

	public Optional<Trace> trace(Property p) {
		return Optional.ofNullable(traces.get(p));
	}

	/** Whether property p was observed in some interleaving. */
	public boolean observed(Property p) {
		return traces.containsKey(p);
	}

	/** Whether every expectation holds. */
	public boolean allHold() {
		return expectations.stream().allMatch(e -> e.verdict() == Verdict.HOLDS);
	}
}
