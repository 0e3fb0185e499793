package org.irqdsl.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.irqdsl.validation.Diagnostics;
import org.junit.jupiter.api.Test;

/**
 * The scenario's verdicts on its expect lines, for scenarios written fresh in DESIGN.md's normative
 * core syntax (held back from the examples): the editor's NORMAL checks simulate, the command line's
 * FAST checks do not.
 */
class ScenarioExpectationTest {

	private static String platform(String strategy, String maskable) {
		return """
				platform held_back {
				    cpus 4
				    domain vector : VECTOR {
				        vectors 0x20..0xff
				        msi-parent-ops {
				            supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX, MSI_FLAG_PCI_MSIX_ALLOC_DYN
				            required  MSI_FLAG_USE_DEF_DOM_OPS, MSI_FLAG_USE_DEF_CHIP_OPS
				            bus-token DOMAIN_BUS_ANY
				        }
				        affinity-update %s
				    }
				    bus pci pcie0 msi-parent vector {
				        device nic at "00:02.0" { msi count 1 %s }
				    }
				}

				scenario held_back_move on held_back {
				    initially nic.msi[0] on cpu 1 vector 0x40
				    concurrently {
				        cpu 1      { set-affinity nic.msi[0] cpu 3 vector 0x41 }
				        device nic { raise msi[0] }
				    }
				    expect no lost-interrupt
				}
				""".formatted(strategy, maskable);
	}

	private static List<Issue> verdicts(String text) {
		return Diagnostics.issues(CheckMode.NORMAL_AND_FAST, "held_back.irqdsl", text).stream()
				.filter(i -> ScenarioExpectation.INFO.id().equals(i.getCode())).toList();
	}

	@Test
	void aFailingExpectationIsAnErrorOnItsExpectLineWithTheTrace() {
		List<Issue> issues = verdicts(platform("direct", ""));
		assertThat(issues).hasSize(1);
		Issue i = issues.get(0);
		assertThat(i.getSeverity()).isEqualTo(Severity.ERROR);
		assertThat(i.getLineNumber()).isEqualTo(23);
		assertThat(i.getMessage()).startsWith("expect no lost-interrupt fails: lost-interrupt happens in the interleaving below:\n")
				.contains("write address_lo (cpu 3) -> device sees cpu 3 vector 0x40 (torn)")
				.contains("raise msi[0] -> cpu 3 vector 0x40 (torn message: new address, old data)")
				.contains("(cpu 3 vector 0x40: no owner) -> interrupt LOST");
	}

	@Test
	void aHoldingExpectationIsAnInfo() {
		for (String fixed : List.of(platform("two-step", ""), platform("masked", "maskable"), platform("direct", "maskable"))) {
			List<Issue> issues = verdicts(fixed);
			assertThat(issues).hasSize(1);
			assertThat(issues.get(0).getSeverity()).isEqualTo(Severity.INFO);
			assertThat(issues.get(0).getMessage()).startsWith("expect no lost-interrupt holds: no lost-interrupt in any interleaving");
		}
	}

	@Test
	void theCommandLinesFastChecksDoNotSimulate() {
		assertThat(Diagnostics.issues("held_back.irqdsl", platform("direct", "")))
				.noneMatch(i -> ScenarioExpectation.INFO.id().equals(i.getCode()));
	}

	@Test
	void aFileWithASyntaxErrorIsNotSimulated() {
		assertThat(verdicts(platform("direct", "") + "\nplatform {")).isEmpty();
	}

	@Test
	void whatTheSimulatorCannotModelIsAnErrorAtTheElementThatSaysIt() {
		String mixed = platform("direct", "").replace("{ msi count 1  }", "{ msi count 1 msi-x count 2 }")
				.replace("device nic { raise msi[0] }", "device nic { raise msi[0] raise msi-x[1] }");
		List<Issue> issues = Diagnostics.issues("held_back.irqdsl", mixed).stream()
				.filter(i -> ScenarioNotSimulable.INFO.id().equals(i.getCode())).toList();
		assertThat(issues).singleElement().satisfies(i -> {
			assertThat(i.getSeverity()).isEqualTo(Severity.ERROR);
			assertThat(i.getMessage()).isEqualTo(
					"the simulator models one capability per device: nic is used with msi and msi-x entries in this scenario");
		});
	}

	/** x86's vector domain does not support MSI_FLAG_MULTI_PCI_MSI: msi[1] is never granted, so it is not simulated. */
	@Test
	void aMultiMsiEntryTheParentDoesNotGrantIsNotSimulated() {
		String multi = platform("direct", "").replace("{ msi count 1  }", "{ msi count 4 }")
				.replace("device nic { raise msi[0] }", "device nic { raise msi[1] }");
		List<Issue> issues = Diagnostics.issues("held_back.irqdsl", multi).stream()
				.filter(i -> ScenarioNotSimulable.INFO.id().equals(i.getCode())).toList();
		assertThat(issues).singleElement().satisfies(i -> assertThat(i.getMessage()).isEqualTo(
				"nic.msi[1] is never granted: MSI_FLAG_MULTI_PCI_MSI is not in effect under MSI parent vector"
						+ " (msi_lib: flags &= supported), so the device gets one MSI vector"));
		String granted = multi.replace("supported MSI_GENERIC_FLAGS_MASK,", "supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_MULTI_PCI_MSI,");
		assertThat(Diagnostics.issues("held_back.irqdsl", granted)).noneMatch(i -> ScenarioNotSimulable.INFO.id().equals(i.getCode()));
	}
}
