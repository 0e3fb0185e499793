package org.irqdsl.runtime.sim.explore;

import java.time.Duration;
import java.util.Map;

import org.irqdsl.runtime.sim.config.Property;

/**
 * What an exploration found: the first interleaving of each property seen, whether every reachable
 * state was explored (else why not), and its cost.
 */
public record ExplorationResult(Map<Property, Violation> violations, boolean complete, String incompleteReason,
		long states, long transitions, int depth, Duration elapsed, int stateWords, double bytesPerState,
		int quiescentStates) {
}
