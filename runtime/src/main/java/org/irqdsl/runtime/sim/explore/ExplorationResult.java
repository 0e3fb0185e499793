package org.irqdsl.runtime.sim.explore;

import java.time.Duration;
import java.util.Map;

import org.irqdsl.runtime.sim.config.Property;

/**
 * What an exploration found: the first interleaving of each property seen, whether every reachable
 * state was explored (else why not), and its cost. {@code bytesPerState} is what a state costs once
 * the structures are full (its words, parent and step, the visited table at its load);
 * {@code heldBytes} what the explorer's structures held at the end (whole chunks and table, what
 * the memory bound counts).
 */
public record ExplorationResult(Map<Property, Violation> violations, boolean complete, String incompleteReason,
		long states, long transitions, int depth, Duration elapsed, int stateWords, double bytesPerState,
		int quiescentStates, long heldBytes) {
}
