package org.irqdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.cli.CliRun.X86_IR;
import static org.irqdsl.cli.CliRun.X86_IR_WARNING;
import static org.irqdsl.cli.CliRun.check;
import static org.irqdsl.cli.CliRun.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check policy as {@code irqdsl check} applies it: the folder's .irqdsl-checks file, -W/-E
 * over it, irqdsl-ignore comments, prerequisites. (The validator applies it, so editors do too:
 * PolicyInTheValidatorTest.)
 */
class CheckPolicyTest {

	@TempDir
	Path dir;

	/** X86_IR's device line, where its one warning is. */
	private static final String NIC = "        device nic at \"00:02.0\" { msi count 1 }";

	private static final String CYCLE = """
			platform cyc {
			    cpus 4
			    domain a : VECTOR parent b {
			        vectors 0x20..0xff
			        msi-parent-ops {
			            supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX
			            required  MSI_FLAG_USE_DEF_DOM_OPS, MSI_FLAG_USE_DEF_CHIP_OPS
			        }
			    }
			    domain b : DMAR parent a {
			        msi-parent-ops {
			            supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX
			            bus-token DOMAIN_BUS_DMAR
			            select    MATCH_PCI_MSI
			        }
			        affinity-update remap
			    }
			    bus pci pcie0 msi-parent b {
			        device nic at "00:04.0" { msi count 1 }
			    }
			}
			""";

	@Test
	void aDomainCycleNoLongerCascadesIntoTheHierarchyWalksFindings() throws IOException {
		Path file = write(dir, "cycle.irqdsl", CYCLE);
		CliRun run = check(file);
		// before prerequisites, the walk over the cyclic hierarchy also reported the nic as unmaskable
		assertThat(run.lines()).hasSize(3).allMatch(l -> l.endsWith("[domain-cycle]") || l.startsWith("1 file checked"));
		// the same device under an acyclic hierarchy gets the finding: the prerequisite only skips it on a cycle
		CliRun acyclic = check(write(dir, "acyclic/a.irqdsl", CYCLE.replace("domain a : VECTOR parent b", "domain a : VECTOR")));
		assertThat(acyclic.out()).contains("[unmaskable-without-parent-mask]").doesNotContain("[domain-cycle]");
	}

	@Test
	void theFoldersConfigurationTurnsChecksOffAndSetsTheirSeverity() throws IOException {
		Path file = write(dir, "x86_ir.irqdsl", X86_IR);
		assertThat(check(file).lines()).contains(file + ":" + X86_IR_WARNING);
		write(dir, ".irqdsl-checks", "# quiet\nunmaskable-without-parent-mask: off   # reviewed\n");
		CliRun off = check(file);
		assertThat(off.lines()).containsExactly("1 file checked: 0 errors, 0 warnings, 0 info.");
		// -W over the file
		assertThat(check("-W", "unmaskable-without-parent-mask", file).lines()).contains(file + ":" + X86_IR_WARNING);

		write(dir, ".irqdsl-checks", "unmaskable-without-parent-mask: error\n");
		CliRun error = check(file);
		assertThat(error.exit()).isEqualTo(1);
		assertThat(error.lines()).contains(file + ":" + X86_IR_WARNING.replace(": warning: ", ": error: "));
		// -W no- over the file
		assertThat(check("-W", "no-unmaskable-without-parent-mask", file).exit()).isZero();
	}

	@Test
	void theConfigurationAppliesToItsFolderOnly() throws IOException {
		Path inner = write(dir, "sub/x86_ir.irqdsl", X86_IR);
		write(dir, ".irqdsl-checks", "unmaskable-without-parent-mask: off\n");
		assertThat(check(inner).lines()).contains(inner + ":" + X86_IR_WARNING);
	}

