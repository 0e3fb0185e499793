package org.irqdsl.runtime.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.irqdsl.runtime.sim.config.Property;
import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.sim.trace.Trace;
import org.irqdsl.runtime.sim.trace.TraceFormatter;

/** Test helpers: run a config, read verdicts and trace lines. */
final class Runs {

	private Runs() {
	}

	static SimResult run(SimConfig config) {
		return run(config, Limits.DEFAULT);
	}

	static SimResult run(SimConfig config, Limits limits) {
		try {
			SimResult r = Simulator.run(config, limits, ProgressListener.NONE);
			assertThat(r.complete()).as("exploration complete: %s", r.incompleteReason()).isTrue();
			return r;
		} catch (Exception e) {
			throw new AssertionError(e);
		}
	}

	static Verdict verdict(SimResult r, int expectation) {
		return r.expectations().get(expectation).verdict();
	}

	/** The text lines of the trace of p (which must have been observed). */
	static List<String> lines(SimResult r, Property p) {
		Trace t = r.trace(p).orElseThrow(() -> new AssertionError(p.jsonName() + " not observed"));
		return t.lines();
	}

	static String text(SimResult r, Property p) {
		return TraceFormatter.text(r.trace(p).orElseThrow(() -> new AssertionError(p.jsonName() + " not observed")));
	}
}
