package org.irqdsl.runtime.sim;

/** The answer for one expectation. */
public enum Verdict {
	/** Decided and as expected. */
	HOLDS,
	/** Decided and not as expected; the result has the trace that shows it (for "expect no P"). */
	FAILS,
	/** A limit was reached before the question was decided: neither a pass nor a failure. */
	INCOMPLETE
}
