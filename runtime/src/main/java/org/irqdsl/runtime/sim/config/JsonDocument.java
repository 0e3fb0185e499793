package org.irqdsl.runtime.sim.config;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strict JSON to a Jackson tree (the tree the schema validator reads), reporting malformed input by
 * the parser's own line and column and refusing duplicate property names (a tree would silently keep
 * one of them).
 */
final class JsonDocument {

	/** Strict by default (no comments, single quotes, trailing commas, NaN); duplicates refused. */
	static final JsonMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

	private JsonDocument() {
	}

	/** The document's tree, or null after adding the problem to {@code problems}. */
	static JsonNode parse(String text, List<ConfigProblem> problems) {
		if (text.isBlank()) {
			problems.add(new ConfigProblem("line 1, column 1", "empty document: expected a JSON object"));
			return null;
		}
		try (JsonParser parser = MAPPER.createParser(text)) {
			JsonNode root;
			try {
				root = MAPPER.readTree(parser);
			} catch (JacksonException e) {
				problems.add(malformed(e, parser));
				return null;
			}
			try {
				if (parser.nextToken() != null) {
					problems.add(new ConfigProblem(where(parser.currentTokenLocation()), "unexpected content after the JSON document"));
					return null;
				}
			} catch (JacksonException e) {
				problems.add(new ConfigProblem(where(e.getLocation()), "unexpected content after the JSON document"));
				return null;
			}
			return root;
		}
	}

	private static ConfigProblem malformed(JacksonException e, JsonParser parser) {
		String reason = String.valueOf(e.getOriginalMessage());
		if (reason.startsWith("Duplicate Object property")) {
			String name = parser.streamReadContext().currentName();
			String pointer = parser.streamReadContext().pathAsPointer().toString();
			// the context names the property only once it is accepted: name the duplicate ourselves
			if (name != null && !pointer.endsWith("/" + Pointer.escape(name))) {
				pointer = Pointer.child(pointer, name);
			}
			return new ConfigProblem(pointer, "duplicate property \"" + name + "\"");
		}
		return new ConfigProblem(where(e.getLocation()), "malformed JSON: " + plain(reason));
	}

	private static String where(TokenStreamLocation at) {
		return at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
	}

	/** Jackson's reason in the user's terms: no feature names, no redacted source markers. */
	private static String plain(String reason) {
		if (reason.contains("ALLOW_") || reason.contains("non-standard") || reason.contains("Non-standard")) {
			return "not strict JSON (comments, single quotes, unquoted names, trailing commas and NaN are not allowed)";
		}
		if (reason.contains("double-quote to start property name")) {
			return "expected a property name in double quotes (a trailing comma?)";
		}
		if (reason.startsWith("Unexpected end-of-input")) {
			return "unexpected end of input";
		}
		int marker = reason.indexOf(" (start marker");
		return marker > 0 ? reason.substring(0, marker) : reason;
	}
}
