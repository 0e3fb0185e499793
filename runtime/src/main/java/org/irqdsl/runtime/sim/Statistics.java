package org.irqdsl.runtime.sim;

import java.time.Duration;

/** What an exploration cost. */
public record Statistics(long states, long transitions, int depth, int quiescentStates, Duration elapsed,
		int stateWords, double bytesPerState, boolean partialOrderReduction) {

	public double statesPerSecond() {
		double s = elapsed.toNanos() / 1e9;
		return s <= 0 ? 0 : states / s;
	}
}
