package org.irqdsl.runtime.sim.config;

/**
 * {@code expect no P} ({@code occurs = false}: P happens in no interleaving) or {@code expect P}
 * ({@code occurs = true}: some interleaving shows P, a reproduced bug).
 */
public record Expectation(Property property, boolean occurs) {

	@Override
	public String toString() {
		return "expect " + (occurs ? "" : "no ") + property.jsonName();
	}
}
