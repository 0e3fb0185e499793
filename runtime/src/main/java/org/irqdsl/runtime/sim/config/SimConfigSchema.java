package org.irqdsl.runtime.sim.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;

/**
 * The published simulator-config schema (JSON Schema 2020-12), validated by networknt's
 * json-schema-validator; its errors are worded by {@link SchemaErrors} (JSON pointer and what was
 * expected, the meant alternative of a failed oneOf).
 */
public final class SimConfigSchema {

	/** Classpath location of the published schema. */
	public static final String SCHEMA_RESOURCE = "/irqdsl-sim-config.schema.json";

	private static final SimConfigSchema INSTANCE = load();

	private final JsonNode root;
	private final Schema schema;

	private SimConfigSchema(JsonNode root) {
		this.root = root;
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
		this.schema = registry.getSchema(SchemaLocation.of(id(root)), root);
		schema.initializeValidators();
	}

	/** The validator for the published simulator-config schema (loaded once). */
	public static SimConfigSchema get() {
		return INSTANCE;
	}

	private static SimConfigSchema load() {
		try (InputStream in = SimConfigSchema.class.getResourceAsStream(SCHEMA_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("schema resource missing: " + SCHEMA_RESOURCE);
			}
			return new SimConfigSchema(JsonDocument.MAPPER.readTree(in));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String id(JsonNode root) {
		return root.path("$id").asString();
	}

	/** The schema's {@code $id}. */
	public String id() {
		return id(root);
	}

	/** Every problem of {@code json}: malformed JSON by line and column, schema violations by JSON pointer. */
	public List<ConfigProblem> validate(String json) {
		List<ConfigProblem> problems = new ArrayList<>();
		JsonNode tree = JsonDocument.parse(json, problems);
		if (tree != null) {
			problems.addAll(validate(tree));
		}
		return problems;
	}

	List<ConfigProblem> validate(JsonNode value) {
		return new SchemaErrors(root).explain(schema.validate(value));
	}
}
