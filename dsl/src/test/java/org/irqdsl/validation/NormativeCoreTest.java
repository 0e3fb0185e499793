package org.irqdsl.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The normative core files of DESIGN.md parse and check exactly as written. */
class NormativeCoreTest {

	static String example(String name) throws IOException {
		return Files.readString(Path.of("../examples", name));
	}

	@Test
	void x86NoRemapParsesWithTheSeedHazardsOnTheNonMaskableNic() throws IOException {
		assertThat(Diagnostics.of(example("normative/x86_noremap.irqdsl"))).containsExactly(
				"16: info [nonmaskable-msi-without-remap]",
				"16: warning [unmaskable-without-parent-mask]");
	}

	@Test
	void x86WithInterruptRemappingHasNoTornUpdate() throws IOException {
		assertThat(Diagnostics.of(example("normative/x86_ir.irqdsl"))).containsExactly(
				"21: warning [unmaskable-without-parent-mask]");
	}
}
