package org.irqdsl.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.irqdsl.diagnostics.Finding;
import org.junit.jupiter.api.Test;

/** The inference rules of the issue, each on a small hand-made machine. */
class ImportRulesTest {

	static final String X86_LSPCI = """
			00:00.0 Host bridge [0600]: Intel Corporation Device [8086:4c43] (rev 01)
			\tControl: I/O- Mem+ BusMaster+ SpecCycle- MemWINV- VGASnoop- ParErr- Stepping- SERR- FastB2B- DisINTx-

			00:1f.2 SATA controller [0106]: Intel Corporation Device [8086:1c02] (rev 05) (prog-if 01 [AHCI 1.0])
			\tControl: I/O+ Mem+ BusMaster+ SpecCycle- MemWINV- VGASnoop- ParErr- Stepping- SERR- FastB2B- DisINTx+
			\tCapabilities: [80] MSI: Enable+ Count=1/1 Maskable- 64bit-
			\tKernel driver in use: ahci
			""";

	static Importer.Result run(String lspci, String interrupts, String dmesg, String kernel) throws ImportException {
		Optional<KernelLog.Versioned> k = Optional.ofNullable(kernel)
				.map(v -> new KernelLog.Versioned(KernelVersion.parse(v).orElseThrow(), "--kernel " + v, SourceRef.commandLine()));
		return Importer.run(new Importer.Request(Optional.ofNullable(lspci).map(t -> InputText.of("lspci", "lspci.txt", t)),
				Optional.ofNullable(interrupts).map(t -> InputText.of("interrupts", "interrupts.txt", t)),
				Optional.ofNullable(dmesg).map(t -> InputText.of("dmesg", "dmesg.txt", t)), k, "rules", "rules.irqdsl"));
	}

	static List<String> ids(Importer.Result r) {
		return r.findings().stream().map(f -> f.severity() + " " + f.id()).toList();
	}

	@Test
	void x86WithoutRemappingBeforeV56WritesDirectAndIsAtRisk() throws Exception {
		Importer.Result r = run(X86_LSPCI, null, "[ 0.0] Linux version 5.5.19 (x@y) #1 SMP\n[ 0.1] DMAR-IR: Failed to enable irq remapping.\n", null);
		assertThat(r.platformText()).contains("affinity-update direct    // kernel 5.5.19 < v5.6").contains("kernel \"5.5.19\"")
				.doesNotContain("domain ir");
		assertThat(ids(r)).contains("warning nonmaskable-msi-without-remap");
		assertThat(r.report().atRisk()).singleElement().satisfies(d -> {
			assertThat(d.status()).isEqualTo("at-risk");
			assertThat(d.hazards().get(0).mechanism()).startsWith(
					"non-maskable MSI, no interrupt remapping, kernel 5.5.19 direct update: torn message can lose an interrupt");
			assertThat(d.hazards().get(0).remedies()).anyMatch(x -> x.startsWith("enable interrupt remapping"))
					.anyMatch(x -> x.startsWith("a kernel >= v5.6")).anyMatch(x -> x.contains("Maskable+"));
		});
	}

	@Test
	void x86WithoutRemappingSinceV56WritesTwoStep() throws Exception {
		Importer.Result r = run(X86_LSPCI, null, "[ 0.0] Linux version 5.6.0 (x@y) #1 SMP\n[ 0.1] DMAR-IR: Failed to enable irq remapping.\n", null);
		assertThat(r.platformText()).contains("affinity-update two-step    // kernel 5.6.0 >= v5.6: msi_set_affinity() two-step update (commit 6f1a4891a592)");
		assertThat(ids(r)).contains("info nonmaskable-msi-without-remap").doesNotContain("warning nonmaskable-msi-without-remap");
	}

	@Test
	void oldInterruptFormatProvesAnOldKernelAndNoRemapping() throws Exception {
		String interrupts = """
				           CPU0       CPU1
				  0:         15          0   IO-APIC-edge      timer
				 42:      14400       3668   PCI-MSI-edge      ahci
				LOC:    6276392    3065369   Local timer interrupts
				""";
		Importer.Result r = run(X86_LSPCI, interrupts, null, null);
		assertThat(r.platformText()).contains("cpus 2    // header CPU0..CPU1 (interrupts:1)")
				.contains("// interrupt remapping off: IO-APIC without the IR- prefix (interrupts:2)").contains("affinity-update direct");
		assertThat(r.report().atRisk()).singleElement().satisfies(d -> {
			assertThat(d.status()).isEqualTo("at-risk");
			assertThat(d.hazards().get(0).mechanism()).startsWith(
					"non-maskable MSI, no interrupt remapping, kernel < 5.6 direct update: torn message can lose an interrupt");
		});
	}

