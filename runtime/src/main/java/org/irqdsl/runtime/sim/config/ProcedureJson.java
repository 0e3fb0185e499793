package org.irqdsl.runtime.sim.config;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The JSON form of {@link Procedure} and {@link HotUnplug} in a simulator config (schema:
 * {@code $defs/procedure}, {@code $defs/hotUnplug}). A step is a string: its action's name, then the
 * lock for lock steps ({@code "lock vector_lock"}, {@code "write temp-message"}).
 */
final class ProcedureJson {

	private ProcedureJson() {
	}

	static JsonObject write(Procedure p) {
		JsonObject o = new JsonObject();
		o.addProperty("name", p.name());
		o.addProperty("function", p.function());
		o.addProperty("cites", p.cites());
		o.addProperty("runs", p.runs().jsonName());
		JsonArray paths = new JsonArray();
		for (ProcedurePath path : p.paths()) {
			JsonObject j = new JsonObject();
			j.addProperty("name", path.name());
			JsonArray when = new JsonArray();
			path.when().forEach(g -> when.add(g.toString()));
			j.add("when", when);
			JsonArray steps = new JsonArray();
			path.steps().forEach(s -> steps.add(s.toString()));
			j.add("steps", steps);
			paths.add(j);
		}
		o.add("paths", paths);
		o.addProperty("release", p.release().jsonName());
		return o;
	}

	/** Reads a schema-valid procedure object. */
	static Procedure read(JsonObject o) {
		List<ProcedurePath> paths = new ArrayList<>();
		for (JsonElement e : o.getAsJsonArray("paths")) {
			JsonObject j = e.getAsJsonObject();
			List<Guard> when = new ArrayList<>();
			if (j.has("when")) {
				j.getAsJsonArray("when").forEach(g -> when.add(guard(g.getAsString())));
			}
			List<ProcedureStep> steps = new ArrayList<>();
			j.getAsJsonArray("steps").forEach(s -> steps.add(step(s.getAsString())));
			paths.add(new ProcedurePath(j.get("name").getAsString(), when, steps));
		}
		String name = o.get("name").getAsString();
		return new Procedure(name, o.has("function") ? o.get("function").getAsString() : name,
				o.has("cites") ? o.get("cites").getAsString() : "", JsonName.parse(Procedure.Runs.class,
						o.has("runs") ? o.get("runs").getAsString() : "deferred").orElseThrow(),
				paths, JsonName.parse(Procedure.Release.class,
						o.has("release") ? o.get("release").getAsString() : "on-first-arrival").orElseThrow());
	}

	static JsonObject write(HotUnplug h) {
		JsonObject o = new JsonObject();
		o.addProperty("name", h.name());
		o.addProperty("cites", h.cites());
		o.addProperty("sleepersFirst", h.sleepersFirst());
		o.addProperty("retriggerPending", h.retriggerPending());
		return o;
	}

	static HotUnplug readHotUnplug(JsonObject o) {
		return new HotUnplug(o.get("name").getAsString(), o.has("cites") ? o.get("cites").getAsString() : "",
				o.has("sleepersFirst") && o.get("sleepersFirst").getAsBoolean(),
				o.has("retriggerPending") && o.get("retriggerPending").getAsBoolean());
	}

	static Guard guard(String text) {
		boolean negated = text.startsWith("not ");
		String name = negated ? text.substring(4) : text;
		return new Guard(JsonName.parse(Guard.Condition.class, name).orElseThrow(), negated);
	}

	static ProcedureStep step(String text) {
		for (ProcedureStep.Action a : ProcedureStep.Action.values()) {
			if (a == ProcedureStep.Action.LOCK || a == ProcedureStep.Action.UNLOCK) {
				String prefix = a.jsonName() + " ";
				if (text.startsWith(prefix)) {
					return new ProcedureStep(a, text.substring(prefix.length()));
				}
			} else if (text.equals(a.jsonName())) {
				return ProcedureStep.of(a);
			}
		}
		throw new IllegalArgumentException(text);
	}
}
