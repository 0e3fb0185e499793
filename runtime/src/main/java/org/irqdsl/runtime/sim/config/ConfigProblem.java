package org.irqdsl.runtime.sim.config;

/**
 * One thing wrong with a simulator config: where (a JSON pointer such as {@code /threads/0/ops/1/cpu},
 * or {@code line 3, column 7} for malformed JSON) and what was expected.
 */
public record ConfigProblem(String where, String message) {

	@Override
	public String toString() {
		return (where.isEmpty() ? "/" : where) + ": " + message;
	}
}
