package org.irqdsl.cli;

import org.irqdsl.workspace.SourceFiles;
import org.irqdsl.workspace.WorkspaceChecker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.cli.CliRun.X86_IR;
import static org.irqdsl.cli.CliRun.check;
import static org.irqdsl.cli.CliRun.write;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import org.irqdsl.IrqDslInjector;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.IrqDslChecks;
import org.irqdsl.validation.policy.SeverityPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** {@code irqdsl check --format sarif}: a SARIF 2.1.0 log that the official schema accepts. */
class SarifLogTest {

	@TempDir
	Path dir;

	/** The official OASIS schema (src/test/resources/sarif/SOURCES.md), a draft-04 JSON schema. */
	private static List<Error> schemaErrors(String json) throws IOException {
		try (InputStream in = SarifLogTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
			Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
			return schema.validate(json, InputFormat.JSON,
					context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
		}
	}

	@Test
	void theLogOfACheckIsValidSarif() throws IOException {
		Path file = write(dir, "x86_ir.irqdsl", X86_IR.replace("    cpus 8", "    cpus 8 // irqdsl-ignore(nosuch)"));
		write(dir, "broken.irqdsl", "platform {");
		CliRun run = check("--format", "sarif", dir);
		assertThat(run.exit()).isEqualTo(1);
		assertThat(schemaErrors(run.out())).isEmpty();
		JsonObject log = new Gson().fromJson(run.out(), JsonObject.class);
		assertThat(log.get("version").getAsString()).isEqualTo("2.1.0");
		JsonObject sarifRun = log.getAsJsonArray("runs").get(0).getAsJsonObject();
		JsonArray rules = sarifRun.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules");
		assertThat(rules).hasSize(IrqDslChecks.ALL.size());
		JsonArray results = sarifRun.getAsJsonArray("results");
		assertThat(results).hasSize(3); // a syntax error, the unknown id in the suppression, the warning
		for (var r : results) {
			JsonObject result = r.getAsJsonObject();
			JsonObject rule = rules.get(result.get("ruleIndex").getAsInt()).getAsJsonObject();
			assertThat(rule.get("id").getAsString()).isEqualTo(result.get("ruleId").getAsString());
			JsonObject location = result.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation");
			// the temporary folder is outside the working directory: an absolute file URI
			assertThat(location.getAsJsonObject("artifactLocation").get("uri").getAsString()).startsWith("file:/");
		}
		assertThat(results.asList()).anySatisfy(r -> {
			JsonObject result = r.getAsJsonObject();
			assertThat(result.get("ruleId").getAsString()).isEqualTo("unmaskable-without-parent-mask");
			assertThat(result.get("level").getAsString()).isEqualTo("warning");
			assertThat(result.getAsJsonObject("message").get("text").getAsString()).startsWith("device nic (00:02.0): MSI cannot be masked");
			JsonObject region = result.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation")
					.getAsJsonObject("region");
			assertThat(region.get("startLine").getAsInt()).isEqualTo(21);
			assertThat(region.get("startColumn").getAsInt()).isEqualTo(35);
			assertThat(result.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation")
					.getAsJsonObject("artifactLocation").get("uri").getAsString()).isEqualTo(file.toUri().toString());
		});
	}

	@Test
	void rulesComeFromTheCatalog() throws IOException {
		JsonObject log = new Gson().fromJson(check("--format", "sarif", write(dir, "x.irqdsl", X86_IR)).out(), JsonObject.class);
		JsonArray rules = log.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonObject("tool").getAsJsonObject("driver")
				.getAsJsonArray("rules");
		CheckInfo walk = IrqDslChecks.byId("unmaskable-without-parent-mask").orElseThrow();
		JsonObject rule = rules.get(IrqDslChecks.ALL.indexOf(walk)).getAsJsonObject();
		assertThat(rule.get("id").getAsString()).isEqualTo(walk.id());
		assertThat(rule.get("name").getAsString()).isEqualTo("UnmaskableWithoutParentMask");
		assertThat(rule.getAsJsonObject("shortDescription").get("text").getAsString()).isEqualTo(walk.title());
		assertThat(rule.getAsJsonObject("fullDescription").get("text").getAsString()).isEqualTo(walk.documentation().strip());
		assertThat(rule.getAsJsonObject("help").get("markdown").getAsString())
				.endsWith("[docs/checks.md#unmaskable-without-parent-mask](docs/checks.md#unmaskable-without-parent-mask).");
		assertThat(rule.getAsJsonObject("defaultConfiguration").get("level").getAsString()).isEqualTo("warning");
		assertThat(rule.getAsJsonObject("properties").getAsJsonArray("prerequisites").get(0).getAsString()).isEqualTo("domain-cycle");
		JsonObject info = rules.get(IrqDslChecks.ALL.indexOf(IrqDslChecks.byId("nonmaskable-msi-without-remap").orElseThrow()))
				.getAsJsonObject();
		assertThat(info.getAsJsonObject("defaultConfiguration").get("level").getAsString()).isEqualTo("warning");
	}

	@Test
	void filesBelowTheBaseAreRelativeToSrcroot() throws IOException {
		Path file = write(dir, "sub dir/x86 ir.irqdsl", X86_IR);
		WorkspaceChecker.Result result = IrqDslInjector.get().getInstance(WorkspaceChecker.class)
				.check(List.of(file), new SourceFiles(1 << 20), SeverityPolicy.NONE);
		String sarif = SarifLog.render(result, dir);
		assertThat(schemaErrors(sarif)).isEmpty();
		JsonObject sarifRun = new Gson().fromJson(sarif, JsonObject.class).getAsJsonArray("runs").get(0).getAsJsonObject();
		assertThat(sarifRun.getAsJsonObject("originalUriBaseIds").getAsJsonObject("SRCROOT").get("uri").getAsString())
				.isEqualTo(dir.toUri().toString()).endsWith("/");
		JsonObject artifact = sarifRun.getAsJsonArray("results").get(0).getAsJsonObject().getAsJsonArray("locations").get(0)
				.getAsJsonObject().getAsJsonObject("physicalLocation").getAsJsonObject("artifactLocation");
		assertThat(artifact.get("uri").getAsString()).isEqualTo("sub%20dir/x86%20ir.irqdsl");
		assertThat(artifact.get("uriBaseId").getAsString()).isEqualTo("SRCROOT");
	}

	@Test
	void theSchemaCheckRejectsAnInvalidLog() throws IOException {
		// the schema really is applied: a result without a message, a level SARIF does not know
		String bad = """
				{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "irqdsl"}},
				 "results": [{"ruleId": "x", "level": "info"}]}]}""";
		assertThat(schemaErrors(bad)).isNotEmpty();
	}

	@Test
	void listChecksPrintsTheCatalog() {
		CliRun text = check("--list-checks");
		assertThat(text.exit()).isZero();
		assertThat(text.lines()).hasSize(IrqDslChecks.ALL.size() + 1);
		assertThat(text.lines().get(0)).matches("ID +KIND +SEVERITY +PREREQUISITES +WHAT");
		assertThat(text.lines()).anyMatch(l -> l.matches(
				"unmaskable-without-parent-mask +platform +warning +domain-cycle +Device cannot mask and the parent does not mask"));
		assertThat(text.lines()).anyMatch(l -> l.matches("scenario-expectation +simulation +error +entry-index,scenario-not-simulable +.*"));
		CliRun json = check("--list-checks", "--format", "json");
		JsonArray checks = new Gson().fromJson(json.out(), JsonArray.class);
		assertThat(checks).hasSize(IrqDslChecks.ALL.size());
		JsonObject first = checks.get(0).getAsJsonObject();
		assertThat(first.keySet()).containsExactly("id", "kind", "severity", "prerequisites", "title");
		CliRun sarif = check("--list-checks", "--format", "sarif");
		assertThat(sarif.exit()).isEqualTo(2);
		assertThat(sarif.err()).startsWith("irqdsl check: --list-checks --format sarif: expected --format text or json");
	}
}
