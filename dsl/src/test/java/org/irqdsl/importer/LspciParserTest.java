package org.irqdsl.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.irqdsl.importer.PciFunction.Capabilities;
import org.junit.jupiter.api.Test;

class LspciParserTest {

	static LspciDump parse(String text) {
		return LspciParser.parse(InputText.of("lspci", "test", text));
	}

	static LspciDump sample(String name) {
		return LspciParser.parse(Samples.input("lspci", name));
	}

	static Map<String, PciFunction> byAddress(LspciDump d) {
		return d.functions().stream().collect(Collectors.toMap(PciFunction::printed, Function.identity()));
	}

	@Test
	void serverSampleMatchesItsSourceDescription() {
		// SOURCES.md: 26 funcs, 4 MSI-X enabled (2x NVMe Count=130, 2x X710 Count=129), 13 Maskable- MSI, 2 Maskable+ (X710)
		LspciDump d = sample("lspci-server-asrockrack-e3c252-xeon-x710-nvme-msix.txt");
		assertThat(d.functions()).hasSize(26);
		assertThat(d.functions()).filteredOn(f -> f.msix() != null && f.msix().enabled()).extracting(f -> f.msix().tableSize())
				.containsExactly(130, 130, 129, 129);
		assertThat(d.functions()).filteredOn(f -> f.msi() != null && !f.msi().maskable()).hasSize(13);
		assertThat(d.functions()).filteredOn(f -> f.msi() != null && f.msi().maskable()).extracting(PciFunction::printed)
				.containsExactly("03:00.0", "03:00.1");
		PciFunction xhci = byAddress(d).get("00:14.0");
		assertThat(xhci.msi()).isEqualTo(new PciFunction.MsiCap(true, 1, 8, false, true, 226));
		assertThat(xhci.driver()).isEqualTo("xhci_hcd");
		assertThat(xhci.classCode()).isEqualTo("0c03");
		assertThat(xhci.vendorDevice()).isEqualTo("8086:43ed");
		assertThat(d.problems()).isEmpty();
		assertThat(d.unknownCapabilities()).isPositive();
	}

	@Test
	void desktopSampleWithoutDomainPrefix() {
		LspciDump d = sample("lspci-desktop-asus-p8h61-sandybridge-radeon-rtl8168.txt");
		assertThat(d.functions()).hasSize(15);
		assertThat(d.functions()).filteredOn(f -> f.msi() != null && !f.msi().maskable()).hasSize(8);
		PciFunction nic = byAddress(d).get("03:00.0");
		assertThat(nic.address().domain()).isZero();
		assertThat(nic.msix()).isEqualTo(new PciFunction.MsixCap(true, 4, 462));
		assertThat(nic.msi().enabled()).isFalse();
	}

	@Test
	void accessDeniedSampleHidesCapabilitiesAndShowsTheVmdDomain() {
		LspciDump d = sample("lspci-notebook-hp14-tigerlake-vmd-nonroot-access-denied.txt");
		assertThat(d.accessDenied()).isEqualTo(15);
		assertThat(d.functions()).allMatch(f -> f.msi() == null && f.msix() == null);
		PciFunction nvme = byAddress(d).get("10000:e1:00.0");
		assertThat(nvme.address().domain()).isEqualTo(0x10000);
		assertThat(nvme.capabilities()).isEqualTo(Capabilities.ACCESS_DENIED);
		assertThat(nvme.capabilitiesLine()).isEqualTo(186);
		assertThat(nvme.disIntx()).isTrue();
		PciFunction vmd = byAddress(d).get("0000:00:0e.0");
		assertThat(vmd.vendorDevice()).isEqualTo("8086:9a0b");
		assertThat(vmd.classCode()).isEqualTo("0104");
		assertThat(byAddress(d).get("0000:00:1d.0").capabilities()).isEqualTo(Capabilities.VISIBLE); // Status: Cap-
	}

	@Test
	void riscvSampleWithSpaceIndentationAndNoIds() {
		LspciDump d = sample("lspci-riscv-spacemit-k3-nvme-vv-spaceindent.txt");
		assertThat(d.functions()).extracting(PciFunction::printed).containsExactly("0000:00:00.0", "0000:01:00.0", "0004:00:00.0");
		PciFunction nvme = byAddress(d).get("0000:01:00.0");
		assertThat(nvme.className()).isEqualTo("Non-Volatile memory controller");
		assertThat(nvme.classCode()).isNull();
		assertThat(nvme.msi()).isEqualTo(new PciFunction.MsiCap(false, 1, 8, true, true, 111));
		assertThat(nvme.msix()).isEqualTo(new PciFunction.MsixCap(true, 16, 143));
		assertThat(d.deviceTreeLine()).isEqualTo(2);
		assertThat(d.problems()).isEmpty();
	}

	@Test
	void numericOnlyHeaders() {
		LspciDump d = parse("""
				00:1f.2 0106: 8086:1c02 (rev 05) (prog-if 01 [AHCI 1.0])
				\tCapabilities: [80] MSI: Enable+ Count=1/1 Maskable- 64bit-
				""");
		PciFunction f = d.functions().get(0);
		assertThat(f.classCode()).isEqualTo("0106");
		assertThat(f.vendorDevice()).isEqualTo("8086:1c02");
		assertThat(f.msi().line()).isEqualTo(2);
	}

