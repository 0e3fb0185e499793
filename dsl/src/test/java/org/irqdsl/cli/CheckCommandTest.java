package org.irqdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.cli.CliRun.CLEAN;
import static org.irqdsl.cli.CliRun.X86_IR;
import static org.irqdsl.cli.CliRun.X86_IR_WARNING;
import static org.irqdsl.cli.CliRun.check;
import static org.irqdsl.cli.CliRun.irqdsl;
import static org.irqdsl.cli.CliRun.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.IrqDslChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** {@code irqdsl check} on well-formed input: output lines, summary, exit status, JSON, -W and -E. */
class CheckCommandTest {

	@TempDir
	Path dir;

	/** A platform whose MSI count is not a power of two: one error (msi-count), line 5. */
	static final String MSI_COUNT_3 = """
			platform bad_count {
			    cpus 2
			    domain vector : VECTOR { vectors 0x20..0xff msi-parent-ops { supported MSI_FLAG_PCI_MSIX, MSI_FLAG_MULTI_PCI_MSI } }
			    bus pci pcie0 msi-parent vector {
			        device nic at "00:02.0" { msi count 3 maskable }
			    }
			}
			""";

	@Test
	void cleanFileExitsZeroWithOnlyTheSummary() throws IOException {
		Path file = write(dir, "clean.irqdsl", CLEAN);
		CliRun run = check(file);
		assertThat(run.exit()).isZero();
		assertThat(run.lines()).containsExactly("1 file checked: 0 errors, 0 warnings, 0 info.");
		assertThat(run.err()).isEmpty();
	}

	@Test
	void warningsAloneExitZero() throws IOException {
		Path file = write(dir, "x86_ir.irqdsl", X86_IR);
		CliRun run = check(file);
		assertThat(run.exit()).isZero();
		assertThat(run.lines()).containsExactly(file + ":" + X86_IR_WARNING, "1 file checked: 0 errors, 1 warning, 0 info.");
	}

