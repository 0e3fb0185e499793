package org.irqdsl.runtime.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.irqdsl.runtime.sim.config.AffinityUpdate;
import org.irqdsl.runtime.sim.config.ConfigProblem;
import org.irqdsl.runtime.sim.config.EntryKind;
import org.irqdsl.runtime.sim.config.Op;
import org.irqdsl.runtime.sim.config.Property;
import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.sim.config.SimConfigException;
import org.irqdsl.runtime.sim.config.SimConfigReader;
import org.irqdsl.runtime.sim.config.SimConfigSchema;
import org.irqdsl.runtime.sim.config.SimConfigWriter;
import org.irqdsl.runtime.sim.config.ThreadSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SimConfigReaderTest {

	static String fixture(String name) {
		try (InputStream in = SimConfigReaderTest.class.getResourceAsStream("/sim/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new AssertionError(e);
		}
	}

	private static List<ConfigProblem> problems(String json) {
		SimConfigException e = catchThrowableOfType(SimConfigException.class, () -> SimConfigReader.read(json));
		assertThat(e).as("expected the config to be refused").isNotNull();
		return e.problems();
	}

	/** The normative torn_update document with {@code from} replaced by {@code to}. */
	private static String tornUpdateWith(String from, String to) {
		String json = fixture("torn_update.json");
		assertThat(json).contains(from);
		return json.replace(from, to);
	}

	@Test
	void readsTheNormativeTornUpdateScenario() throws Exception {
		SimConfig c = SimConfigReader.read(fixture("torn_update.json"));
		assertThat(c.scenario()).isEqualTo("torn_update");
		assertThat(c.cpus()).hasSize(4);
		assertThat(c.device("nic").orElseThrow().entriesMaskable()).isFalse();
		assertThat(c.device("nvme0").orElseThrow().entriesMaskable()).isTrue();
		assertThat(c.device("ahci").orElseThrow().entriesMaskable()).isTrue();
		assertThat(c.device("nic").orElseThrow().affinityUpdate()).isEqualTo(AffinityUpdate.TWO_STEP);
		assertThat(c.initially().get(0).vector()).isEqualTo(0x30);
		assertThat(c.threads().get(0)).isInstanceOf(ThreadSpec.CpuThread.class);
		Op.SetAffinity move = (Op.SetAffinity) c.threads().get(0).ops().get(0);
		assertThat(move.entry().kind()).isEqualTo(EntryKind.MSI);
		assertThat(move.vector()).isEqualTo(0x31);
		SimResult r = Simulator.run(c);
		assertThat(r.expectations().get(0).verdict()).isEqualTo(Verdict.HOLDS);
	}

	@Test
	void readsAVmdWithExplicitCpuIdsAndRunsIt() throws Exception {
		SimConfig c = SimConfigReader.read(fixture("vmd_teardown.json"));
		assertThat(c.cpus()).extracting(cpu -> cpu.id() + (cpu.online() ? "" : " offline")).containsExactly("0", "1", "8 offline");
		SimResult r = Simulator.run(c);
		assertThat(r.expectations().get(0).verdict()).isEqualTo(Verdict.HOLDS);
		assertThat(r.trace(Property.USE_AFTER_FREE).orElseThrow().columns()).containsExactly("CPU0", "CPU1", "Device nvme1");
	}

	@Test
	void malformedJsonIsReportedByLineAndColumn() {
		List<ConfigProblem> p = problems("{\n  \"format\": \"irqdsl-sim-config/1\",\n  \"cpus\": { \"count\": 4 \n}");
		assertThat(p).hasSize(1);
		assertThat(p.get(0).where()).matches("line \\d+, column \\d+");
		assertThat(p.get(0).message()).startsWith("malformed JSON");
		assertThat(p.get(0).toString()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	@Test
	void emptyDocumentAndTrailingGarbage() {
		assertThat(problems("")).extracting(ConfigProblem::message).containsExactly("empty document: expected a JSON object");
		assertThat(problems("{} {}")).extracting(ConfigProblem::message)
				.containsExactly("unexpected content after the JSON document");
	}

	@Test
	void duplicatePropertiesAreRefused() {
		List<ConfigProblem> p = problems(tornUpdateWith("\"scenario\": \"torn_update\",",
				"\"scenario\": \"torn_update\", \"scenario\": \"again\","));
		assertThat(p).containsExactly(new ConfigProblem("/scenario", "duplicate property \"scenario\""));
	}

	@Test
	void missingRequiredPropertiesAreNamedWithTheirObject() {
		List<ConfigProblem> p = problems("{ \"format\": \"irqdsl-sim-config/1\" }");
		assertThat(p).extracting(ConfigProblem::toString).contains(
				"/: missing required property \"cpus\"",
				"/: missing required property \"devices\"",
				"/: missing required property \"threads\"",
				"/: missing required property \"expectations\"");
	}

	@Test
	void schemaViolationsCarryTheirJsonPointerAndWhatWasExpected() {
		assertThat(problems(tornUpdateWith("\"affinityUpdate\": \"two-step\" },\n    { \"name\": \"nvme0\"",
				"\"affinityUpdate\": \"two_step\" },\n    { \"name\": \"nvme0\"")))
				.containsExactly(new ConfigProblem("/devices/0/affinityUpdate",
						"must be one of \"direct\", \"masked\", \"two-step\", \"lazy-move\", \"remap\", \"immutable\", found \"two_step\""));
		assertThat(problems(tornUpdateWith("\"cpu\": 2, \"vector\": \"0x31\"", "\"cpu\": \"2\", \"vector\": \"0x31\"")))
				.containsExactly(new ConfigProblem("/threads/0/ops/0/cpu", "expected an integer, found \"2\""));
		assertThat(problems(tornUpdateWith("\"op\": \"set-affinity\"", "\"op\": \"set_affinity\"")))
				.containsExactly(new ConfigProblem("/threads/0/ops/0/op",
						"must be one of \"set-affinity\", \"request_irq\", \"free_irq\", \"enable_irq\", \"disable_irq\", \"offline\", \"online\", found \"set_affinity\""));
		assertThat(problems(tornUpdateWith("\"entry\": \"nic.msi[0]\", \"cpu\": 1", "\"entry\": \"nic.msi(0)\", \"cpu\": 1")))
				.containsExactly(new ConfigProblem("/initially/0/entry",
						"expected an entry as the language writes it: device.msi[i] or device.msi-x[i], found \"nic.msi(0)\""));
		assertThat(problems(tornUpdateWith("\"vector\": \"0x30\"", "\"vector\": 300")))
				.containsExactly(new ConfigProblem("/initially/0/vector", "must be at most 255, found 300"));
		assertThat(problems(tornUpdateWith("\"vector\": \"0x30\"", "\"vector\": \"0x3g\"")))
				.containsExactly(new ConfigProblem("/initially/0/vector", "expected a string matching ^0[xX][0-9a-fA-F]{1,2}$, found \"0x3g\""));
		assertThat(problems(tornUpdateWith("\"occurs\": false", "\"occurs\": false, \"when\": \"always\"")))
				.containsExactly(new ConfigProblem("/expectations/0/when",
						"unknown property \"when\" (expected one of: property, occurs)"));
		assertThat(problems(tornUpdateWith("{ \"device\": \"nic\", \"ops\"", "{ \"ops\"")))
				.extracting(ConfigProblem::where).containsExactly("/threads/1");
		assertThat(problems(tornUpdateWith("\"format\": \"irqdsl-sim-config/1\"", "\"format\": \"irqdsl-sim-config/2\"")))
				.containsExactly(new ConfigProblem("/format", "must be \"irqdsl-sim-config/1\", found \"irqdsl-sim-config/2\""));
	}

	@Test
	void referencesAndRangesAreCheckedAfterTheSchema() {
		assertThat(problems(tornUpdateWith("\"entry\": \"nic.msi[0]\", \"cpu\": 2", "\"entry\": \"nix.msi[0]\", \"cpu\": 2")))
				.containsExactly(new ConfigProblem("/threads/0/ops/0/entry", "no device \"nix\" (devices: nic, nvme0, ahci)"));
		assertThat(problems(tornUpdateWith("\"entry\": \"nic.msi[0]\", \"cpu\": 2", "\"entry\": \"nic.msi[1]\", \"cpu\": 2")))
				.containsExactly(new ConfigProblem("/threads/0/ops/0/entry",
						"nic has 1 msi entry: expected index 0..0, found 1"));
		assertThat(problems(tornUpdateWith("\"entry\": \"nic.msi[0]\", \"cpu\": 2", "\"entry\": \"nic.msi-x[0]\", \"cpu\": 2")))
				.containsExactly(new ConfigProblem("/threads/0/ops/0/entry",
						"nic has msi, not msi-x: expected nic.msi[0]"));
		assertThat(problems(tornUpdateWith("\"cpu\": 2, \"vector\": \"0x31\"", "\"cpu\": 7, \"vector\": \"0x31\"")))
				.containsExactly(new ConfigProblem("/threads/0/ops/0/cpu", "CPU 7 is not a CPU of the platform (CPUs: 0, 1, 2, 3)"));
		assertThat(problems(tornUpdateWith("\"cpu\": 2, \"vector\": \"0x31\"", "\"cpu\": 2, \"vector\": \"0x10\"")))
				.containsExactly(new ConfigProblem("/threads/0/ops/0/vector", "vector 0x10 is outside the vector range 0x20..0xff"));
		assertThat(problems(tornUpdateWith("\"affinityUpdate\": \"two-step\" },\n    { \"name\": \"nvme0\"",
				"\"affinityUpdate\": \"two-step\", \"remap\": true },\n    { \"name\": \"nvme0\"")))
				.extracting(ConfigProblem::where).containsExactly("/devices/0/affinityUpdate");
		assertThat(problems(tornUpdateWith("{ \"cpu\": 1, \"ops\": [ {", "{ \"cpu\": 1, \"ops\": [ { \"op\": \"request_irq\", \"entry\": \"nic.msi[0]\" }, {")))
				.containsExactly(new ConfigProblem("/threads/0/ops/0/entry", "nic.msi[0] is already requested (see \"initially\")"));
		assertThat(problems(tornUpdateWith("\"capability\": \"msi-x\", \"count\": 32,", "\"capability\": \"msi-x\", \"count\": 32, \"maskable\": false,")))
				.extracting(ConfigProblem::where).containsExactly("/devices/1/maskable");
		assertThat(problems(tornUpdateWith("\"cpus\": { \"count\": 4 }", "\"cpus\": { \"count\": 4, \"offline\": [9] }")))
				.containsExactly(new ConfigProblem("/cpus/offline/0", "CPU 9 is not a CPU of the platform (CPUs: [0, 1, 2, 3])"));
	}

	@Test
	void allProblemsAreReportedTogetherAndInTheMessage() {
		SimConfigException e = catchThrowableOfType(SimConfigException.class, () -> SimConfigReader.read(
				tornUpdateWith("\"cpu\": 2, \"vector\": \"0x31\"", "\"cpu\": 7, \"vector\": \"0x10\"")));
		assertThat(e.problems()).hasSize(2);
		assertThat(e.getMessage()).contains("/threads/0/ops/0/cpu: CPU 7").contains("/threads/0/ops/0/vector: vector 0x10");
	}

	static List<SimConfig> seedConfigs() {
		return SeedConfigs.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("seedConfigs")
	void writerOutputReadsBackToAnEqualConfig(SimConfig config) throws Exception {
		String json = SimConfigWriter.write(config);
		assertThat(SimConfigSchema.get().validate(json)).isEmpty();
		assertThat(SimConfigReader.read(json)).isEqualTo(config);
	}

	@Test
	void writerRoundTripsTheFixtures() throws Exception {
		for (String f : List.of("torn_update.json", "vmd_teardown.json")) {
			SimConfig c = SimConfigReader.read(fixture(f));
			assertThat(SimConfigReader.read(SimConfigWriter.write(c))).isEqualTo(c);
		}
	}

	@Test
	void thePublishedSchemaIsLoadedWithItsId() {
		assertThat(SimConfigSchema.get().id()).isEqualTo("https://irqdsl.org/schema/irqdsl-sim-config.schema.json");
	}

	@Test
	void malformedJsonNamesTheParsersLineAndColumn() {
		assertThat(problems("{\n  \"format\": \"irqdsl-sim-config/1\",\n  \"cpus\": { \"count\": 4, }\n}"))
				.containsExactly(new ConfigProblem("line 3, column 25", "malformed JSON: expected a property name in double quotes (a trailing comma?)"));
		assertThat(problems("{\n  // a comment\n}")).containsExactly(new ConfigProblem("line 2, column 3",
				"malformed JSON: not strict JSON (comments, single quotes, unquoted names, trailing commas and NaN are not allowed)"));
		assertThat(problems("{}\n\n  {}")).containsExactly(new ConfigProblem("line 3, column 3", "unexpected content after the JSON document"));
	}

	@Test
	void duplicatesInsideNestedObjectsAreNamedByTheirPointer() {
		assertThat(problems(tornUpdateWith("\"cpus\": { \"count\": 4 }", "\"cpus\": { \"count\": 4, \"count\": 5 }")))
				.containsExactly(new ConfigProblem("/cpus/count", "duplicate property \"count\""));
	}

	@Test
	void duplicateArrayItemsAreNamedByTheirIndex() {
		assertThat(problems(tornUpdateWith("\"cpus\": { \"count\": 4 }", "\"cpus\": { \"count\": 4, \"offline\": [1, 2, 1] }")))
				.containsExactly(new ConfigProblem("/cpus/offline/2", "duplicate item 1"));
	}
}
