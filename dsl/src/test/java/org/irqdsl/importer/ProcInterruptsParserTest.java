package org.irqdsl.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.irqdsl.analysis.PciAddress;
import org.irqdsl.importer.InterruptTable.Row;
import org.irqdsl.importer.MachineFacts.UseKind;
import org.junit.jupiter.api.Test;

class ProcInterruptsParserTest {

	static InterruptTable parse(String text) {
		return ProcInterruptsParser.parse(InputText.of("interrupts", "test", text));
	}

	static InterruptTable sample(String name) {
		return ProcInterruptsParser.parse(Samples.input("interrupts", name));
	}

	static Row row(InterruptTable t, String id) {
		return t.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
	}

	@Test
	void oldFormatGluesChipAndFlow() {
		InterruptTable t = sample("interrupts-intel-8cpu-old-ir-pci-msi-edge.txt");
		assertThat(t.cpus()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
		Row ahci = row(t, "42");
		assertThat(ahci.chip()).isEqualTo("IR-PCI-MSI");
		assertThat(ahci.flow()).isEqualTo("edge");
		assertThat(ahci.hwirq()).isNull();
		assertThat(ahci.actions()).isEqualTo("ahci");
		assertThat(ahci.total()).isEqualTo(14400 + 532274 + 3668);
		assertThat(row(t, "40").chip()).isEqualTo("DMAR_MSI");
		assertThat(t.problems()).isEmpty();
	}

	@Test
	void perDeviceDomainsNameTheFunction() {
		InterruptTable t = sample("interrupts-chromeos-intel-4cpu-ir-msix-perdevice.txt");
		assertThat(t.cpus()).containsExactly(0, 1, 2, 3);
		Row wifi = row(t, "130");
		assertThat(wifi.chip()).isEqualTo("IR-PCI-MSIX-0000:00:14.3");
		assertThat(wifi.hwirq()).isEqualTo(1L);
		assertThat(wifi.actions()).isEqualTo("iwlwifi:queue_1");
		assertThat(row(t, "122").actions()).isEqualTo("PCIe PME, aerdrv, pciehp");
		assertThat(row(t, "135").chip()).isEqualTo("intel-gpio");
		assertThat(row(t, "135").hwirq()).isEqualTo(87L);
		MsiChipName name = MsiChipName.of(wifi.chip(), wifi.hwirq()).orElseThrow();
		assertThat(name.kind()).isEqualTo(UseKind.MSIX);
		assertThat(name.prefix()).isEqualTo("IR-");
		assertThat(name.address()).isEqualTo(new PciAddress(0, 0, 0x14, 3));
		assertThat(row(t, "ERR").chip()).isNull();
		assertThat(t.problems()).isEmpty();
	}

	@Test
	void armRowsWithHwirqAndTriggerColumns() {
		InterruptTable t = sample("interrupts-arm64-versal-xen-dom0-gicv3-its-msi.txt");
		Row nvme = row(t, "37");
		assertThat(nvme.chip()).isEqualTo("ITS-MSI");
		assertThat(nvme.hwirq()).isEqualTo(524288L);
		assertThat(nvme.flow()).isEqualTo("Edge");
		assertThat(nvme.actions()).isEqualTo("nvme0q0");
		assertThat(row(t, "0").chip()).isEqualTo("xen-dyn");
		assertThat(row(t, "IPI4").actions()).isEqualTo("Timer broadcast interrupts");
	}

	@Test
	void globalDomainHwirqIsDecodedAsPciMsiDomainCalcHwirq() {
		// ITS: (01:00.0's requester id 0x0100) << 11 = 524288, MSI index 0
		assertThat(MsiChipName.decode(524288)).isEqualTo(new PciAddress(0, 1, 0, 0));
		// x86 4.x: "PCI-MSI 512000-edge ahci" is 00:1f.0's rid 0xfa << 11
		assertThat(MsiChipName.decode(512000)).isEqualTo(new PciAddress(0, 0, 0x1f, 2));
		// domain 4 sits above bit 27
		assertThat(MsiChipName.decode((4L << 27) | (0x0100L << 11) | 3)).isEqualTo(new PciAddress(4, 1, 0, 0));
		assertThat(MsiChipName.index((4L << 27) | (0x0100L << 11) | 3)).isEqualTo(3);
		assertThat(MsiChipName.decode(-1)).isNull();
		InterruptTable t = parse("""
				            CPU0       CPU1
				  24:          0       1234  IR-PCI-MSI 512000-edge      ahci[0000:00:1f.2]
				""");
		Row r = t.rows().get(0);
		assertThat(MsiChipName.of(r.chip(), r.hwirq()).orElseThrow().address()).isEqualTo(new PciAddress(0, 0, 0x1f, 2));
	}

	@Test
	void raggedRowsMissingHeaderAndGaps() {
		InterruptTable t = parse("""
				 122:          0          0  IR-PCI-MSI-0000:00:1c.0    0-edge      PCIe PME
				 ERR:          1
				 123:      47263
				 124:  oops
				""");
		assertThat(t.cpus()).isEmpty();
		assertThat(t.headerLine()).isZero();
		assertThat(row(t, "122").chip()).isEqualTo("IR-PCI-MSI-0000:00:1c.0");
		assertThat(t.problems()).extracting(p -> p.at().line()).containsExactly(3);
		assertThat(row(t, "124").chip()).isEqualTo("oops");
	}

	@Test
	void offlineCpusAreTheGapsOfTheHeader() {
		InterruptTable t = parse("""
				           CPU0       CPU1       CPU3
				  16:      12          0          4   IO-APIC   16-fasteoi   i801_smbus
				""");
		assertThat(t.cpus()).containsExactly(0, 1, 3);
		MachineFacts f = new MachineFactsBuilder(java.util.Optional.empty(), java.util.Optional.of(t), java.util.Optional.empty(),
				java.util.Optional.empty()).build();
		assertThat(f.cpus().count()).isEqualTo(4);
		assertThat(f.cpus().offline()).containsExactly(2);
	}

	@Test
	void linesThatAreNoRowsAreReported() {
		InterruptTable t = parse("""
				           CPU0
				  16:      12   IO-APIC   16-fasteoi   i801_smbus
				garbage without a colon
				           CPU0       CPU1
				""");
		assertThat(t.problems()).extracting(p -> p.at().line()).containsExactly(3, 4);
	}

	/** Issue 10 item 1: a header of 1,500 or more CPUs overflowed the stack of a repeated regex group. */
	@Test
	void headerOf8192CpusWithDataRows() {
		int n = 8192; // NR_CPUS of the largest x86 and arm64 configurations
		StringBuilder text = new StringBuilder();
		for (int c = 0; c < n; c++) {
			text.append(String.format("%10s", "CPU" + c));
		}
		text.append('\n');
		for (String row : new String[] { "  0:", " 42:", "LOC:" }) {
			text.append(row);
			for (int c = 0; c < n; c++) {
				text.append(String.format(" %10d", c % 7));
			}
			text.append(row.equals("LOC:") ? "   Local timer interrupts\n" : row.equals(" 42:") ? "  IR-PCI-MSI 512000-edge      ahci\n"
					: "  IR-IO-APIC    2-edge      timer\n");
		}
		InterruptTable t = parse(text.toString());
		assertThat(t.problems()).isEmpty();
		assertThat(t.cpus()).hasSize(n).startsWith(0, 1, 2).endsWith(n - 1);
		assertThat(t.headerLine()).isEqualTo(1);
		Row ahci = row(t, "42");
		assertThat(ahci.chip()).isEqualTo("IR-PCI-MSI");
		assertThat(ahci.hwirq()).isEqualTo(512000L);
		assertThat(ahci.actions()).isEqualTo("ahci");
		long perRow = 0;
		for (int c = 0; c < n; c++) {
			perRow += c % 7;
		}
		assertThat(ahci.total()).isEqualTo(perRow);
		assertThat(row(t, "LOC").actions()).isEqualTo("Local timer interrupts");
	}

	@Test
	void headerOf2000CpusImportsWithTheCpuCount() throws Exception {
		StringBuilder text = new StringBuilder(" ");
		for (int c = 0; c < 2000; c++) {
			text.append(c == 0 ? "" : " ").append("CPU").append(c);
		}
		Importer.Result r = ImportRulesTest.run(null, text + "\n", null, null);
		assertThat(r.platformText()).contains("cpus 2000    // header CPU0..CPU1999 (interrupts:1)");
	}

	@Test
	void cpuHeaderTokens() {
		assertThat(ProcInterruptsParser.cpuHeader("           CPU0       CPU1       ")).containsExactly(0, 1);
		assertThat(ProcInterruptsParser.cpuHeader("CPU0 CPU2")).containsExactly(0, 2);
		assertThat(ProcInterruptsParser.cpuHeader("CPU0 CPUx")).isNull();
		assertThat(ProcInterruptsParser.cpuHeader("CPU0 GPU1")).isNull();
		assertThat(ProcInterruptsParser.cpuHeader("CPU0CPU1")).isNull();
		assertThat(ProcInterruptsParser.cpuHeader("   ")).isNull();
	}
}
