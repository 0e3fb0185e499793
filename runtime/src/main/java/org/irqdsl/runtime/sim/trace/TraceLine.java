package org.irqdsl.runtime.sim.trace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of a trace column: the text, and the event it tells with its arguments (for JSON), in the
 * event's order of arguments. (Not {@code Map.copyOf}: its iteration order changes from one JVM to
 * the next, and so did the JSON.)
 */
public record TraceLine(String text, String event, Map<String, Object> args) {

	public TraceLine {
		args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
	}
}
