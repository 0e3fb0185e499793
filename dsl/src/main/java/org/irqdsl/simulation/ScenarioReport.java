package org.irqdsl.simulation;

import java.util.List;
import java.util.Locale;

import org.irqdsl.runtime.sim.ExpectationResult;
import org.irqdsl.runtime.sim.SimResult;
import org.irqdsl.runtime.sim.Statistics;
import org.irqdsl.runtime.sim.trace.TraceFormatter;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** A {@link ScenarioRun} as the text {@code irqdsl simulate} prints, and as JSON ({@code --format json}). */
public final class ScenarioReport {

	private static final String INDENT = "    ";

	private ScenarioReport() {
	}

	/** {@code holds}, {@code fails} or {@code incomplete}. */
	public static String verdict(ExpectationResult e) {
		return e.verdict().name().toLowerCase(Locale.ROOT);
	}

	/**
	 * <pre>
	 * scenario torn_update on x86_noremap: 1,234 states, 0.1 s
	 *   expect no lost-interrupt: holds - no lost-interrupt in any interleaving (...)
	 *   expect no spurious-interrupt: fails - spurious-interrupt happens in the interleaving below
	 *       CPU1      Device nic
	 *       ...
	 * </pre>
	 */
	public static String text(ScenarioRun run) {
		StringBuilder sb = new StringBuilder("scenario ").append(run.scenario()).append(" on ").append(run.platform());
		if (run.result().isEmpty()) {
			sb.append(": not simulated\n");
			run.problems().forEach(p -> sb.append("  ").append(p).append('\n'));
			return sb.toString();
		}
		SimResult r = run.result().get();
		sb.append(": ").append(statistics(r.statistics()));
		if (!r.complete()) {
			sb.append(" (incomplete: ").append(r.incompleteReason()).append(')');
		}
		sb.append('\n');
		run.notes().forEach(n -> sb.append("  ").append(n).append('\n'));
		for (ExpectationResult e : r.expectations()) {
			sb.append("  ").append(line(e)).append('\n');
			e.trace().ifPresent(t -> indent(sb, TraceFormatter.text(t)));
		}
		return sb.toString();
	}

	/** {@code expect no lost-interrupt: fails - lost-interrupt happens in the interleaving below}. */
	public static String line(ExpectationResult e) {
		return e.expectation() + ": " + verdict(e) + " - " + e.explanation();
	}

	public static String statistics(Statistics s) {
		return String.format(Locale.ROOT, "%,d states, %.2f s", s.states(), s.elapsed().toNanos() / 1e9);
	}

	private static void indent(StringBuilder sb, String text) {
		for (String line : text.split("\n")) {
			sb.append(INDENT).append(line).append('\n');
		}
	}

	public static JsonObject json(ScenarioRun run) {
		JsonObject o = new JsonObject();
		o.addProperty("scenario", run.scenario());
		o.addProperty("platform", run.platform());
		o.add("problems", strings(run.problems()));
		o.add("notes", strings(run.notes()));
		run.result().ifPresent(r -> {
			o.addProperty("complete", r.complete());
			if (!r.complete()) {
				o.addProperty("incompleteReason", r.incompleteReason());
			}
			o.addProperty("states", r.statistics().states());
			o.addProperty("seconds", r.statistics().elapsed().toNanos() / 1e9);
			JsonArray expectations = new JsonArray();
			for (ExpectationResult e : r.expectations()) {
				JsonObject x = new JsonObject();
				x.addProperty("expectation", e.expectation().toString());
				x.addProperty("property", e.expectation().property().jsonName());
				x.addProperty("occurs", e.expectation().occurs());
				x.addProperty("verdict", verdict(e));
				x.addProperty("explanation", e.explanation());
				e.trace().ifPresent(t -> {
					x.add("trace", TraceFormatter.jsonTree(t));
					x.addProperty("traceText", TraceFormatter.text(t));
				});
				expectations.add(x);
			}
			o.add("expectations", expectations);
		});
		return o;
	}

	private static JsonArray strings(List<String> list) {
		JsonArray a = new JsonArray();
		list.forEach(a::add);
		return a;
	}
}
