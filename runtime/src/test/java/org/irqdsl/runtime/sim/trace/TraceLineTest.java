package org.irqdsl.runtime.sim.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A trace line keeps its event's arguments in the event's order: simulate's JSON is the same on every run. */
class TraceLineTest {

	@Test
	void argumentsKeepTheEventsOrder() {
		Map<String, Object> args = new LinkedHashMap<>();
		for (String name : new String[] { "irq", "cpu", "vector", "message", "vmd", "child", "thread", "queued", "newVector",
				"old", "new", "slot" }) {
			args.put(name, name.length());
		}
		TraceLine line = new TraceLine("text", "RAISE", args);
		assertThat(line.args().keySet()).containsExactlyElementsOf(args.keySet());
		args.put("later", 1);
		assertThat(line.args()).as("a copy").doesNotContainKey("later");
		assertThatThrownBy(() -> line.args().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
	}
}
