package org.irqdsl.runtime.sim.trace;

import java.util.Map;

/** One line of a trace column: the text, and the event it tells with its arguments (for JSON). */
public record TraceLine(String text, String event, Map<String, Object> args) {

	public TraceLine {
		args = Map.copyOf(args);
	}
}
