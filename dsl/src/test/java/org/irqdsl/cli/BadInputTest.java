package org.irqdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.cli.CliRun.X86_IR;
import static org.irqdsl.cli.CliRun.X86_IR_WARNING;
import static org.irqdsl.cli.CliRun.check;
import static org.irqdsl.cli.CliRun.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code irqdsl check} on bad input: every syntax error with its own position and a message that
 * says what was expected, unknown names, empty files, bytes that are not UTF-8 text, missing
 * paths, oversized files. Never a stack trace ({@link CliRun} checks every run).
 */
class BadInputTest {

	@TempDir
	Path dir;

	@Test
	void everySyntaxErrorIsReportedAtItsOwnPositionSayingWhatWasExpected() throws IOException {
		Path file = write(dir, "broken.irqdsl", """
				platform broken {
				    cpus four
				    domain vector : VECTOR {
				        vectors 0x20..0xff
				        affinity-update sideways
				        msi-parent-ops { supported MSI_FLAG_PCI_MSIX }
				    }
				    bus pci pcie0 msi-parent vector {
				        device nic at 00:02.0 { msi count 1 maskable }
				        device nvme at "00:03.0" { msi-x count }
				        device ahci at "00:1f.2" { msi count 1 maskable sometimes }
				    }
				}
				scenario s on broken {
				    expect no lost
				}
				""");
		CliRun run = check(file);
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.lines()).containsExactly(
				file + ":2:10: error: expected a number or '[' after 'cpus', found 'four' [syntax]",
				file + ":5:25: error: expected 'direct', 'masked', 'two-step', 'lazy-move', 'remap' or 'immutable' after 'affinity-update', found 'sideways' [syntax]",
				file + ":9:23: error: expected a string in double quotes after 'at', found '00' [syntax]",
				file + ":10:48: error: expected a number after 'count', found '}' [syntax]",
				file + ":11:57: error: expected 'maskable', '64-bit', 'msi', 'msi-x', 'msi-write', 'msi-write-procedure', 'vmd' or '}' after 'maskable', found 'sometimes' [syntax]",
				file + ":15:15: error: expected 'lost-interrupt', 'spurious-interrupt', 'deadlock', 'use-after-free' or 'delivered-while-disabled' after 'no', found 'lost' [syntax]",
				"1 file checked: 6 errors, 0 warnings, 0 info.");
	}

	@Test
	void afterGarbageAtTheTopLevelTheRestOfTheFileIsStillChecked() throws IOException {
		Path file = write(dir, "garbage.irqdsl", """
				platform a { cpus 4 }
				this is not a declaration
				platform b { cpus x }
				}
				scenario s on a { expect no lost }
				""");
		CliRun run = check(file);
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.lines()).containsExactly(
				file + ":2:1: error: expected 'platform', 'scenario', 'procedure' or end of file after '}', found 'this'; skipped to line 3 [syntax]",
				file + ":3:19: error: expected a number or '[' after 'cpus', found 'x' [syntax]",
				file + ":4:1: error: expected 'platform', 'scenario', 'procedure' or end of file after '}', found '}'; skipped to line 5 [syntax]",
				file + ":5:29: error: expected 'lost-interrupt', 'spurious-interrupt', 'deadlock', 'use-after-free' or 'delivered-while-disabled' after 'no', found 'lost' [syntax]",
				"1 file checked: 4 errors, 0 warnings, 0 info.");
	}

	@Test
	void garbageAtTheEndIsOneErrorForTheRestOfTheFile() throws IOException {
		Path file = write(dir, "tail.irqdsl", X86_IR + "}}\nplatform\n");
		CliRun run = check(file);
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.lines()).containsExactly(
				file + ":24:1: error: expected 'platform', 'scenario', 'procedure' or end of file after '}', found '}'; skipped to line 25 [syntax]",
				file + ":25:9: error: expected a name after 'platform', found end of file [syntax]",
				"1 file checked: 2 errors, 0 warnings, 0 info.");
		Path tail = write(dir, "tail2.irqdsl", X86_IR + "}} platform\n");
		CliRun run2 = check(tail);
		assertThat(run2.lines()).containsExactly(
				tail + ":24:1: error: expected 'platform', 'scenario', 'procedure' or end of file after '}', found '}'; the rest of the file is not checked [syntax]",
				"1 file checked: 1 error, 0 warnings, 0 info.");
	}

	@Test
	void aFileWithSyntaxErrorsGetsOnlyItsSyntaxErrors() throws IOException {
		// the half-parsed "vectors 0x20.." would read as the empty range 0x20..0x0 (vector-range);
		// the non-maskable MSI of line 6 is a real finding, reported once the file parses
		String text = """
				platform p {
				    cpus 2
				    domain vector : VECTOR { vectors 0x20..
				        msi-parent-ops { supported MSI_FLAG_PCI_MSIX } }
				    bus pci b msi-parent vector {
				        device d at "00:01.0" { msi count 1 }
				    }
				}
				""";
		Path file = write(dir, "range.irqdsl", text);
		CliRun run = check(file);
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.lines()).containsExactly(
				file + ":3:44: error: expected a number (decimal or 0x hex), found 'msi-parent-ops' [syntax]",
				"1 file checked: 1 error, 0 warnings, 0 info.");
		write(dir, "range.irqdsl", text.replace("0x20..\n", "0x20..0xff\n"));
		assertThat(check(file).lines()).containsExactly(
				file + ":6:33: warning: device d (00:01.0): MSI cannot be masked and its path to the CPU has no interrupt remapping; procedure x86_msi_set_affinity_v6_7 (implied by domain vector : VECTOR, kernel 6.15 assumed: no kernel stated), path direct, writes address and data as separate 32-bit words, so an interrupt raised in between uses a torn message and is lost (seed 001, commit 6f1a4891a592) [nonmaskable-msi-without-remap]",
				file + ":6:33: warning: device d (00:01.0): MSI cannot be masked at the device and MSI parent vector does not take masking (no MSI_FLAG_PCI_MSI_MASK_PARENT in effect): a rogue device cannot be silenced after disable_irq (seed 002) [unmaskable-without-parent-mask]",
				"1 file checked: 0 errors, 2 warnings, 0 info.");
	}

	@Test
	void anUnclosedStringSaysSo() throws IOException {
		Path file = write(dir, "string.irqdsl", """
				platform p {
				    cpus 2
				    bus pci b { device d at "00:01.0 { msi-x count 4 } }
				}
				""");
		CliRun run = check(file);
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.lines()).contains(file + ":3:29: error: string not closed: expected '\"' before the end of the line [syntax]");
	}

	@Test
	void strayCharactersAndAnUnclosedCommentAreNamed() throws IOException {
		Path file = write(dir, "chars.irqdsl", """
				platform p {
				    cpus 2 $
				    bus pci b { device d at "00:01.0" { msi-1 count 4 } }
				}
				/* the end
				""");
		CliRun run = check(file);
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.lines()).containsExactly(
				file + ":2:12: error: expected 'offline', 'cpus', 'kernel', 'domain', 'bus', 'hot-unplug-procedure', 'hot-unplug-library', 'irq-move' or '}' after '2', found '$' [syntax]",
				file + ":3:41: error: unexpected character '1' [syntax]",
				file + ":5:1: error: comment not closed: expected '*/' before the end of the file [syntax]",
				"1 file checked: 3 errors, 0 warnings, 0 info.");
	}

	@Test
	void aNumberTooLargeForTheModelIsASyntaxErrorAtItsPosition() throws IOException {
		Path file = write(dir, "big.irqdsl", "platform p {\n    cpus 99999999999\n}\n");
		CliRun run = check(file);
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.lines()).containsExactly(file + ":2:10: error: number 99999999999 is too large (at most 2147483647) [syntax]",
				"1 file checked: 1 error, 0 warnings, 0 info.");
	}

	@Test
	void anUnknownReferenceIsReportedAtItsPositionWithTheNamesThatExist() throws IOException {
		Path file = write(dir, "ref.irqdsl", """
				platform p {
				    cpus 2
				    domain vector : VECTOR { vectors 0x20..0xff msi-parent-ops { supported MSI_FLAG_PCI_MSIX } }
				    domain ir : DMAR parent vector { msi-parent-ops { supported MSI_FLAG_PCI_MSIX } affinity-update remap }
				    bus pci pcie0 msi-parent nosuch {
				        device nvme at "00:03.0" { msi-x count 4 }
				    }
				}
				scenario s on p {
				    initially nvmee.msi-x[0] on cpu 1 vector 0x30
				}
				scenario t on q {
				    initially nvme.msi-x[0] on cpu 1 vector 0x30
				}
				""");
		CliRun run = check(file);
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.lines()).containsExactly(
				file + ":5:30: error: unknown domain 'nosuch' (known here: vector, ir) [unresolved-reference]",
				file + ":10:15: error: unknown device 'nvmee' (known here: nvme) [unresolved-reference]",
				file + ":12:15: error: unknown platform 'q' (known here: p) [unresolved-reference]",
				file + ":13:15: error: unknown device 'nvme': the scenario's platform is unknown [unresolved-reference]",
				"1 file checked: 4 errors, 0 warnings, 0 info.");
	}

	@Test
	void aNameDeclaredTwiceIsADuplicateNameNotASyntaxError() throws IOException {
		Path file = write(dir, "dup.irqdsl", X86_IR.replace("    bus pci pcie0", "    domain ir : AMDVI parent vector\n    bus pci pcie0")
				+ "scenario x86_ir on x86_ir { expect no lost-interrupt }\n");
		CliRun run = check("-W", "no-unmaskable-without-parent-mask", file);
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.lines()).containsExactly(
				file + ":2:10: error: the name 'x86_ir' is declared more than once (platforms and scenarios share one namespace) [duplicate-name]",
				file + ":11:12: error: domain name 'ir' is declared more than once in platform x86_ir [duplicate-name]",
				file + ":20:12: error: domain name 'ir' is declared more than once in platform x86_ir [duplicate-name]",
				file + ":25:10: error: the name 'x86_ir' is declared more than once (platforms and scenarios share one namespace) [duplicate-name]",
				"1 file checked: 4 errors, 0 warnings, 0 info.");
	}

	@Test
	void anEmptyFileACommentsOnlyFileAndABlankFileDeclareNothing() throws IOException {
		Path empty = write(dir, "a-empty.irqdsl", "");
		Path comments = write(dir, "b-comments.irqdsl", "// a platform will go here\n/* one day\n   soon */\n");
		Path blank = write(dir, "c-blank.irqdsl", "\n   \n\t\n");
		CliRun run = check(dir);
		assertThat(run.exit()).isEqualTo(1);
		String nothing = ":1:1: error: the file declares nothing: expected a platform or a scenario [empty-file]";
		assertThat(run.lines()).containsExactly(empty + nothing, comments + nothing, blank + nothing,
				"3 files checked: 3 errors, 0 warnings, 0 info.");
	}

	@Test
	void aFileThatIsNotUtf8IsOneUnreadableErrorNamingLineColumnAndByte() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes("platform p {\n    cpus 2\n    // caf".getBytes(StandardCharsets.UTF_8));
		bytes.writeBytes(new byte[] { (byte) 0xC3, 0x28 });
		bytes.writeBytes(" is not UTF-8\n}\n".getBytes(StandardCharsets.UTF_8));
		Path file = write(dir, "latin.irqdsl", bytes.toByteArray());
		CliRun run = check(file);
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.lines()).containsExactly(
				file + ":3:11: error: not valid UTF-8: byte 0xc3 at line 3, column 11 (offset 34); expected a UTF-8 text file [unreadable]",
				"1 file checked: 1 error, 0 warnings, 0 info.");
	}

	@Test
	void anUnreadableFileNextToAFileWithAnErrorStillExitsTwoAndBothAreReported() throws IOException {
		Path bad = write(dir, "a.irqdsl", new byte[] { 'p', 'l', (byte) 0xFF, '\n' });
		Path count = write(dir, "b.irqdsl", CheckCommandTest.MSI_COUNT_3);
		CliRun run = check(dir);
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.lines()).containsExactly(
				bad + ":1:3: error: not valid UTF-8: byte 0xff at line 1, column 3 (offset 2); expected a UTF-8 text file [unreadable]",
				count + ":5:45: error: nic: MSI count 3 is not 1, 2, 4, 8, 16 or 32 [msi-count]",
				"2 files checked: 2 errors, 0 warnings, 0 info.");
	}

	@Test
	void utf16AndBinaryFilesAreRefusedAsNotUtf8Text() throws IOException {
		byte[] utf16 = ("\uFEFF" + X86_IR).getBytes(StandardCharsets.UTF_16LE);
		Path wide = write(dir, "a-wide.irqdsl", utf16);
		Path binary = write(dir, "b-binary.irqdsl", "platform p {\n  cpus 2\0\n}\n".getBytes(StandardCharsets.UTF_8));
		CliRun run = check(dir);
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.lines()).containsExactly(
				wide + ":1:1: error: file is UTF-16 (byte order mark 0xff 0xfe); expected a UTF-8 text file [unreadable]",
				binary + ":2:9: error: binary file: NUL byte at line 2, column 9 (offset 21); expected a UTF-8 text file [unreadable]",
				"2 files checked: 2 errors, 0 warnings, 0 info.");
	}

	@Test
	void aUtf8ByteOrderMarkIsAccepted() throws IOException {
		Path file = write(dir, "bom.irqdsl", "\uFEFF" + X86_IR);
		CliRun run = check(file);
		assertThat(run.exit()).isZero();
		assertThat(run.lines()).containsExactly(file + ":" + X86_IR_WARNING, "1 file checked: 0 errors, 1 warning, 0 info.");
	}

	@Test
	void aMissingPathIsBadUsageNamingIt() throws IOException {
		Path present = write(dir, "x86_ir.irqdsl", X86_IR);
		Path missing = dir.resolve("nosuch.irqdsl");
		CliRun run = check(present, missing);
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).isEqualTo("irqdsl check: " + missing + ": no such file or directory\n");
	}

	@Test
	void aFolderWithoutIrqdslFilesIsBadUsage() throws IOException {
		write(dir, "docs/README.md", "# nothing here");
		write(dir, "docs/platform.irqdsl.bak", X86_IR);
		Path empty = Files.createDirectories(dir.resolve("empty"));
		CliRun run = check(dir.resolve("docs"));
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).isEqualTo("irqdsl check: no .irqdsl file in folder " + dir.resolve("docs") + "\n");
		CliRun two = check(dir.resolve("docs"), empty);
		assertThat(two.exit()).isEqualTo(2);
		assertThat(two.err()).isEqualTo("irqdsl check: no .irqdsl file in folders " + dir.resolve("docs") + ", " + empty + "\n");
	}

	@Test
	void aFileOverTheSizeLimitIsRefusedWithoutBeingParsed() throws IOException {
		// 10 MiB that would give thousands of syntax errors if it were parsed
		Path file = write(dir, "huge.irqdsl", "@".repeat(10 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII));
		CliRun run = check(file);
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.lines()).containsExactly(
				file + ":1:1: error: file is 10.0 MiB, larger than the 8.0 MiB limit (raise it with --max-file-size) [unreadable]",
				"1 file checked: 1 error, 0 warnings, 0 info.");
	}

	@Test
	void aRaisedSizeLimitAcceptsALargeValidFile() throws IOException {
		StringBuilder text = new StringBuilder(X86_IR);
		String comment = "// " + "lspci -vv output kept for reference ".repeat(2) + "\n";
		while (text.length() < 10 * 1024 * 1024) {
			text.append(comment);
		}
		Path file = write(dir, "large.irqdsl", text.toString());
		assertThat(Files.size(file)).isGreaterThan(10L * 1024 * 1024);
		assertThat(check(file).exit()).isEqualTo(2);
		CliRun run = check("--max-file-size", "16", file);
		assertThat(run.exit()).isZero();
		assertThat(run.lines()).containsExactly(file + ":" + X86_IR_WARNING, "1 file checked: 0 errors, 1 warning, 0 info.");
	}

	@Test
	void aSizeLimitThatIsNotAPositiveNumberIsBadUsage() throws IOException {
		Path file = write(dir, "x86_ir.irqdsl", X86_IR);
		CliRun zero = check("--max-file-size", "0", file);
		assertThat(zero.exit()).isEqualTo(2);
		assertThat(zero.err()).isEqualTo("irqdsl check: --max-file-size 0.0: expected a positive number of MiB\n");
		CliRun word = check("--max-file-size", "lots", file);
		assertThat(word.exit()).isEqualTo(2);
		assertThat(word.err()).startsWith("irqdsl: Invalid value for option '--max-file-size': 'lots' is not a double");
	}

	@Test
	void aSizeLimitAppliesToEachFileNotTheirSum() throws IOException {
		Path a = write(dir, "a.irqdsl", X86_IR.replace("x86_ir", "plat_a"));
		Path b = write(dir, "b.irqdsl", X86_IR.replace("x86_ir", "plat_b"));
		double limit = Files.size(a) * 1.5 / 1048576;
		CliRun run = check("--max-file-size", limit, dir);
		assertThat(run.exit()).isZero();
		assertThat(run.lines()).containsExactly(a + ":" + X86_IR_WARNING, b + ":" + X86_IR_WARNING,
				"2 files checked: 0 errors, 2 warnings, 0 info.");
	}
}
