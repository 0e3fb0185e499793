package org.irqdsl.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The catalog is consistent and docs/checks.md is its exact rendering. */
class CheckCatalogTest {

	private static final Path DOC = Path.of("../docs/checks.md");

	@Test
	void idsAreUniqueAndDocumentedWithASource() {
		Set<String> ids = new HashSet<>();
		for (CheckInfo c : IrqDslChecks.ALL) {
			assertThat(ids.add(c.id())).as("duplicate id %s", c.id()).isTrue();
			assertThat(c.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
			assertThat(c.documentation()).as(c.id()).isNotBlank();
			assertThat(c.source()).as(c.id()).isNotBlank();
		}
	}

	@Test
	void prerequisitesAreChecksOfTheSameSubjectWithoutCycles() {
		for (List<? extends Object> group : List.of(IrqDslChecks.PLATFORM_CHECKS,
				java.util.stream.Stream.concat(IrqDslChecks.SCENARIO_CHECKS.stream(), IrqDslChecks.SIMULATION_CHECKS.stream()).toList())) {
			Map<String, CheckInfo> byId = new HashMap<>();
			for (Object check : group) {
				CheckInfo info = check instanceof PlatformCheck p ? p.info() : ((ScenarioCheck) check).info();
				byId.put(info.id(), info);
			}
			for (CheckInfo c : byId.values()) {
				assertThat(byId.keySet()).as("prerequisites of %s run on the same platform or scenario", c.id())
						.containsAll(c.prerequisites());
				assertThat(reachable(c.id(), byId, new HashSet<>())).as("prerequisite cycle through %s", c.id())
						.doesNotContain(c.id());
			}
		}
		for (CheckInfo c : IrqDslChecks.ALL) {
			if (!List.of(CheckKind.PLATFORM, CheckKind.SCENARIO, CheckKind.SIMULATION).contains(c.kind())) {
				assertThat(c.prerequisites()).as(c.id()).isEmpty();
			}
		}
	}

	private static Set<String> reachable(String id, Map<String, CheckInfo> byId, Set<String> seen) {
		for (String p : byId.get(id).prerequisites()) {
			if (seen.add(p)) {
				reachable(p, byId, seen);
			}
		}
		return seen;
	}

	@Test
	void kindsFollowTheListsTheChecksAreIn() {
		IrqDslChecks.PLATFORM_CHECKS.stream().map(PlatformCheck::info).filter(c -> c != IrqDslChecks.DUPLICATE_NAME)
				.forEach(c -> assertThat(c.kind()).as(c.id()).isEqualTo(CheckKind.PLATFORM));
		IrqDslChecks.SCENARIO_CHECKS.forEach(c -> assertThat(c.info().kind()).as(c.info().id()).isEqualTo(CheckKind.SCENARIO));
		IrqDslChecks.SIMULATION_CHECKS.forEach(c -> assertThat(c.info().kind()).as(c.info().id()).isEqualTo(CheckKind.SIMULATION));
		assertThat(IrqDslChecks.byId("domain-cycle").orElseThrow().prerequisites()).isEmpty();
		assertThat(IrqDslChecks.byId("unmaskable-without-parent-mask").orElseThrow().prerequisites()).containsExactly("domain-cycle");
	}

	@Test
	void seedHazardsCiteTheirSeed() {
		assertThat(IrqDslChecks.byId("nonmaskable-msi-without-remap").orElseThrow().source()).contains("seed 001", "6f1a4891a592");
		assertThat(IrqDslChecks.byId("async-msi-write").orElseThrow().source()).contains("seed 000");
		assertThat(IrqDslChecks.byId("unmaskable-without-parent-mask").orElseThrow().source()).contains("seed 002");
		assertThat(IrqDslChecks.byId("retrigger-takes-held-lock").orElseThrow().source()).contains("seed 003");
		assertThat(IrqDslChecks.byId("vmd-useless-domain").orElseThrow().source()).contains("seed 004");
	}

	@Test
	void docsCheckMdIsTheRenderingOfTheCatalog() throws IOException {
		if (Boolean.getBoolean("irqdsl.writeDocs")) {
			CheckCatalogMarkdown.main(new String[] { DOC.toString() });
		}
		assertThat(Files.readString(DOC)).as("docs/checks.md is stale: rerun with -Dirqdsl.writeDocs=true")
				.isEqualTo(CheckCatalogMarkdown.render());
	}
}
