package org.irqdsl.runtime.sim;

import java.util.Optional;

import org.irqdsl.runtime.sim.config.Expectation;
import org.irqdsl.runtime.sim.trace.Trace;

/**
 * The verdict on one expectation, why, and the trace behind it: the counterexample of a failed
 * {@code expect no P}, or the witness of a holding {@code expect P}.
 */
public record ExpectationResult(Expectation expectation, Verdict verdict, String explanation, Optional<Trace> trace) {
}