	@Test
	void unknownKernelAndRemappingAreWrittenAsAssumptions() throws Exception {
		Importer.Result r = run(X86_LSPCI, null, null, null);
		assertThat(r.platformText()).contains("interrupt remapping: unknown").contains("assumed off, the case at risk")
				.contains("affinity-update direct    // kernel version unknown: assumed older than v5.6");
		// issue 10 item 5: the seen Maskable- MSI cannot be silenced under any x86 parent, whatever is assumed
		assertThat(r.report().atRisk()).singleElement().satisfies(d -> {
			assertThat(d.status()).isEqualTo("at-risk");
			assertThat(d.hazards()).filteredOn(h -> h.check().equals("unmaskable-without-parent-mask")).singleElement()
					.satisfies(h -> assertThat(h.status()).isEqualTo("at-risk"));
			assertThat(d.hazards()).filteredOn(h -> h.check().equals("nonmaskable-msi-without-remap")).singleElement().satisfies(h -> {
				assertThat(h.status()).isEqualTo("possibly-at-risk");
				assertThat(h.restsOn()).containsExactly("interrupt remapping: unknown, assumed off", "kernel version: unknown, direct update assumed");
			});
		});
		assertThat(r.report().counts().atRisk()).isEqualTo(1);
		assertThat(r.report().counts().possiblyAtRisk()).isZero();
		assertThat(r.report().toConfirm()).anyMatch(s -> s.contains("--kernel"));
	}

	@Test
	void remappingPutsTheDevicesUnderTheRemapDomain() throws Exception {
		Importer.Result r = run(X86_LSPCI, null, "<6>[    0.086739] DMAR-IR: Enabled IRQ remapping in x2apic mode\n", null);
		assertThat(r.platformText()).contains("domain ir : DMAR parent vector {").contains("affinity-update remap")
				.contains("bus pci pci0000 msi-parent ir {").contains("prefix    \"IR-\"");
		assertThat(ids(r)).doesNotContain("warning nonmaskable-msi-without-remap").contains("warning unmaskable-without-parent-mask");
	}

	@Test
	void amdViGetsItsOwnBusToken() throws Exception {
		Importer.Result r = run(X86_LSPCI, null, "[    3.455399] AMD-Vi: Interrupt remapping enabled\n", null);
		assertThat(r.platformText()).contains("domain ir : AMDVI parent vector {").contains("bus-token DOMAIN_BUS_AMDVI");
		assertThat(r.findings()).noneMatch(Finding::isError);
	}

	@Test
	void imsicFollowsTheKernelVersion() throws Exception {
		String lspci = """
				0000:00:00.0 PCI bridge: SpacemiT Device 0002 (rev 01) (prog-if 00 [Normal decode])
				        Device tree node: /sys/firmware/devicetree/base/soc/pcie@80000000/interrupt-controller@0
				        Capabilities: [50] MSI: Enable+ Count=1/32 Maskable- 64bit+
				""";
		String dmesg = "[    0.1] riscv-imsic: interrupt-controller@e0400000: total 8160 interrupts available\n";
		assertThat(run(lspci, null, dmesg, "6.14.0").platformText()).contains("affinity-update lazy-move    // kernel 6.14.0 < v6.15");
		Importer.Result r = run(lspci, null, dmesg, "6.15.2");
		assertThat(r.platformText()).contains("affinity-update two-step    // kernel 6.15.2 >= v6.15").contains("kernel \"6.15.2\"");
		assertThat(ids(r)).contains("info nonmaskable-msi-without-remap");
		assertThat(ids(run(lspci, null, dmesg, null))).contains("warning nonmaskable-msi-without-remap");
	}

	@Test
	void gicItsIsImmutable() throws Exception {
		String interrupts = """
				           CPU0       CPU1
				 11:      18084      11575     GICv3  27 Level     arch_timer
				 37:         17          0   ITS-MSI 524288 Edge      nvme0q0
				""";
		Importer.Result r = run(null, interrupts, null, null);
		assertThat(r.platformText()).contains("domain its : GIC_ITS {").contains("affinity-update immutable")
				.contains("domain-flags IRQ_DOMAIN_FLAG_ISOLATED_MSI, IRQ_DOMAIN_FLAG_MSI_IMMUTABLE")
				.contains("device nvme_01_00_0 at \"0000:01:00.0\" { msi count 1 }");
		assertThat(ids(r)).doesNotContain("warning nonmaskable-msi-without-remap", "warning unmaskable-without-parent-mask");
	}

