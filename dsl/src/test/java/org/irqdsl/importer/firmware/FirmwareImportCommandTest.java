package org.irqdsl.importer.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.irqdsl.cli.IrqDslCli;
import org.irqdsl.importer.Importer;
import org.irqdsl.importer.MachineFacts.RemapState;
import org.irqdsl.importer.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code irqdsl import --dtb/--dts/--acpi} as a user runs it, alone and with a kernel log of the same machine. */
class FirmwareImportCommandTest {

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

	/** The lines that declare something (no comments, no blank lines). */
	private static List<String> declarations(String platform) {
		return platform.lines().filter(l -> !l.isBlank() && !l.strip().startsWith("//")).map(l -> l.replaceAll("\\s+//.*", "")).toList();
	}

	@Test
	void dtbToAFileWithTheHostBridgesMsiParent(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("virt.irqdsl");
		Run r = run("import", "--dtb", FirmwareSamples.dtb("qemu-arm64-virt-gicv3-its").toString(), "-o", out.toString());
		assertThat(r.status()).as(r.err()).isZero();
		String text = Files.readString(out);
		assertThat(text).contains("platform qemu_arm64_virt_gicv3_its {", "domain its : GIC_ITS {", "bus pci pci0000 msi-parent its {",
				"msi-map RID 0x0..0xffff -> /intc@8000000/its@8080000 device ID 0x0..0xffff (dtb:/pcie@10000000)");
	}

	@Test
	void dtsCompiledByDtcImportsLikeTheBlob(@TempDir Path dir) throws Exception {
		Path blob = FirmwareSamples.dtb("qemu-riscv64-virt-aplic-imsic");
		Path dts = dir.resolve("virt.dts");
		Process p = new ProcessBuilder("dtc", "-q", "-I", "dtb", "-O", "dts", "-o", dts.toString(), blob.toString()).start();
		assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as("dtc -I dtb -O dts").isTrue();
		Run fromDts = run("import", "--dts", dts.toString(), "--name", "virt");
		Run fromDtb = run("import", "--dtb", blob.toString(), "--name", "virt");
		assertThat(fromDts.status()).as(fromDts.err()).isZero();
		assertThat(declarations(fromDts.out())).isEqualTo(declarations(fromDtb.out())).contains("    bus pci pci0000 msi-parent imsic {",
				"    domain aplic : APLIC parent imsic");
		assertThat(fromDts.out()).contains("(dts:/soc/pci@30000000)");
	}

	@Test
	void dtsWithASyntaxErrorIsDtcsError(@TempDir Path dir) throws Exception {
		Path dts = dir.resolve("broken.dts");
		Files.writeString(dts, "/dts-v1/;\n/ { cpus { ;\n");
		Run r = run("import", "--dts", dts.toString(), "-o", dir.resolve("out.irqdsl").toString());
		assertThat(r.status()).isEqualTo(2);
		assertThat(r.err()).startsWith("irqdsl import: dtc: ").contains("broken.dts");
		assertThat(dir.resolve("out.irqdsl")).doesNotExist();
	}

	@Test
	void corruptDtbExitsTwoAndWritesNothing(@TempDir Path dir) throws Exception {
		byte[] blob = Files.readAllBytes(FirmwareSamples.dtb("qemu-arm64-virt-gicv2m"));
		Path cut = dir.resolve("cut.dtb");
		Files.write(cut, java.util.Arrays.copyOf(blob, 100));
		Path out = dir.resolve("out.irqdsl");
		Run r = run("import", "--dtb", cut.toString(), "-o", out.toString());
		assertThat(r.status()).isEqualTo(2);
		assertThat(r.err().strip()).isEqualTo("irqdsl import: " + cut + ": offset 0x4: truncated: the header's totalsize is " + blob.length
				+ " bytes, the file has 100");
		assertThat(out).doesNotExist();
	}

	@Test
	void acpiOfAFolderThatIsNotTables(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("notes.txt"), "hello, not a table but long enough to hold a header\n");
		Run r = run("import", "--acpi", dir.toString());
		assertThat(r.status()).isEqualTo(2);
		assertThat(r.err()).contains(dir.resolve("notes.txt") + ": offset 0x4: hell table length");
	}

	/**
	 * Issue 14 item 3: the same QEMU machine's DMAR supports interrupt remapping and its kernel log,
	 * booted with intremap=off, says remapping is off: the log wins (it is what the kernel did), the
	 * disagreement is one contradiction naming both sources.
	 */
	@Test
	void dmarAndAKernelLogSayingRemappingIsOffAreAContradiction() throws Exception {
		Importer.Result r = FirmwareImportGoldenTest.run("q35", null, "q35-intel-iommu-intremap-2cpu", "q35-intel-iommu-intremap-2cpu-intremap-off.txt");
		assertThat(r.facts().remap().state()).isEqualTo(RemapState.OFF);
		assertThat(r.facts().remap().conflicts()).anyMatch(e -> e.at().input().equals("acpi:DMAR+0x25"));
		List<Problem> contradictions = r.problems().stream().filter(p -> p.kind() == Problem.Kind.CONTRADICTION).toList();
		assertThat(contradictions).hasSize(1);
		assertThat(contradictions.get(0).toText()).startsWith("dmesg:").contains("contradiction: interrupt remapping is off here",
				"but the firmware supports it: DMAR flags 0x01: INTR_REMAP");
		assertThat(r.platformText()).contains("bus pci pci0000 msi-parent vector");
	}

	@Test
	void dmarAndTheKernelLogOfTheSameBootAgree() throws Exception {
		Importer.Result r = FirmwareImportGoldenTest.run("q35", null, "q35-intel-iommu-intremap-2cpu", "q35-intel-iommu-intremap-2cpu.txt");
		assertThat(r.facts().remap().state()).isEqualTo(RemapState.ON);
		assertThat(r.facts().remap().stateSource().at().input()).isEqualTo("dmesg");
		assertThat(r.facts().remap().agreeing()).anyMatch(e -> e.at().input().equals("acpi:DMAR+0x25"));
		assertThat(r.problems()).noneMatch(p -> p.kind() == Problem.Kind.CONTRADICTION);
		assertThat(r.platformText()).contains("bus pci pci0000 msi-parent ir", "kernel \"6.12.");
		assertThat(r.plan().summary().remapAssumed()).isFalse();
	}
}
