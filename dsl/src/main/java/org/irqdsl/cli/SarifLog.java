package org.irqdsl.cli;

import org.irqdsl.workspace.WorkspaceChecker;
import java.nio.file.Path;
import java.util.List;

import org.irqdsl.diagnostics.Finding;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.IrqDslChecks;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * {@code irqdsl check --format sarif}: the findings as a SARIF 2.1.0 log (OASIS Static Analysis
 * Results Interchange Format), which code-scanning services and editors read. The rules are the
 * check catalog; each result names its rule by id and index, and its file relative to the
 * {@code SRCROOT} base (the working directory) when it lies below it.
 */
final class SarifLog {

	static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
	static final String SRCROOT = "SRCROOT";

	private SarifLog() {
	}

	static String render(WorkspaceChecker.Result result, Path base) {
		JsonObject driver = new JsonObject();
		driver.addProperty("name", "irqdsl");
		String version = IrqDslCli.class.getPackage().getImplementationVersion();
		if (version != null) {
			driver.addProperty("version", version);
		}
		JsonArray rules = new JsonArray();
		IrqDslChecks.ALL.forEach(c -> rules.add(rule(c)));
		driver.add("rules", rules);
		JsonObject tool = new JsonObject();
		tool.add("driver", driver);

		JsonObject run = new JsonObject();
		run.add("tool", tool);
		JsonObject srcroot = new JsonObject();
		srcroot.addProperty("uri", directoryUri(base));
		JsonObject bases = new JsonObject();
		bases.add(SRCROOT, srcroot);
		run.add("originalUriBaseIds", bases);
		run.add("invocations", invocations(result.internalErrors()));
		JsonArray results = new JsonArray();
		result.findings().forEach(f -> results.add(result(f, base)));
		run.add("results", results);

		JsonObject log = new JsonObject();
		log.addProperty("$schema", SCHEMA);
		log.addProperty("version", "2.1.0");
		JsonArray runs = new JsonArray();
		runs.add(run);
		log.add("runs", runs);
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(log);
	}

	private static JsonObject rule(CheckInfo c) {
		JsonObject rule = new JsonObject();
		rule.addProperty("id", c.id());
		rule.addProperty("name", pascalCase(c.id()));
		rule.add("shortDescription", text(c.title()));
		rule.add("fullDescription", text(c.documentation().strip()));
		JsonObject help = new JsonObject();
		String where = "docs/checks.md#" + c.id();
		help.addProperty("text", c.documentation().strip() + "\n\nSee " + where + ".");
		help.addProperty("markdown", c.documentation().strip() + "\n\nSee [" + where + "](" + where + ").");
		rule.add("help", help);
		JsonObject configuration = new JsonObject();
		configuration.addProperty("level", level(IrqDslChecks.label(c.severity())));
		rule.add("defaultConfiguration", configuration);
		JsonObject properties = new JsonObject();
		properties.addProperty("kind", c.kind().label());
		JsonArray prerequisites = new JsonArray();
		c.prerequisites().forEach(prerequisites::add);
		properties.add("prerequisites", prerequisites);
		properties.addProperty("source", c.source());
		rule.add("properties", properties);
		return rule;
	}

	private static JsonObject result(Finding f, Path base) {
		JsonObject result = new JsonObject();
		result.addProperty("ruleId", f.id());
		int index = ruleIndex(f.id());
		if (index >= 0) {
			result.addProperty("ruleIndex", index);
		}
		result.addProperty("level", level(f.severity()));
		result.add("message", text(f.message()));
		JsonObject artifact = new JsonObject();
		Path file = Path.of(f.file()).toAbsolutePath().normalize();
		if (file.startsWith(base)) {
			artifact.addProperty("uri", base.toUri().relativize(file.toUri()).toString());
			artifact.addProperty("uriBaseId", SRCROOT);
		} else {
			artifact.addProperty("uri", file.toUri().toString());
		}
		JsonObject region = new JsonObject();
		region.addProperty("startLine", Math.max(1, f.line()));
		region.addProperty("startColumn", Math.max(1, f.column()));
		JsonObject physical = new JsonObject();
		physical.add("artifactLocation", artifact);
		physical.add("region", region);
		JsonObject location = new JsonObject();
		location.add("physicalLocation", physical);
		JsonArray locations = new JsonArray();
		locations.add(location);
		result.add("locations", locations);
		return result;
	}

	private static JsonArray invocations(List<String> internalErrors) {
		JsonObject invocation = new JsonObject();
		invocation.addProperty("executionSuccessful", internalErrors.isEmpty());
		if (!internalErrors.isEmpty()) {
			JsonArray notifications = new JsonArray();
			for (String e : internalErrors) {
				JsonObject n = new JsonObject();
				n.addProperty("level", "error");
				n.add("message", text(e));
				notifications.add(n);
			}
			invocation.add("toolExecutionNotifications", notifications);
		}
		JsonArray invocations = new JsonArray();
		invocations.add(invocation);
		return invocations;
	}

	static int ruleIndex(String id) {
		for (int i = 0; i < IrqDslChecks.ALL.size(); i++) {
			if (IrqDslChecks.ALL.get(i).id().equals(id)) {
				return i;
			}
		}
		return -1;
	}

	/** SARIF's levels: error, warning, note (our info). */
	private static String level(String severity) {
		return switch (severity) {
		case "error" -> "error";
		case "warning" -> "warning";
		default -> "note";
		};
	}

	private static String directoryUri(Path dir) {
		String uri = dir.toUri().toString();
		return uri.endsWith("/") ? uri : uri + "/"; // a base URI must end with a slash (SARIF 3.14.14)
	}

	private static JsonObject text(String text) {
		JsonObject message = new JsonObject();
		message.add("text", new JsonPrimitive(text));
		return message;
	}

	private static String pascalCase(String id) {
		StringBuilder name = new StringBuilder();
		for (String part : id.split("-")) {
			name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
		}
		return name.toString();
	}
}
