package org.irqdsl.runtime.sim.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * Validates a JSON tree against the published schema, using the subset of JSON Schema 2020-12 the
 * schema is written in ($ref to $defs, type, const, enum, properties, required,
 * additionalProperties, items, minItems, maxItems, uniqueItems, minimum, maximum, pattern, oneOf).
 * A keyword outside the subset is refused when the schema is loaded, so the schema cannot silently
 * say more than is checked. Every message names the JSON pointer and what was expected; a failed
 * oneOf is explained by the alternative the value was evidently meant to be (by its "op" constant,
 * its required properties or its type).
 */
public final class JsonSchemaValidator {

	/** Classpath location of the published schema. */
	public static final String SCHEMA_RESOURCE = "/irqdsl-sim-config.schema.json";

	private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "title", "description", "default",
			"examples", "$comment");
	private static final Set<String> KEYWORDS = Set.of("$ref", "$defs", "type", "const", "enum", "properties",
			"required", "additionalProperties", "items", "minItems", "maxItems", "uniqueItems", "minimum",
			"maximum", "pattern", "oneOf");

	private final JsonObject root;
	private final Map<String, Pattern> patterns = new java.util.HashMap<>();

	private JsonSchemaValidator(JsonObject root) {
		this.root = root;
		checkSubset(root, "");
	}

	/** The validator for the published simulator-config schema. */
	public static JsonSchemaValidator simConfigSchema() {
		try (InputStream in = JsonSchemaValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("schema resource missing: " + SCHEMA_RESOURCE);
			}
			return of(new InputStreamReader(in, StandardCharsets.UTF_8));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static JsonSchemaValidator of(Reader schema) {
		return new JsonSchemaValidator(JsonParser.parseReader(schema).getAsJsonObject());
	}

	/** The schema document itself. */
	public JsonObject schema() {
		return root.deepCopy();
	}

	/** Every violation of the schema by {@code value}; empty when it is valid. */
	public List<ConfigProblem> validate(JsonElement value) {
		List<ConfigProblem> problems = new ArrayList<>();
		validate(root, value, "", problems);
		return problems;
	}

	private void checkSubset(JsonElement schema, String at) {
		if (!schema.isJsonObject()) {
			throw new IllegalStateException("schema " + at + ": not an object");
		}
		for (Map.Entry<String, JsonElement> e : schema.getAsJsonObject().entrySet()) {
			String key = e.getKey();
			if (ANNOTATIONS.contains(key)) {
				continue;
			}
			if (!KEYWORDS.contains(key)) {
				throw new IllegalStateException("schema " + at + ": keyword " + key + " is outside the supported subset");
			}
			switch (key) {
			case "$defs", "properties" -> e.getValue().getAsJsonObject().entrySet()
					.forEach(d -> checkSubset(d.getValue(), at + "/" + key + "/" + d.getKey()));
			case "items" -> checkSubset(e.getValue(), at + "/items");
			case "additionalProperties" -> {
				if (e.getValue().isJsonObject()) {
					checkSubset(e.getValue(), at + "/additionalProperties");
				}
			}
			case "oneOf" -> {
				JsonArray alternatives = e.getValue().getAsJsonArray();
				for (int i = 0; i < alternatives.size(); i++) {
					checkSubset(alternatives.get(i), at + "/oneOf/" + i);
				}
			}
			default -> {
			}
			}
		}
	}

	private JsonObject resolve(JsonObject schema) {
		JsonObject s = schema;
		int guard = 0;
		while (s.has("$ref")) {
			String ref = s.get("$ref").getAsString();
			if (!ref.startsWith("#/$defs/") || guard++ > 32) {
				throw new IllegalStateException("unsupported $ref " + ref);
			}
			s = root.getAsJsonObject("$defs").getAsJsonObject(ref.substring("#/$defs/".length()));
		}
		return s;
	}

	private void validate(JsonObject schemaIn, JsonElement value, String at, List<ConfigProblem> problems) {
		JsonObject schema = resolve(schemaIn);
		if (schema.has("oneOf")) {
			validateOneOf(schema.getAsJsonArray("oneOf"), value, at, problems);
			return;
		}
		if (schema.has("type") && !hasType(value, schema.get("type").getAsString())) {
			problems.add(new ConfigProblem(at, "expected " + article(schema.get("type").getAsString()) + ", found "
					+ describe(value)));
			return;
		}
		if (schema.has("const") && !schema.get("const").equals(value)) {
			problems.add(new ConfigProblem(at, "must be " + schema.get("const") + ", found " + describe(value)));
			return;
		}
		if (schema.has("enum")) {
			JsonArray options = schema.getAsJsonArray("enum");
			if (!options.contains(value)) {
				problems.add(new ConfigProblem(at, "must be one of " + join(options) + ", found " + describe(value)));
				return;
			}
		}
		if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
			BigDecimal n = value.getAsBigDecimal();
			if (schema.has("minimum") && n.compareTo(schema.get("minimum").getAsBigDecimal()) < 0) {
				problems.add(new ConfigProblem(at, "must be at least " + schema.get("minimum") + ", found " + n));
			}
			if (schema.has("maximum") && n.compareTo(schema.get("maximum").getAsBigDecimal()) > 0) {
				problems.add(new ConfigProblem(at, "must be at most " + schema.get("maximum") + ", found " + n));
			}
		}
		if (schema.has("pattern") && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
			String regex = schema.get("pattern").getAsString();
			Pattern p = patterns.computeIfAbsent(regex, Pattern::compile);
			if (!p.matcher(value.getAsString()).find()) {
				String what = schema.has("description") ? schema.get("description").getAsString().replaceAll("\\.$", "")
						: "a string matching " + regex;
				problems.add(new ConfigProblem(at, "expected " + lowerFirst(what) + ", found " + describe(value)));
			}
		}
		if (value.isJsonArray()) {
			validateArray(schema, value.getAsJsonArray(), at, problems);
		}
		if (value.isJsonObject()) {
			validateObject(schema, value.getAsJsonObject(), at, problems);
		}
	}

	private void validateArray(JsonObject schema, JsonArray array, String at, List<ConfigProblem> problems) {
		if (schema.has("minItems") && array.size() < schema.get("minItems").getAsInt()) {
			problems.add(new ConfigProblem(at, "expected at least " + schema.get("minItems") + " item(s), found "
					+ array.size()));
		}
		if (schema.has("maxItems") && array.size() > schema.get("maxItems").getAsInt()) {
			problems.add(new ConfigProblem(at, "expected at most " + schema.get("maxItems") + " items, found "
					+ array.size()));
		}
		if (schema.has("uniqueItems") && schema.get("uniqueItems").getAsBoolean()) {
			Set<JsonElement> seen = new HashSet<>();
			for (int i = 0; i < array.size(); i++) {
				if (!seen.add(array.get(i))) {
					problems.add(new ConfigProblem(Pointer.child(at, i), "duplicate item " + array.get(i)));
				}
			}
		}
		if (schema.has("items")) {
			JsonObject items = schema.getAsJsonObject("items");
			for (int i = 0; i < array.size(); i++) {
				validate(items, array.get(i), Pointer.child(at, i), problems);
			}
		}
	}

	private void validateObject(JsonObject schema, JsonObject object, String at, List<ConfigProblem> problems) {
		JsonObject properties = schema.has("properties") ? schema.getAsJsonObject("properties") : new JsonObject();
		if (schema.has("required")) {
			for (JsonElement name : schema.getAsJsonArray("required")) {
				if (!object.has(name.getAsString())) {
					problems.add(new ConfigProblem(at, "missing required property \"" + name.getAsString() + "\""));
				}
			}
		}
		for (Map.Entry<String, JsonElement> e : object.entrySet()) {
			String child = Pointer.child(at, e.getKey());
			if (properties.has(e.getKey())) {
				validate(properties.getAsJsonObject(e.getKey()), e.getValue(), child, problems);
			} else if (schema.has("additionalProperties")) {
				JsonElement additional = schema.get("additionalProperties");
				if (additional.isJsonPrimitive() && !additional.getAsBoolean()) {
					problems.add(new ConfigProblem(child, "unknown property \"" + e.getKey() + "\" (expected one of: "
							+ String.join(", ", properties.keySet()) + ")"));
				} else if (additional.isJsonObject()) {
					validate(additional.getAsJsonObject(), e.getValue(), child, problems);
				}
			}
		}
	}

	private void validateOneOf(JsonArray alternatives, JsonElement value, String at, List<ConfigProblem> problems) {
		List<List<ConfigProblem>> results = new ArrayList<>();
		int valid = 0;
		for (JsonElement alternative : alternatives) {
			List<ConfigProblem> p = new ArrayList<>();
			validate(alternative.getAsJsonObject(), value, at, p);
			results.add(p);
			if (p.isEmpty()) {
				valid++;
			}
		}
		if (valid == 1) {
			return;
		}
		if (valid > 1) {
			problems.add(new ConfigProblem(at, "matches more than one alternative"));
			return;
		}
		// Which alternative was meant? 1. the one whose constant discriminator the value names.
		String discriminator = discriminator(alternatives);
		if (discriminator != null && value.isJsonObject()) {
			JsonObject object = value.getAsJsonObject();
			if (!object.has(discriminator)) {
				problems.add(new ConfigProblem(at, "missing required property \"" + discriminator + "\""));
				return;
			}
			JsonArray constants = new JsonArray();
			for (int i = 0; i < alternatives.size(); i++) {
				JsonElement c = constOf(alternatives.get(i).getAsJsonObject(), discriminator);
				constants.add(c);
				if (c.equals(object.get(discriminator))) {
					problems.addAll(results.get(i));
					return;
				}
			}
			problems.add(new ConfigProblem(Pointer.child(at, discriminator), "must be one of " + join(constants)
					+ ", found " + describe(object.get(discriminator))));
			return;
		}
		// 2. the only one whose required properties are all present, or 3. the only one of the value's type.
		List<Integer> candidates = new ArrayList<>();
		for (int i = 0; i < alternatives.size(); i++) {
			JsonObject alternative = resolve(alternatives.get(i).getAsJsonObject());
			if (value.isJsonObject() && alternative.has("required")) {
				boolean all = true;
				for (JsonElement name : alternative.getAsJsonArray("required")) {
					all &= value.getAsJsonObject().has(name.getAsString());
				}
				if (all) {
					candidates.add(i);
				}
			}
		}
		if (candidates.size() != 1) {
			candidates.clear();
			for (int i = 0; i < alternatives.size(); i++) {
				JsonObject alternative = resolve(alternatives.get(i).getAsJsonObject());
				if (alternative.has("type") && hasType(value, alternative.get("type").getAsString())) {
					candidates.add(i);
				}
			}
		}
		if (candidates.size() == 1) {
			problems.addAll(results.get(candidates.get(0)));
			return;
		}
		List<String> summaries = new ArrayList<>();
		for (JsonElement alternative : alternatives) {
			summaries.add(summary(resolve(alternative.getAsJsonObject())));
		}
		problems.add(new ConfigProblem(at, "expected " + String.join(", or ", summaries) + "; found " + describe(value)));
	}

	private static String discriminator(JsonArray alternatives) {
		String name = null;
		for (JsonElement alternative : alternatives) {
			JsonObject a = alternative.getAsJsonObject();
			if (!a.has("properties")) {
				return null;
			}
			String found = null;
			for (Map.Entry<String, JsonElement> p : a.getAsJsonObject("properties").entrySet()) {
				if (p.getValue().isJsonObject() && p.getValue().getAsJsonObject().has("const")) {
					found = p.getKey();
				}
			}
			if (found == null || (name != null && !name.equals(found))) {
				return null;
			}
			name = found;
		}
		return name;
	}

	private static JsonElement constOf(JsonObject alternative, String property) {
		return alternative.getAsJsonObject("properties").getAsJsonObject(property).get("const");
	}

	private static String summary(JsonObject schema) {
		if (!schema.has("type")) {
			return "a value";
		}
		String type = schema.get("type").getAsString();
		StringBuilder sb = new StringBuilder(article(type));
		if (schema.has("minimum") || schema.has("maximum")) {
			sb.append(" ").append(schema.has("minimum") ? schema.get("minimum") : "").append("..")
					.append(schema.has("maximum") ? schema.get("maximum") : "");
		}
		if (schema.has("pattern")) {
			sb.append(" matching ").append(schema.get("pattern").getAsString());
		}
		if (schema.has("required")) {
			sb.append(" with ").append(join(schema.getAsJsonArray("required")));
		}
		return sb.toString();
	}

	private static boolean hasType(JsonElement value, String type) {
		switch (type) {
		case "object":
			return value.isJsonObject();
		case "array":
			return value.isJsonArray();
		case "null":
			return value.isJsonNull();
		default:
			if (!value.isJsonPrimitive()) {
				return false;
			}
			JsonPrimitive p = value.getAsJsonPrimitive();
			return switch (type) {
			case "string" -> p.isString();
			case "boolean" -> p.isBoolean();
			case "number" -> p.isNumber();
			case "integer" -> p.isNumber() && isIntegral(p.getAsBigDecimal());
			default -> throw new IllegalStateException("unknown type " + type);
			};
		}
	}

	private static boolean isIntegral(BigDecimal n) {
		return n.signum() == 0 || n.scale() <= 0 || n.stripTrailingZeros().scale() <= 0;
	}

	static String describe(JsonElement value) {
		if (value.isJsonObject()) {
			return "an object";
		}
		if (value.isJsonArray()) {
			return "an array";
		}
		if (value.isJsonNull()) {
			return "null";
		}
		JsonPrimitive p = value.getAsJsonPrimitive();
		if (p.isString()) {
			return "\"" + p.getAsString() + "\"";
		}
		return p.toString();
	}

	private static String article(String type) {
		return switch (type) {
		case "object", "array", "integer" -> "an " + type;
		default -> "a " + type;
		};
	}

	private static String join(JsonArray values) {
		List<String> parts = new ArrayList<>();
		values.forEach(v -> parts.add(v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()
				? "\"" + v.getAsString() + "\"" : v.toString()));
		return parts.stream().collect(Collectors.joining(", "));
	}

	private static String lowerFirst(String s) {
		return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
	}
}
