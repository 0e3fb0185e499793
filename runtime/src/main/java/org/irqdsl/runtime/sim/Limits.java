package org.irqdsl.runtime.sim;

import java.time.Duration;

/**
 * Bounds of one exploration, and whether the partial-order reduction is on. Hitting a bound gives
 * an INCOMPLETE verdict for every expectation the states seen so far do not decide — never a pass.
 */
public record Limits(long maxStates, Duration timeout, boolean partialOrderReduction) {

	/** 10 million states, 60 seconds, reduction on. */
	public static final Limits DEFAULT = new Limits(10_000_000L, Duration.ofSeconds(60), true);

	public Limits {
		if (maxStates < 1) {
			throw new IllegalArgumentException("maxStates must be at least 1");
		}
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout must be positive");
		}
	}

	public Limits withMaxStates(long n) {
		return new Limits(n, timeout, partialOrderReduction);
	}

	public Limits withTimeout(Duration d) {
		return new Limits(maxStates, d, partialOrderReduction);
	}

	public Limits withPartialOrderReduction(boolean on) {
		return new Limits(maxStates, timeout, on);
	}
}
