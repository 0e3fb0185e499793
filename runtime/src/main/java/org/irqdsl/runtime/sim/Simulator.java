package org.irqdsl.runtime.sim;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.irqdsl.runtime.sim.config.Expectation;
import org.irqdsl.runtime.sim.config.Property;
import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.sim.config.SimConfigException;
import org.irqdsl.runtime.sim.explore.ExplorationResult;
import org.irqdsl.runtime.sim.explore.Explorer;
import org.irqdsl.runtime.sim.explore.Violation;
import org.irqdsl.runtime.sim.model.Scenario;
import org.irqdsl.runtime.sim.trace.Trace;
import org.irqdsl.runtime.sim.trace.TraceBuilder;

/**
 * The simulator: replays a scenario's threads and the environment under every interleaving and
 * judges its expectations. Entry point of the runtime's public API.
 */
public final class Simulator {

	private Simulator() {
	}

	/**
	 * Explores {@code config} within {@code limits}, telling {@code progress} about once a second.
	 *
	 * @throws SimConfigException when the config cannot be simulated (the same problems the reader reports)
	 */
	public static SimResult run(SimConfig config, Limits limits, ProgressListener progress) throws SimConfigException {
		Scenario scenario = Scenario.compile(config);
		ExplorationResult exploration = new Explorer(scenario, limits, progress).run();
		TraceBuilder builder = new TraceBuilder(scenario);
		Map<Property, Trace> traces = new EnumMap<>(Property.class);
		for (Violation v : exploration.violations().values()) {
			traces.put(v.property(), builder.build(v));
		}
		List<ExpectationResult> verdicts = new ArrayList<>();
		for (Expectation e : config.expectations()) {
			verdicts.add(judge(e, traces.get(e.property()), exploration));
		}
		Statistics stats = new Statistics(exploration.states(), exploration.transitions(), exploration.depth(),
				exploration.quiescentStates(), exploration.elapsed(), exploration.stateWords(),
				exploration.bytesPerState(), limits.partialOrderReduction());
		return new SimResult(config.scenario(), verdicts, traces, exploration.complete(), exploration.incompleteReason(),
				stats);
	}

	/** Runs with {@link Limits#DEFAULT} and no progress reports. */
	public static SimResult run(SimConfig config) throws SimConfigException {
		return run(config, Limits.DEFAULT, ProgressListener.NONE);
	}

	private static ExpectationResult judge(Expectation e, Trace trace, ExplorationResult x) {
		String p = e.property().jsonName();
		if (trace != null) {
			return e.occurs()
					? new ExpectationResult(e, Verdict.HOLDS, p + " shows in the interleaving below", Optional.of(trace))
					: new ExpectationResult(e, Verdict.FAILS, p + " happens in the interleaving below", Optional.of(trace));
		}
		if (!x.complete()) {
			return new ExpectationResult(e, Verdict.INCOMPLETE, "no " + p + " in the " + String.format("%,d", x.states())
					+ " states explored, but " + x.incompleteReason() + ": not every interleaving was seen", Optional.empty());
		}
		String all = String.format("%,d", x.states()) + " states, every interleaving";
		return e.occurs()
				? new ExpectationResult(e, Verdict.FAILS, "no interleaving shows " + p + " (" + all + ")", Optional.empty())
				: new ExpectationResult(e, Verdict.HOLDS, "no " + p + " in any interleaving (" + all + ")", Optional.empty());
	}
}