	@Test
	void everyDeviceNamesItsSourceLines() throws Exception {
		Importer.Result r = Samples.run("server", "lspci-server-asrockrack-e3c252-xeon-x710-nvme-msix.txt", null, null, null);
		List<String> lines = r.platformText().lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).strip().startsWith("device ")) {
				assertThat(lines.get(i - 1) + lines.get(i - 2)).as(lines.get(i)).containsPattern("lspci:\\d+");
			}
		}
	}

	@Test
	void severalVmdsTakeTheirChildDomainsInAddressOrder() throws Exception {
		String lspci = """
				0000:00:0e.0 RAID bus controller [0104]: Intel Corporation Volume Management Device NVMe RAID Controller [8086:9a0b]
				\tCapabilities: [80] MSI-X: Enable+ Count=64 Masked-
				\tKernel driver in use: vmd

				0000:64:00.5 RAID bus controller [0104]: Intel Corporation Volume Management Device NVMe RAID Controller [8086:28c0]
				\tCapabilities: [80] MSI-X: Enable+ Count=64 Masked-
				\tKernel driver in use: vmd

				10000:e1:00.0 Non-Volatile memory controller [0108]: Sandisk Corp Device [15b7:5009] (rev 01)
				\tCapabilities: [b0] MSI-X: Enable+ Count=17 Masked-
				\tKernel driver in use: nvme

				10001:01:00.0 Non-Volatile memory controller [0108]: Samsung Electronics Co Ltd Device [144d:a80a]
				\tCapabilities: [50] MSI: Enable+ Count=1/1 Maskable- 64bit+
				\tKernel driver in use: nvme
				""";
		Importer.Result r = run(lspci, null, null, null);
		assertThat(r.platformText()).contains("bus pci vmd10000 msi-parent vmd_msi_10000 {").contains("bus pci vmd10001 msi-parent vmd_msi_10001 {")
				.contains("domain vmd_msi_10000 : VMD_MSI {").contains("required  MSI_FLAG_USE_DEF_DOM_OPS, MSI_FLAG_NO_AFFINITY");
		String text = r.platformText();
		assertThat(text.indexOf("vmd10000")).isBetween(text.indexOf("device vmd_00_0e_0"), text.indexOf("device vmd_64_00_5"));
		// NO_AFFINITY: a VMD child never has its message moved
		assertThat(ids(r)).doesNotContain("warning nonmaskable-msi-without-remap");
		assertThat(r.findings()).noneMatch(Finding::isError);
	}

	@Test
	void vmdBypassIsSeenInProcInterrupts() throws Exception {
		String lspci = """
				0000:00:0e.0 RAID bus controller [0104]: Intel Corporation Volume Management Device NVMe RAID Controller [8086:9a0b]
				\tCapabilities: [80] MSI-X: Enable+ Count=64 Masked-
				\tKernel driver in use: vmd

				10000:e1:00.0 Non-Volatile memory controller [0108]: Sandisk Corp Device [15b7:5009] (rev 01)
				\tCapabilities: [b0] MSI-X: Enable+ Count=17 Masked-
				\tKernel driver in use: nvme
				""";
		String interrupts = """
				            CPU0       CPU1
				 140:          0          9  IR-PCI-MSIX-10000:e1:00.0    0-edge      nvme0q0
				""";
		Importer.Result r = run(lspci, interrupts, null, null);
		assertThat(r.platformText()).contains("bypass (VMD_FEAT_CAN_BYPASS_MSI_REMAP)").contains("bypass\n")
				.contains("bus pci vmd10000 {").doesNotContain("VMD_MSI");
		assertThat(r.findings()).noneMatch(Finding::isError);
	}

	@Test
	void unusableInputsGiveClearErrors() {
		assertThatThrownBy(() -> run(null, null, null, null)).isInstanceOf(ImportException.class).hasMessageContaining("nothing to import");
		assertThatThrownBy(() -> run("           CPU0       CPU1\n  0:  1  2  IO-APIC   2-edge  timer\n", null, null, null))
				.isInstanceOf(ImportException.class).hasMessageContaining("it looks like /proc/interrupts (2 of 2 lines), not `lspci -vv`: use --interrupts");
		assertThatThrownBy(() -> run(null, "[    0.0] Linux version 6.1.0\n", null, null)).isInstanceOf(ImportException.class)
				.hasMessageContaining("it looks like a kernel log (dmesg) (1 of 1 line), not /proc/interrupts: use --dmesg");
		assertThatThrownBy(() -> run(null, null, "\n\n", null)).isInstanceOf(ImportException.class).hasMessageContaining("empty");
		assertThatThrownBy(() -> InputText.decode("lspci", "x.bin", new byte[] { 0, 1, 2, 3, 0, 0, 0, 'a' }))
				.isInstanceOf(ImportException.class).hasMessageContaining("not a text file");
	}
}
