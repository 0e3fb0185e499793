package org.irqdsl.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.irqdsl.cli.IrqDslCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

import picocli.CommandLine;

/** {@code irqdsl import} as a user runs it: options, outputs, exit statuses. */
class ImportCommandTest {

	record Run(int status, String out, String err) {
	}

	static Run run(String... args) {
		CommandLine cli = IrqDslCli.commandLine();
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		cli.setOut(new PrintWriter(out));
		cli.setErr(new PrintWriter(err));
		int status = cli.execute(args);
		return new Run(status, out.toString(), err.toString());
	}

	static String sample(String name) {
		return Samples.file(name).toString();
	}

	@Test
	void nothingToImportIsBadUsage() {
		Run r = run("import");
		assertThat(r.status()).isEqualTo(2);
		assertThat(r.err()).contains("nothing to import");
	}

	@Test
	void missingFileAndBadKernelAreBadUsage() {
		assertThat(run("import", "--lspci", "/no/such/file").err()).contains("/no/such/file: no such file");
		assertThat(run("import", "--lspci", "/no/such/file").status()).isEqualTo(2);
		Run bad = run("import", "--interrupts", sample("interrupts-arm32-router-gic-nomsi-2cpu.txt"), "--kernel", "banana");
		assertThat(bad.status()).isEqualTo(2);
		assertThat(bad.err()).contains("--kernel banana: expected a version");
	}

	@Test
	void platformOnStandardOutputExitZeroWhenNothingIsAtRisk() {
		Run r = run("import", "--interrupts", sample("interrupts-arm64-versal-xen-dom0-gicv3-its-msi.txt"));
		assertThat(r.status()).isZero();
		assertThat(r.out()).startsWith("// Imported by `irqdsl import` from:").contains("platform arm64_versal_xen_dom0_gicv3_its_msi {");
		assertThat(r.err()).contains("0 at risk");
	}

	/**
	 * Issue 10 item 5: import exited 1 for devices at risk where `irqdsl check` of the same platform
	 * exits 0. The status now follows check of the written platform; the risk is in the summary and report.
	 */
	@Test
	void exitStatusIsCheckOfTheWrittenPlatform(@TempDir Path dir) {
		Path target = dir.resolve("srv.irqdsl");
		Run r = run("import", "--lspci", sample("lspci-server-asrockrack-e3c252-xeon-x710-nvme-msix.txt"), "--name", "srv", "-o",
				target.toString());
		assertThat(r.err()).contains("11 at risk, 0 possibly at risk (under assumptions) (see --report)");
		Run check = run("check", target.toString());
		assertThat(check.out()).contains("0 errors");
		assertThat(r.status()).isZero().isEqualTo(check.status());
		Run unknown = run("import", "--lspci", sample("lspci-notebook-hp14-tigerlake-vmd-nonroot-access-denied.txt"));
		assertThat(unknown.err()).contains("0 at risk, 8 possibly at risk (under assumptions)");
		assertThat(unknown.status()).isZero();
	}

	@Test
	void outputFileIsReplacedAtomically(@TempDir Path dir) throws IOException {
		Path target = dir.resolve("machine.irqdsl");
		Files.writeString(target, "the user's old file");
		Run r = run("import", "--interrupts", sample("interrupts-arm64-versal-xen-dom0-gicv3-its-msi.txt"), "-o", target.toString());
		assertThat(r.status()).isZero();
		assertThat(r.out()).isEmpty();
		assertThat(Files.readString(target)).startsWith("// Imported by `irqdsl import`");
		try (Stream<Path> files = Files.list(dir)) {
			assertThat(files).containsExactly(target); // no temporary file left behind
		}
		Run check = run("check", target.toString());
		assertThat(check.status()).isZero();
		assertThat(check.out()).contains("0 errors");
	}

	@Test
	void outputIntoAMissingFolderIsReported(@TempDir Path dir) {
		Run r = run("import", "--interrupts", sample("interrupts-arm64-versal-xen-dom0-gicv3-its-msi.txt"), "-o",
				dir.resolve("no/such/dir/x.irqdsl").toString());
		assertThat(r.status()).isEqualTo(2);
		assertThat(r.err()).contains("cannot write");
	}

	@Test
	void jsonReport() {
		Run r = run("import", "--interrupts", sample("interrupts-chromeos-intel-4cpu-ir-msix-perdevice.txt"), "--dmesg",
				sample("dmesg-chromeos-dmar-ir-x2apic-syslogprefix.txt"), "--report", "--format", "json");
		assertThat(r.status()).isZero();
		var json = JsonParser.parseString(r.out()).getAsJsonObject();
		assertThat(json.getAsJsonObject("machine").get("msiParents").getAsString()).isEqualTo("VECTOR + DMAR");
		assertThat(json.getAsJsonArray("atRisk")).hasSize(8);
		assertThat(r.err()).contains("platform not written (add -o FILE)");
	}

	@Test
	void textReportWithKernel() {
		// SOURCES.md: the H61 desktop ran 5.10.74; its MSI addresses show no remapping, so the kernel decides the update
		Run r = run("import", "--lspci", sample("lspci-desktop-asus-p8h61-sandybridge-radeon-rtl8168.txt"), "--kernel", "5.10.74-generic",
				"--report");
		assertThat(r.out()).startsWith("Machine report: platform desktop_asus_p8h61_sandybridge_radeon_rtl8168")
				.contains("affinity update:     two-step (kernel 5.10.74 >= v5.6");
	}

	@Test
	void localMachineNeverCrashes() {
		Run r = run("import", "--local", "--report");
		assertThat(r.status()).isBetween(0, 2);
		if (r.status() == 2) {
			assertThat(r.err()).contains("--local");
		} else {
			assertThat(r.out()).startsWith("Machine report: platform ");
		}
	}
}
