package org.irqdsl.runtime.sim.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * The validator's errors in the words of a config's author: the JSON pointer of the value and what
 * was expected there. A failed oneOf is explained by the alternative the value was evidently meant
 * to be (by its constant discriminator such as "op", by its required properties, or by its type),
 * not by every alternative's complaints.
 */
final class SchemaErrors {

	private final JsonNode root;

	SchemaErrors(JsonNode root) {
		this.root = root;
	}

	List<ConfigProblem> explain(List<Error> errors) {
		List<ConfigProblem> problems = new ArrayList<>();
		List<Error> oneOfs = errors.stream().filter(e -> "oneOf".equals(e.getKeyword())).toList();
		for (Error e : errors) {
			if (oneOfs.stream().anyMatch(o -> o != e && insideBranch(e, o))) {
				continue; // explained with its oneOf
			}
			if (e.getKeyword().equals("oneOf")) {
				problems.addAll(explainOneOf(e, errors));
			} else {
				problems.addAll(word(e));
			}
		}
		return problems;
	}

	private static boolean insideBranch(Error e, Error oneOf) {
		NodePath o = oneOf.getEvaluationPath();
		return e.getEvaluationPath().getNameCount() > o.getNameCount() + 1 && e.getEvaluationPath().startsWith(o);
	}

	private static int branch(Error e, Error oneOf) {
		return Integer.parseInt(e.getEvaluationPath().getName(oneOf.getEvaluationPath().getNameCount()));
	}

	private List<ConfigProblem> explainOneOf(Error oneOf, List<Error> errors) {
		String at = pointer(oneOf.getInstanceLocation());
		JsonNode value = oneOf.getInstanceNode();
		if (oneOf.getArguments().length > 0 && oneOf.getArguments()[0] instanceof Number n && n.intValue() > 1) {
			return List.of(new ConfigProblem(at, "matches more than one alternative"));
		}
		JsonNode alternatives = schemaAt(oneOf);
		int meant = meant(alternatives, value, at);
		if (meant < 0) {
			return List.of(unmeant(alternatives, value, at));
		}
		List<Error> inside = errors.stream().filter(e -> insideBranch(e, oneOf) && branch(e, oneOf) == meant).toList();
		return explain(inside);
	}

	/** Index of the alternative {@code value} was meant to be, or -1. */
	private int meant(JsonNode alternatives, JsonNode value, String at) {
		String discriminator = discriminator(alternatives);
		if (discriminator != null && value.isObject()) {
			for (int i = 0; i < alternatives.size(); i++) {
				if (resolve(alternatives.get(i)).path("properties").path(discriminator).path("const").equals(value.get(discriminator))) {
					return i;
				}
			}
			return -1;
		}
		List<Integer> candidates = new ArrayList<>();
		for (int i = 0; i < alternatives.size(); i++) {
			JsonNode required = resolve(alternatives.get(i)).path("required");
			boolean all = value.isObject() && required.isArray() && !required.isEmpty();
			for (JsonNode name : required) {
				all &= value.has(name.asString());
			}
			if (all) {
				candidates.add(i);
			}
		}
		if (candidates.size() != 1) {
			candidates.clear();
			for (int i = 0; i < alternatives.size(); i++) {
				JsonNode type = resolve(alternatives.get(i)).path("type");
				if (type.isString() && hasType(value, type.asString())) {
					candidates.add(i);
				}
			}
		}
		return candidates.size() == 1 ? candidates.get(0) : -1;
	}

	private ConfigProblem unmeant(JsonNode alternatives, JsonNode value, String at) {
		String discriminator = discriminator(alternatives);
		if (discriminator != null && value.isObject()) {
			if (!value.has(discriminator)) {
				return new ConfigProblem(at, "missing required property \"" + discriminator + "\"");
			}
			List<JsonNode> constants = new ArrayList<>();
			alternatives.forEach(a -> constants.add(resolve(a).path("properties").path(discriminator).path("const")));
			return new ConfigProblem(Pointer.child(at, discriminator), "must be one of " + join(constants) + ", found "
					+ describe(value.get(discriminator)));
		}
		List<String> summaries = new ArrayList<>();
		alternatives.forEach(a -> summaries.add(summary(resolve(a))));
		return new ConfigProblem(at, "expected " + String.join(", or ", summaries) + "; found " + describe(value));
	}

	/** The property every alternative fixes with a const (such as "op"), or null. */
	private String discriminator(JsonNode alternatives) {
		String name = null;
		for (JsonNode a : alternatives) {
			String found = null;
			for (String p : resolve(a).path("properties").propertyNames()) {
				if (resolve(a).path("properties").path(p).has("const")) {
					found = p;
				}
			}
			if (found == null || (name != null && !name.equals(found))) {
				return null;
			}
			name = found;
		}
		return name;
	}

	// ---- one error, worded ---------------------------------------------------------------------