	@Test
	void anEditedConfigurationIsReadAgain() throws IOException {
		Path file = write(dir, "x86_ir.irqdsl", X86_IR);
		Path config = write(dir, ".irqdsl-checks", "unmaskable-without-parent-mask: info\n");
		Files.setLastModifiedTime(config, FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
		assertThat(check(file).out()).contains(": info: device nic");
		write(dir, ".irqdsl-checks", "unmaskable-without-parent-mask: error\n");
		Files.setLastModifiedTime(config, FileTime.from(Instant.parse("2024-01-01T00:00:01Z")));
		assertThat(check(file).out()).contains(": error: device nic");
		Files.delete(config);
		assertThat(check(file).out()).contains(": warning: device nic");
	}

	@Test
	void aBadConfigurationLineIsAFindingNamingFileAndLine() throws IOException {
		Path file = write(dir, "x86_ir.irqdsl", X86_IR);
		Path config = write(dir, ".irqdsl-checks", """
				# comment
				no-such-check: off
				unmaskable-without-parent-mask: loud
				just some words
				unmaskable-without-parent-mask: info
				""");
		CliRun run = check(file);
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.lines()).contains(
				file + ":1:1: error: " + config.toAbsolutePath() + ":2: no check has the id 'no-such-check'; expected a check id (irqdsl check --list-checks lists them) [check-config]",
				file + ":1:1: error: " + config.toAbsolutePath() + ":3: unknown severity 'loud' for unmaskable-without-parent-mask; expected off, info, warning or error [check-config]",
				file + ":1:1: error: " + config.toAbsolutePath() + ":4: 'just some words': expected '<check-id>: off|info|warning|error' or a '#' comment [check-config]");
		// the good lines still apply
		assertThat(run.out()).contains(": info: device nic");
	}

	@Test
	void aCommentSuppressesOneFindingAtItsLine() throws IOException {
		Path same = write(dir, "same/x86_ir.irqdsl", X86_IR.replace(NIC, NIC + " // irqdsl-ignore(unmaskable-without-parent-mask) reviewed"));
		assertThat(check(same).lines()).containsExactly("1 file checked: 0 errors, 0 warnings, 0 info.");
		Path next = write(dir, "next/x86_ir.irqdsl",
				X86_IR.replace(NIC, "        // irqdsl-ignore-next-line(vector-range, unmaskable-without-parent-mask)\n" + NIC));
		CliRun run = check(next);
		// the device moved one line down; vector-range found nothing there: that part is unused
		assertThat(run.lines()).containsExactly(
				next + ":21:9: warning: irqdsl-ignore(vector-range) suppresses nothing: line 22 has no vector-range finding; remove it [unused-suppression]",
				"1 file checked: 0 errors, 1 warning, 0 info.");
	}

	@Test
	void aSuppressionOnAnotherLineOrForAnotherCheckSuppressesNothing() throws IOException {
		Path file = write(dir, "x86_ir.irqdsl", X86_IR.replace("    cpus 8", "    cpus 8 // irqdsl-ignore(unmaskable-without-parent-mask)")
				.replace(NIC, NIC + " // irqdsl-ignore(no-msi-parent, no-such-id)"));
		CliRun run = check(file);
		assertThat(run.lines()).containsExactly(
				file + ":3:12: warning: irqdsl-ignore(unmaskable-without-parent-mask) suppresses nothing: this line has no unmaskable-without-parent-mask finding; remove it [unused-suppression]",
				file + ":" + X86_IR_WARNING,
				file + ":21:49: warning: irqdsl-ignore(no-msi-parent) suppresses nothing: this line has no no-msi-parent finding; remove it [unused-suppression]",
				file + ":21:49: warning: irqdsl-ignore names no check 'no-such-id'; expected a check id (irqdsl check --list-checks lists them) [unused-suppression]",
				"1 file checked: 0 errors, 4 warnings, 0 info.");
	}

	@Test
	void aMalformedSuppressionSaysWhatWasExpected() throws IOException {
		Path file = write(dir, "x86_ir.irqdsl", X86_IR.replace(NIC, NIC + " // irqdsl-ignore"));
		assertThat(check(file).out()).contains(
				":21:49: warning: irqdsl-ignore without its check ids: expected irqdsl-ignore(<check-id>, ...) [unused-suppression]",
				X86_IR_WARNING);
	}

	@Test
	void aSuppressionOfACheckThatIsOffOrNotRunIsNotReportedUnused() throws IOException {
		Path file = write(dir, "x86_ir.irqdsl",
				X86_IR.replace(NIC, NIC + " // irqdsl-ignore(unmaskable-without-parent-mask, scenario-expectation)"));
		assertThat(check(file).lines()).containsExactly("1 file checked: 0 errors, 0 warnings, 0 info.");
		assertThat(check("-W", "no-unmaskable-without-parent-mask", file).lines())
				.containsExactly("1 file checked: 0 errors, 0 warnings, 0 info.");
	}
}
