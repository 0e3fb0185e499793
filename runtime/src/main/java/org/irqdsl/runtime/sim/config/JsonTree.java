package org.irqdsl.runtime.sim.config;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * Strict JSON to a Gson tree, reporting malformed input by line and column and rejecting duplicate
 * property names (Gson's own tree silently keeps the last one).
 */
final class JsonTree {

	private static final Pattern POSITION = Pattern.compile("line (\\d+) column (\\d+)");

	private JsonTree() {
	}

	/** The document's tree, or null after adding the problems to {@code problems}. */
	static JsonElement parse(String text, List<ConfigProblem> problems) {
		if (text.isBlank()) {
			problems.add(new ConfigProblem("line 1, column 1", "empty document: expected a JSON object"));
			return null;
		}
		JsonReader reader = new JsonReader(new StringReader(text));
		reader.setStrictness(Strictness.STRICT);
		JsonElement root;
		try {
			root = read(reader, "", problems);
		} catch (IOException | RuntimeException e) {
			problems.add(new ConfigProblem(position(String.valueOf(e.getMessage())), "malformed JSON: " + reason(e)));
			return null;
		}
		try {
			if (reader.peek() != JsonToken.END_DOCUMENT) {
				throw new IOException(reader.toString());
			}
		} catch (IOException | RuntimeException e) {
			problems.add(new ConfigProblem(position(String.valueOf(e.getMessage())), "unexpected content after the JSON document"));
			return null;
		}
		return problems.isEmpty() ? root : null;
	}

	private static JsonElement read(JsonReader reader, String pointer, List<ConfigProblem> problems) throws IOException {
		switch (reader.peek()) {
		case BEGIN_OBJECT: {
			JsonObject object = new JsonObject();
			reader.beginObject();
			while (reader.hasNext()) {
				String name = reader.nextName();
				String child = pointer + "/" + Pointer.escape(name);
				JsonElement value = read(reader, child, problems);
				if (object.has(name)) {
					problems.add(new ConfigProblem(child, "duplicate property \"" + name + "\""));
				}
				object.add(name, value);
			}
			reader.endObject();
			return object;
		}
		case BEGIN_ARRAY: {
			JsonArray array = new JsonArray();
			reader.beginArray();
			int i = 0;
			while (reader.hasNext()) {
				array.add(read(reader, pointer + "/" + i++, problems));
			}
			reader.endArray();
			return array;
		}
		case STRING:
			return new JsonPrimitive(reader.nextString());
		case NUMBER:
			return new JsonPrimitive(new BigDecimal(reader.nextString()));
		case BOOLEAN:
			return new JsonPrimitive(reader.nextBoolean());
		case NULL:
			reader.nextNull();
			return JsonNull.INSTANCE;
		default:
			throw new IOException("unexpected " + reader.peek() + " " + reader);
		}
	}

	private static String position(String message) {
		Matcher m = POSITION.matcher(message);
		return m.find() ? "line " + m.group(1) + ", column " + m.group(2) : "";
	}

	/** Gson's message without its position, path and troubleshooting link, in plain words. */
	private static String reason(Exception e) {
		String message = String.valueOf(e.getMessage());
		if (message.contains("setStrictness") || message.contains("setLenient")) {
			return "not strict JSON (comments, single quotes, unquoted names, trailing commas and NaN are not allowed)";
		}
		if (message.startsWith("Expected name")) {
			return "expected a property name in double quotes (a trailing comma?)";
		}
		if (message.startsWith("End of input")) {
			return "unexpected end of input";
		}
		int at = message.indexOf(" at line ");
		if (at < 0) {
			at = message.indexOf(" at path ");
		}
		String reason = at > 0 ? message.substring(0, at) : message;
		int see = reason.indexOf("\nSee ");
		return see > 0 ? reason.substring(0, see) : reason;
	}
}