	@Test
	void pcilibWarningOnItsOwnLineIsCutOut() {
		LspciDump d = parse("""
				01:00.0 Ethernet controller: Intel Corporation I350 Gigabit Network Connection (rev 01)
				\tCapabilities: [70] MSI-X: Enable+ Count=10 Masked-
				\tCapabilities: [e0] Vital Product Data
				pcilib: sysfs_read_vpd: read failed: Input/output error
				\t\tNot readable
				\tKernel driver in use: igb
				""");
		assertThat(d.functions()).hasSize(1);
		assertThat(d.functions().get(0).driver()).isEqualTo("igb");
		assertThat(d.problems()).extracting(Problem::kind, p -> p.at().line()).containsExactly(org.assertj.core.groups.Tuple.tuple(Problem.Kind.WARNING, 4));
	}

	@Test
	void warningSplicedIntoAHeaderIsRemovedAndTheHeaderKept() {
		// seen in the wild: stderr without its line break, stdout resumes on the same line
		LspciDump d = parse("""
				04:00.0 SATA controller: ASMedia Technology Inc. ASM1166 Serial ATA Controller (rev 02) (prog-if 01 [AHCI 1.0])
				pcilib: sysfs_read_vpd: read failed: No such device06:00.0 Ethernet controller: Realtek Semiconductor Co., Ltd. RTL8111/8168/8211/8411 PCI Express Gigabit Ethernet Controller (rev 06)
				\tCapabilities: [50] MSI: Enable+ Count=1/1 Maskable- 64bit+
				""");
		assertThat(d.functions()).extracting(PciFunction::printed).containsExactly("04:00.0", "06:00.0");
		assertThat(d.functions().get(1).msi().line()).isEqualTo(3);
		assertThat(d.problems()).extracting(Problem::kind).containsExactly(Problem.Kind.WARNING);
	}

	@Test
	void warningSplicedIntoTheMiddleOfALineJoinsItsHalves() {
		// block-buffered stdout, unbuffered stderr: the warning lands inside a capability line
		LspciDump d = parse("""
				02:00.0 Non-Volatile memory controller [0108]: Samsung Electronics Co Ltd NVMe SSD Controller [144d:a808]
				\tCapabilities: [b0] MSI-X: Enable+ Copcilib: sysfs_read_vpd: read failed: Input/output error
				unt=33 Masked-
				\tKernel driver in use: nvme
				""");
		PciFunction f = d.functions().get(0);
		assertThat(f.msix()).isEqualTo(new PciFunction.MsixCap(true, 33, 2));
		assertThat(f.driver()).isEqualTo("nvme");
		assertThat(d.problems()).extracting(Problem::kind).containsExactly(Problem.Kind.WARNING);
	}

	@Test
	void oldPciutilsMsiFormat() {
		LspciDump d = parse("""
				00:1f.2 IDE interface: Intel Corporation 82801HBM/HEM (ICH8M/ICH8M-E) SATA IDE Controller (rev 03)
				\tCapabilities: [80] Message Signalled Interrupts: Mask- 64bit- Queue=0/2 Enable+
				\tCapabilities: [a0] MSI-X: Enable- Mask- TabSize=8
				""");
		PciFunction f = d.functions().get(0);
		assertThat(f.msi()).isEqualTo(new PciFunction.MsiCap(true, 1, 4, false, false, 2));
		assertThat(f.msix()).isEqualTo(new PciFunction.MsixCap(false, 8, 3));
	}

	@Test
	void unparseableLinesAreReportedWithTheirNumbers() {
		LspciDump d = parse("""
				\tStatus: Cap+ 66MHz-
				00:02.0 VGA compatible controller: Intel Corporation HD Graphics 620 (rev 02)
				\tCapabilities: [ac] MSI: Enable+ Count=3/1 Maskable- 64bit-
				\tCapabilities: [d0] MSI-X: Enable+ Count=9999 Masked-
				\tCapabilities: [e0] MSI: Enable+ Cou
				\tCapabilities: [f0 Power Management
				\tCapabilities: [100 v1] Process Address Space ID <?>
				this is not lspci
				00:02.0 VGA compatible controller: the same function again
				zz:02.0 not an address
				""");
		assertThat(d.problems()).extracting(p -> p.at().line()).containsExactly(1, 3, 4, 5, 6, 8, 9, 10);
		assertThat(d.problems()).allMatch(p -> p.kind() == Problem.Kind.UNPARSEABLE);
		assertThat(d.problems().get(1).toText()).isEqualTo(
				"lspci:3: unparseable: MSI Count=3/1: expected enabled/capable, each 1, 2, 4, 8, 16 or 32: \"Capabilities: [ac] MSI: Enable+ Count=3/1 Maskable- 64bit-\"");
		assertThat(d.unknownCapabilities()).isEqualTo(1);
		assertThat(d.functions()).hasSize(1);
		assertThat(d.functions().get(0).msi()).isNull();
	}

	@Test
	void plainLspciWithoutDetailsHidesCapabilities() {
		LspciDump d = parse("""
				00:00.0 Host bridge: Intel Corporation Device 9a14 (rev 01)
				00:02.0 VGA compatible controller: Intel Corporation UHD Graphics (rev 01)
				""");
		assertThat(d.functions()).extracting(PciFunction::capabilities).containsOnly(Capabilities.NO_DETAILS);
	}

	@Test
	void dosLineEndsAndDomainPrefixesUpToFiveDigits() {
		LspciDump d = parse("10000:e1:00.0 Non-Volatile memory controller [0108]: Sandisk Corp Device [15b7:5009]\r\n"
				+ "\tCapabilities: [b0] MSI-X: Enable+ Count=17 Masked-\r\n");
		assertThat(d.functions().get(0).address().domain()).isEqualTo(0x10000);
		assertThat(d.functions().get(0).msix().tableSize()).isEqualTo(17);
		assertThat(List.of(d.problems())).containsExactly(List.of());
	}
}