	private List<ConfigProblem> word(Error e) {
		String at = pointer(e.getInstanceLocation());
		JsonNode value = e.getInstanceNode();
		JsonNode schema = parentOf(e);
		String found = value == null ? "" : ", found " + describe(value);
		return switch (e.getKeyword()) {
		case "type" -> one(at, "expected " + article(schema.path("type").asString()) + found);
		case "const" -> one(at, "must be " + literal(schema.path("const")) + found);
		case "enum" -> one(at, "must be one of " + join(list(schema.path("enum"))) + found);
		case "minimum" -> one(at, "must be at least " + schema.path("minimum") + ", found " + value);
		case "maximum" -> one(at, "must be at most " + schema.path("maximum") + ", found " + value);
		case "pattern" -> one(at, "expected " + patternMeaning(schema) + found);
		case "required" -> one(at, "missing required property \"" + e.getProperty() + "\"");
		case "additionalProperties" -> one(Pointer.child(at, e.getProperty()), "unknown property \"" + e.getProperty()
				+ "\" (expected one of: " + String.join(", ", schema.path("properties").propertyNames()) + ")");
		case "minItems" -> one(at, "expected at least " + schema.path("minItems") + " item(s), found " + value.size());
		case "maxItems" -> one(at, "expected at most " + schema.path("maxItems") + " items, found " + value.size());
		case "uniqueItems" -> duplicates(at, value);
		default -> one(at, e.getMessage());
		};
	}

	private static List<ConfigProblem> one(String at, String message) {
		return List.of(new ConfigProblem(at, message));
	}

	private static List<ConfigProblem> duplicates(String at, JsonNode array) {
		List<ConfigProblem> problems = new ArrayList<>();
		Set<JsonNode> seen = new HashSet<>();
		for (int i = 0; i < array.size(); i++) {
			if (!seen.add(array.get(i))) {
				problems.add(new ConfigProblem(Pointer.child(at, i), "duplicate item " + array.get(i)));
			}
		}
		return problems;
	}

	/** The schema's description of what the pattern admits, or the pattern itself. */
	private static String patternMeaning(JsonNode schema) {
		String description = schema.path("description").asString("");
		if (description.isEmpty()) {
			return "a string matching " + schema.path("pattern").asString();
		}
		String what = description.replaceAll("\\.$", "");
		return Character.toLowerCase(what.charAt(0)) + what.substring(1);
	}

	// ---- schema navigation -----------------------------------------------------------------------

	/** The schema node the error's keyword sits in (the keyword's value for oneOf). */
	private JsonNode schemaAt(Error e) {
		return root.at(JsonPointer.compile(pointer(e.getSchemaLocation().getFragment())));
	}

	private JsonNode parentOf(Error e) {
		return root.at(JsonPointer.compile(pointer(e.getSchemaLocation().getFragment().getParent())));
	}

	/** A local {@code $ref} ("#/$defs/x") followed to its target. */
	private JsonNode resolve(JsonNode schema) {
		JsonNode s = schema;
		for (int guard = 0; s.has("$ref") && guard < 32; guard++) {
			s = root.at(JsonPointer.compile(s.get("$ref").asString().substring(1)));
		}
		return s;
	}

	static String pointer(NodePath path) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < path.getNameCount(); i++) {
			sb.append('/').append(Pointer.escape(path.getName(i)));
		}
		return sb.toString();
	}

	// ---- words -----------------------------------------------------------------------------------

	private static String summary(JsonNode schema) {
		if (!schema.has("type")) {
			return "a value";
		}
		StringBuilder sb = new StringBuilder(article(schema.get("type").asString()));
		if (schema.has("minimum") || schema.has("maximum")) {
			sb.append(" ").append(schema.has("minimum") ? schema.get("minimum") : "").append("..")
					.append(schema.has("maximum") ? schema.get("maximum") : "");
		}
		if (schema.has("pattern")) {
			sb.append(" matching ").append(schema.get("pattern").asString());
		}
		if (schema.has("required")) {
			sb.append(" with ").append(join(list(schema.get("required"))));
		}
		return sb.toString();
	}

	private static boolean hasType(JsonNode value, String type) {
		return switch (type) {
		case "object" -> value.isObject();
		case "array" -> value.isArray();
		case "null" -> value.isNull();
		case "string" -> value.isString();
		case "boolean" -> value.isBoolean();
		case "number" -> value.isNumber();
		case "integer" -> value.isIntegralNumber() || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
		default -> false;
		};
	}

	static String describe(JsonNode value) {
		if (value.isObject()) {
			return "an object";
		}
		if (value.isArray()) {
			return "an array";
		}
		return literal(value);
	}

	private static String literal(JsonNode value) {
		return value.isString() ? "\"" + value.asString() + "\"" : value.toString();
	}

	private static String article(String type) {
		return switch (type) {
		case "object", "array", "integer" -> "an " + type;
		default -> "a " + type;
		};
	}

	private static List<JsonNode> list(JsonNode array) {
		List<JsonNode> out = new ArrayList<>();
		array.forEach(out::add);
		return out;
	}

	private static String join(List<JsonNode> values) {
		return values.stream().map(SchemaErrors::literal).collect(Collectors.joining(", "));
	}
}
