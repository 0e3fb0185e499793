package org.irqdsl.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The importer's check of its generated text: in memory, each finding tied to its declaration by its EObject. */
class GeneratedPlatformCheckTest {

	@Test
	void findingsNameTheDeviceTheyAreAboutAndTheFileTheyWillBeWrittenTo() throws Exception {
		String text = Files.readString(Path.of("../examples/normative/x86_noremap.irqdsl"));
		List<GeneratedPlatformCheck.Checked> checked = GeneratedPlatformCheck.check(text, "out/x86.irqdsl");
		assertThat(checked).filteredOn(c -> c.finding().id().equals("unmaskable-without-parent-mask"))
				.extracting(GeneratedPlatformCheck.Checked::subject).containsExactly("device nic");
		assertThat(checked).allSatisfy(c -> assertThat(c.finding().file()).isEqualTo("out/x86.irqdsl"));
	}

	@Test
	void aFindingOnABusDeclarationSpreadOverLinesIsTheBuss() {
		// the bus's findings sit on its header; its devices' lines come between header and brace
		String text = """
				platform p {
				    cpus 2
				    domain vector : VECTOR {
				        vectors 0x20..0xff
				    }
				    bus pci pcie0 {
				        device nic at "00:02.0" { msi count 1 }
				    }
				}
				""";
		List<GeneratedPlatformCheck.Checked> checked = GeneratedPlatformCheck.check(text, "p.irqdsl");
		assertThat(checked).filteredOn(c -> c.finding().id().equals("no-msi-parent"))
				.extracting(GeneratedPlatformCheck.Checked::subject).containsExactly("bus pcie0");
		assertThat(checked).filteredOn(c -> c.subject().equals("platform")).extracting(c -> c.finding().id())
				.doesNotContain("no-msi-parent");
	}
}
