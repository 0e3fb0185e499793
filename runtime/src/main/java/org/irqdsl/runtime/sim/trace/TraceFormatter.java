package org.irqdsl.runtime.sim.trace;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Prints a {@link Trace} as the kernel mailing-list threads draw races — one column per CPU,
 * device and the environment, one step after the other — and as JSON.
 */
public final class TraceFormatter {

	private static final int GAP = 3;

	private TraceFormatter() {
	}

	/** The trace as text columns, ending with the conclusion line. */
	public static String text(Trace trace) {
		List<String> columns = trace.columns();
		Map<String, Integer> index = new HashMap<>();
		int[] width = new int[columns.size()];
		for (int i = 0; i < columns.size(); i++) {
			index.put(columns.get(i), i);
			width[i] = columns.get(i).length();
		}
		for (TraceStep step : trace.steps()) {
			int c = index.get(step.column());
			for (TraceLine line : step.lines()) {
				width[c] = Math.max(width[c], line.text().length());
			}
		}
		StringBuilder sb = new StringBuilder();
		String[] header = columns.toArray(new String[0]);
		row(sb, width, 0, header.length, header);
		for (TraceStep step : trace.steps()) {
			int c = index.get(step.column());
			for (TraceLine line : step.lines()) {
				String[] cells = new String[columns.size()];
				cells[c] = line.text();
				row(sb, width, c, c + 1, cells);
			}
		}
		sb.append(trace.conclusion()).append('\n');
		return sb.toString();
	}

	private static void row(StringBuilder sb, int[] width, int from, int to, String[] cells) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < to; i++) {
			String cell = cells[i] == null ? "" : cells[i];
			line.append(cell);
			if (i < to - 1) {
				line.append(" ".repeat(width[i] - cell.length() + GAP));
			}
		}
		sb.append(line.toString().stripTrailing()).append('\n');
	}

	/** The trace as a JSON document. */
	public static String json(Trace trace) {
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(jsonTree(trace));
	}

	public static JsonObject jsonTree(Trace trace) {
		JsonObject o = new JsonObject();
		o.addProperty("property", trace.property().jsonName());
		o.addProperty("scenario", trace.scenario());
		JsonArray columns = new JsonArray();
		trace.columns().forEach(columns::add);
		o.add("columns", columns);
		o.addProperty("projected", trace.projected());
		JsonArray steps = new JsonArray();
		for (TraceStep step : trace.steps()) {
			JsonObject s = new JsonObject();
			s.addProperty("index", step.index());
			s.addProperty("column", step.column());
			s.addProperty("actor", step.actor());
			JsonArray lines = new JsonArray();
			for (TraceLine line : step.lines()) {
				JsonObject l = new JsonObject();
				l.addProperty("text", line.text());
				l.addProperty("event", line.event());
				JsonObject args = new JsonObject();
				line.args().forEach((k, v) -> {
					if (v instanceof Number n) {
						args.addProperty(k, n);
					} else {
						args.addProperty(k, String.valueOf(v));
					}
				});
				l.add("args", args);
				lines.add(l);
			}
			s.add("lines", lines);
			steps.add(s);
		}
		o.add("steps", steps);
		o.addProperty("conclusion", trace.conclusion());
		return o;
	}
}
