package org.irqdsl.runtime.sim.explore;

import org.irqdsl.runtime.sim.config.Property;

/**
 * The first (shortest, in BFS order) interleaving found for a property: the steps from the initial
 * state; {@code atQuiescence} when the property is judged on the final, quiescent state (lost
 * interrupt, a thread blocked forever) rather than by the last step.
 */
public record Violation(Property property, int[] steps, boolean atQuiescence) {
}
