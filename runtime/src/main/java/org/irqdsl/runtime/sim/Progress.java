package org.irqdsl.runtime.sim;

import java.time.Duration;

/** A snapshot of a running exploration: states visited, transitions taken, BFS depth, states not yet expanded. */
public record Progress(long states, long transitions, int depth, long frontier, Duration elapsed) {

	public double statesPerSecond() {
		double s = elapsed.toNanos() / 1e9;
		return s <= 0 ? 0 : states / s;
	}

	@Override
	public String toString() {
		return String.format("%,d states, %,d transitions, depth %d, %,d to expand, %.1f s (%,.0f states/s)", states,
				transitions, depth, frontier, elapsed.toNanos() / 1e9, statesPerSecond());
	}
}
