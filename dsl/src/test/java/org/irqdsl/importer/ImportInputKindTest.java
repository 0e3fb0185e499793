package org.irqdsl.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.irqdsl.importer.ImportCommandTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10 item 3: each option recognises its own kind of dump; another kind, or nothing
 * recognisable, exits 2 naming the file and line and the option the file belongs to. A large share of
 * skipped lines is reported, never dropped silently.
 */
class ImportInputKindTest {

	/** Every real sample under each option it does not belong to. */
	static Stream<Arguments> wrongOption() {
		return Samples.all().stream().flatMap(sample -> {
			String right = sample.startsWith("lspci-") ? "--lspci" : sample.startsWith("interrupts-") ? "--interrupts" : "--dmesg";
			return Stream.of("--lspci", "--interrupts", "--dmesg").filter(o -> !o.equals(right)).map(o -> Arguments.of(sample, o, right));
		});
	}

	@ParameterizedTest(name = "{0} given as {1}")
	@MethodSource("wrongOption")
	void aDumpUnderTheWrongOptionExitsTwoWithTheRightOne(String sample, String option, String right) {
		Run r = ImportCommandTest.run("import", option, ImportCommandTest.sample(sample));
		assertThat(r.status()).as(r.err()).isEqualTo(2);
		assertThat(r.err()).containsPattern(sample.replace(".", "\\.") + ":\\d+: ").contains("it looks like").contains("use " + right + " ");
		assertThat(r.out()).isEmpty();
	}

	@Test
	void helloWorldIsNoKernelLog(@TempDir Path dir) throws IOException {
		Path hello = Files.writeString(dir.resolve("hello.txt"), "hello world\n");
		Run r = ImportCommandTest.run("import", "--dmesg", hello.toString());
		assertThat(r.status()).isEqualTo(2);
		assertThat(r.err()).contains(hello + ":1: \"hello world\": nothing in 1 line is recognisable as a kernel log (dmesg)");
		for (String option : new String[] { "--lspci", "--interrupts" }) {
			Run other = ImportCommandTest.run("import", option, hello.toString());
			assertThat(other.status()).isEqualTo(2);
			assertThat(other.err()).contains(hello + ":1: \"hello world\": nothing in 1 line is recognisable as");
		}
	}

	/** The lspci dump of the issue: its 362 non-row lines used to be dropped with exit 0 and "0 at risk". */
	@Test
	void lspciDumpAsInterruptsNamesItsFirstHeader() {
		String lspci = "lspci-server-asrockrack-e3c252-xeon-x710-nvme-msix.txt";
		assertThatThrownBy(() -> Samples.run("x", null, lspci, null, null)).isInstanceOf(ImportException.class)
				.hasMessageStartingWith(lspci + ":1: \"00:00.0 Host bridge [0600]: Intel Corporation Device [8086:4c43] (rev 01)\": it looks like `lspci -vv`")
				.hasMessageEndingWith("not /proc/interrupts: use --lspci " + lspci);
	}

	@Test
	void kernelLogWithoutPrefixesIsRecognisedByItsMessages() throws Exception {
		// dmesg -t: no timestamps, but messages the parser knows
		Importer.Result r = ImportRulesTest.run(null, null, "Linux version 6.1.0 (x@y) #1 SMP\nDMAR-IR: Enabled IRQ remapping in x2apic mode\n", null);
		assertThat(r.facts().remap().state()).isEqualTo(MachineFacts.RemapState.ON);
	}

	@Test
	void aLargeShareOfSkippedInterruptsLinesIsReported() throws Exception {
		String interrupts = """
				           CPU0       CPU1
				 42:      14400       3668   IR-PCI-MSI 512000-edge      ahci
				 43:         24          0   IR-PCI-MSI 360448-edge      mei_me
				NMI:        132         95   Non-maskable interrupts
				this line was pasted from somewhere else
				and so was this one
				and this one
				""";
		Importer.Result r = ImportRulesTest.run(null, interrupts, null, null);
		assertThat(r.problems().get(0).toText())
				.startsWith("interrupts:5: skipped: 3 of 7 lines (42%) skipped, not of /proc/interrupts");
		assertThat(r.report().inputProblems()).anyMatch(p -> p.contains("3 of 7 lines (42%) skipped"));
	}

	@Test
	void foreignLinesInAPrefixedKernelLogAreReported() throws Exception {
		String dmesg = """
				[    0.000000] Linux version 6.1.0 (x@y) #1 SMP
				[    0.086739] DMAR-IR: Enabled IRQ remapping in x2apic mode
				some notes the user typed
				more notes
				and more
				""";
		Importer.Result r = ImportRulesTest.run(null, null, dmesg, null);
		assertThat(r.problems()).anyMatch(p -> p.toText().startsWith("dmesg:3: skipped: 3 of 5 lines (60%) skipped, not of a kernel log (dmesg)"));
		// a few skipped lines are listed one by one only (no summary)
		Importer.Result small = ImportRulesTest.run(null, null, dmesg.lines().limit(3).map(l -> l + "\n").reduce("", String::concat), null);
		assertThat(small.problems()).noneMatch(p -> p.kind() == Problem.Kind.SKIPPED);
	}

	@Test
	void theCommandSaysHowManyLinesWereNotUnderstood(@TempDir Path dir) throws IOException {
		Path f = Files.writeString(dir.resolve("interrupts.txt"), """
				           CPU0       CPU1
				 42:      14400       3668   IR-PCI-MSI 512000-edge      ahci
				this line was pasted from somewhere else
				""");
		Run r = ImportCommandTest.run("import", "--interrupts", f.toString(), "--report");
		assertThat(r.status()).isZero();
		assertThat(r.err()).contains("1 input line not understood (listed in the report)");
	}
}