	@Test
	void anErrorExitsOne() throws IOException {
		Path file = write(dir, "count.irqdsl", MSI_COUNT_3);
		CliRun run = check(file);
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.lines()).containsExactly(
				file + ":5:45: error: nic: MSI count 3 is not 1, 2, 4, 8, 16 or 32 [msi-count]",
				"1 file checked: 1 error, 0 warnings, 0 info.");
	}

	@Test
	void theNormativeExamplesCheckAsDesignMdSays() {
		CliRun run = check(Path.of("../examples/normative"));
		assertThat(run.exit()).isZero();
		assertThat(run.lines()).containsExactly(
				"../examples/normative/x86_ir.irqdsl:" + X86_IR_WARNING,
				"../examples/normative/x86_noremap.irqdsl:16:37: info: device nic (00:02.0): non-maskable MSI without interrupt remapping is moved by the two-step update (old address + new vector, then the new address, then a pending check on the old CPU, as x86 msi_set_affinity() does): no interrupt is lost, spurious interrupts are the price (seed 001) [nonmaskable-msi-without-remap]",
				"../examples/normative/x86_noremap.irqdsl:16:37: warning: device nic (00:02.0): MSI cannot be masked at the device and MSI parent vector does not take masking (no MSI_FLAG_PCI_MSI_MASK_PARENT in effect): a rogue device cannot be silenced after disable_irq (seed 002) [unmaskable-without-parent-mask]",
				"2 files checked: 0 errors, 2 warnings, 1 info.");
	}

	@Test
	void aFolderIsCheckedRecursivelyInSortedOrderAndOtherFilesAreIgnored() throws IOException {
		Path b = write(dir, "b.irqdsl", X86_IR.replace("x86_ir", "plat_b"));
		Path a = write(dir, "a.irqdsl", X86_IR.replace("x86_ir", "plat_a"));
		Path c = write(dir, "sub/deeper/c.irqdsl", X86_IR.replace("x86_ir", "plat_c"));
		write(dir, "sub/notes.txt", "not a platform {");
		write(dir, "README.md", "# platforms");
		CliRun run = check(dir);
		assertThat(run.exit()).isZero();
		assertThat(run.lines()).containsExactly(a + ":" + X86_IR_WARNING, b + ":" + X86_IR_WARNING, c + ":" + X86_IR_WARNING,
				"3 files checked: 0 errors, 3 warnings, 0 info.");
	}

	@Test
	void severalPathsAreCheckedTogetherEachFileOnce() throws IOException {
		Path clean = write(dir, "one/clean.irqdsl", CLEAN);
		Path warn = write(dir, "two/x86_ir.irqdsl", X86_IR);
		Path bad = write(dir, "two/count.irqdsl", MSI_COUNT_3);
		CliRun run = check(warn, clean, dir.resolve("two"));
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.lines()).containsExactly(
				bad + ":5:45: error: nic: MSI count 3 is not 1, 2, 4, 8, 16 or 32 [msi-count]",
				warn + ":" + X86_IR_WARNING,
				"3 files checked: 1 error, 1 warning, 0 info.");
	}

	@Test
	void jsonCarriesTheCountsAndEveryDiagnostic() throws IOException {
		Path warn = write(dir, "x86_ir.irqdsl", X86_IR);
		Path bad = write(dir, "count.irqdsl", MSI_COUNT_3);
		CliRun run = check("--format", "json", dir);
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.err()).isEmpty();
		JsonObject json = new Gson().fromJson(run.out(), JsonObject.class);
		assertThat(json.keySet()).containsExactly("files", "errors", "warnings", "infos", "diagnostics");
		assertThat(json.get("files").getAsInt()).isEqualTo(2);
		assertThat(json.get("errors").getAsInt()).isEqualTo(1);
		assertThat(json.get("warnings").getAsInt()).isEqualTo(1);
		assertThat(json.get("infos").getAsInt()).isZero();
		JsonArray diagnostics = json.getAsJsonArray("diagnostics");
		assertThat(diagnostics).hasSize(2);
		assertThat(diagnostic(diagnostics.get(0).getAsJsonObject())).isEqualTo(Map.of("file", bad.toString(), "line", 5,
				"column", 45, "severity", "error", "message", "nic: MSI count 3 is not 1, 2, 4, 8, 16 or 32", "id", "msi-count"));
		JsonObject second = diagnostics.get(1).getAsJsonObject();
		assertThat(diagnostic(second)).containsEntry("file", warn.toString()).containsEntry("line", 21)
				.containsEntry("column", 35).containsEntry("severity", "warning")
				.containsEntry("id", "unmaskable-without-parent-mask");
		assertThat(second.get("message").getAsString()).startsWith("device nic (00:02.0): MSI cannot be masked at the device");
	}

	@Test
	void jsonOfACleanFileHasNoDiagnostics() throws IOException {
		CliRun run = check("--format", "json", write(dir, "clean.irqdsl", CLEAN));
		assertThat(run.exit()).isZero();
		JsonObject json = new Gson().fromJson(run.out(), JsonObject.class);
		assertThat(json.get("files").getAsInt()).isEqualTo(1);
		assertThat(json.get("errors").getAsInt()).isZero();
		assertThat(json.getAsJsonArray("diagnostics")).isEmpty();
	}

	private static Map<String, Object> diagnostic(JsonObject d) {
		assertThat(d.keySet()).containsExactly("file", "line", "column", "severity", "message", "id");
		return Map.of("file", d.get("file").getAsString(), "line", d.get("line").getAsInt(), "column",
				d.get("column").getAsInt(), "severity", d.get("severity").getAsString(), "message",
				d.get("message").getAsString(), "id", d.get("id").getAsString());
	}

	@Test
	void dashWNoIdRemovesThatCheck() throws IOException {
		Path file = write(dir, "x86_ir.irqdsl", X86_IR);
		CliRun run = check("-W", "no-unmaskable-without-parent-mask", file);
		assertThat(run.exit()).isZero();
		assertThat(run.lines()).containsExactly("1 file checked: 0 errors, 0 warnings, 0 info.");
	}

	@Test
	void dashWIdAfterNoIdTurnsTheCheckBackOn() throws IOException {
		Path file = write(dir, "x86_ir.irqdsl", X86_IR);
		CliRun run = check("-W", "no-unmaskable-without-parent-mask", "-W", "unmaskable-without-parent-mask", file);
		assertThat(run.lines()).containsExactly(file + ":" + X86_IR_WARNING, "1 file checked: 0 errors, 1 warning, 0 info.");
	}

	@Test
	void dashEMakesAWarningAnErrorAndTheExitStatusOne() throws IOException {
		Path file = write(dir, "x86_ir.irqdsl", X86_IR);
		CliRun run = check("-E", "unmaskable-without-parent-mask", file);
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.lines()).containsExactly(file + ":" + X86_IR_WARNING.replace(": warning: ", ": error: "),
				"1 file checked: 1 error, 0 warnings, 0 info.");
	}

	@Test
	void dashWNoOnAnErrorCheckLetsTheFilePass() throws IOException {
		CliRun run = check("-W", "no-msi-count", write(dir, "count.irqdsl", MSI_COUNT_3));
		assertThat(run.exit()).isZero();
		assertThat(run.lines()).containsExactly("1 file checked: 0 errors, 0 warnings, 0 info.");
	}

	@Test
	void anUnknownIdInDashWOrDashEIsBadUsageListingTheValidIds() throws IOException {
		Path file = write(dir, "x86_ir.irqdsl", X86_IR);
		List<String> ids = IrqDslChecks.ALL.stream().filter(c -> c.kind().configurable()).map(CheckInfo::id).toList();
		for (String[] args : List.of(new String[] { "-W", "no-foo" }, new String[] { "-E", "foo" })) {
			CliRun run = check(args[0], args[1], file);
			assertThat(run.exit()).as("%s %s", args[0], args[1]).isEqualTo(2);
			assertThat(run.out()).isEmpty();
			assertThat(run.err()).startsWith("irqdsl check: " + args[0] + " " + args[1] + ": no check has the id 'foo'; expected one of ")
					.contains(String.join(", ", ids));
		}
	}

	/**
	 * --simulate adds the editors' verdicts (scenario-expectation); a trace is printed below its
	 * finding, indented, so that every finding is still one line that starts with path:line:col.
	 */
	@Test
	void simulateAddsTheEditorsVerdictsWithTheirTracesIndented() throws IOException {
		Path file = Files.copy(Path.of("../examples/x86-noremap-seed001.irqdsl"), dir.resolve("seed001.irqdsl"));
		CliRun plain = check(file);
		CliRun simulated = check("--simulate", file);
		assertThat(plain.out()).doesNotContain("[scenario-expectation]");
		assertThat(simulated.exit()).isEqualTo(plain.exit());
		List<String> lines = simulated.lines();
		int verdict = lines.indexOf(lines.stream().filter(l -> l.contains(": info: expect lost-interrupt holds:")).findFirst().orElseThrow());
		assertThat(lines.get(verdict)).startsWith(file + ":").endsWith("[scenario-expectation]").doesNotContain("\\x0a");
		assertThat(lines.get(verdict + 1)).startsWith("    ").contains("CPU");
		assertThat(lines.stream().filter(l -> !l.startsWith("    ") && !l.contains(" checked: ")))
				.allMatch(l -> l.startsWith(file + ":"));
	}

	/** Syntax, linking and file findings are the language's, not a check's: no switch hides them in one host only. */
	@Test
	void syntaxLinkingAndFileFindingsCannotBeSwitched() throws IOException {
		Path file = write(dir, "broken.irqdsl", "platform p {\n  cpus 2\n  domain vector vector 32..35 {\n  }\n  bogus\n}\n");
		for (String[] args : List.of(new String[] { "-W", "no-syntax" }, new String[] { "-E", "unresolved-reference" },
				new String[] { "-W", "no-unreadable" })) {
			CliRun run = check(args[0], args[1], file);
			assertThat(run.exit()).as("%s %s", args[0], args[1]).isEqualTo(2);
			assertThat(run.err()).as("%s %s", args[0], args[1]).contains("cannot be switched").doesNotContain("no check has the id");
		}
		assertThat(check(file).out()).contains("[syntax]");
	}

	@Test
	void usageErrorsExitTwoWithAHint() throws IOException {
		Path file = write(dir, "x86_ir.irqdsl", X86_IR);
		CliRun noPath = check();
		assertThat(noPath.exit()).isEqualTo(2);
		assertThat(noPath.err()).isEqualTo("irqdsl: Missing required parameter: 'PATH'\nTry 'irqdsl check --help'.\n");
		CliRun format = check("--format", "xml", file);
		assertThat(format.exit()).isEqualTo(2);
		assertThat(format.err()).startsWith("irqdsl: Invalid value for option '--format': expected one of [text, json, sarif]");
		CliRun option = check("--frobnicate", file);
		assertThat(option.exit()).isEqualTo(2);
		assertThat(option.err()).startsWith("irqdsl: Unknown option: '--frobnicate'");
		CliRun noSubcommand = irqdsl();
		assertThat(noSubcommand.exit()).isEqualTo(2);
		assertThat(noSubcommand.err()).startsWith("irqdsl: a subcommand is required");
		assertThat(List.of(noPath.out(), format.out(), option.out(), noSubcommand.out())).containsOnly("");
	}

	@Test
	void helpExitsZeroAndDocumentsTheExitStatus() {
		CliRun run = check("--help");
		assertThat(run.exit()).isZero();
		assertThat(run.out()).contains("--format", "-W", "-E", "--max-file-size");
		assertThat(run.out().replaceAll("\\s+", " "))
				.contains("Exit status: 0 no error, 1 an error was found, 2 bad usage or unreadable input, 3 internal error.");
	}
}
