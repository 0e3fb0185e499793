package org.irqdsl.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
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
