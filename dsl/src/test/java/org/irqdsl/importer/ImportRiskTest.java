package org.irqdsl.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.irqdsl.diagnostics.Finding;
import org.irqdsl.importer.MachineFacts.Arch;
import org.irqdsl.importer.MachineReport.DeviceRisk;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 items 4 and 5: an unknown never hides a hazard, the architecture and MSI controller are
 * inferred from what the dumps show, and "at risk" means a hazard that holds whatever is assumed.
 * The inputs are made by hand in the shapes real dumps have; each says where its shape comes from.
 */
class ImportRiskTest {

	static Importer.Result run(String lspci, String interrupts) throws ImportException {
		return ImportRulesTest.run(lspci, interrupts, null, null);
	}

	static DeviceRisk risk(Importer.Result r, String device) {
		return r.report().atRisk().stream().filter(d -> d.device().equals(device)).findFirst().orElseThrow(() -> new AssertionError(
				device + " not at risk in\n" + r.report().toText()));
	}

	// ------------------------------------------------------------------------------------------
	// item 4: unknown architecture
	// ------------------------------------------------------------------------------------------

	/**
	 * {@code lspci -vv -s 00:1f.2}: one record, no host bridge. pciutils ls-caps.c cap_msi() prints the
	 * message address below the MSI line; fee00358 is an x86 LAPIC-window address (compatibility format).
	 */
	static final String ONE_RECORD = """
			00:1f.2 SATA controller: Intel Corporation 8 Series SATA Controller 1 [AHCI mode] (rev 04) (prog-if 01 [AHCI 1.0])
			\tControl: I/O+ Mem+ BusMaster+ SpecCycle- MemWINV- VGASnoop- ParErr- Stepping- SERR- FastB2B- DisINTx+
			\tCapabilities: [80] MSI: Enable+ Count=1/1 Maskable- 64bit-
			\t\tAddress: fee00358  Data: 0000
			\tKernel driver in use: ahci
			""";

	@Test
	void oneRecordWithoutHostBridgeIsX86ByItsMsiAddressAndAtRisk() throws Exception {
		Importer.Result r = run(ONE_RECORD, null);
		assertThat(r.facts().arch()).isEqualTo(Arch.X86);
		assertThat(r.facts().archEvidence().orElseThrow().toString())
				.isEqualTo("MSI address 0xfee00358 of 00:1f.2 in the x86 local APIC window 0xfee00000-0xfeefffff (lspci:4)");
		assertThat(risk(r, "ahci_00_1f_2").status()).isEqualTo("at-risk");
		assertThat(r.findings()).noneMatch(f -> f.id().equals("no-msi-parent"));
	}

	@Test
	void anUnknownArchitectureIsAssumedX86AndPossiblyAtRisk() throws Exception {
		// the same record with MSI disabled: the address was never written, nothing shows the architecture
		String lspci = ONE_RECORD.replace("MSI: Enable+", "MSI: Enable-").replace("fee00358", "00000000");
		Importer.Result r = run(lspci, null);
		assertThat(r.facts().arch()).isEqualTo(Arch.UNKNOWN);
		assertThat(r.platformText()).contains("domain vector : VECTOR").contains("bus pci pci0000 msi-parent vector")
				.contains("assumed x86 without interrupt remapping, the case at risk");
		assertThat(r.findings()).noneMatch(f -> f.id().equals("no-msi-parent")).noneMatch(Finding::isError);
		DeviceRisk d = risk(r, "ahci_00_1f_2");
		assertThat(d.status()).isEqualTo("possibly-at-risk");
		assertThat(d.assumptions()).anyMatch(a -> a.startsWith("architecture: unknown, assumed x86"));
		assertThat(r.report().machine().architecture()).startsWith("unknown, assumed x86");
		assertThat(r.report().notAtRisk()).isEmpty();
	}

	/**
	 * An Ampere Altra (arm64) record as {@code lspci -vvnn} prints it: root port vendor 1def; with the
	 * SMMU on, the GIC ITS doorbell is mapped at an IOVA page, so only the offset 0x040 of
	 * GITS_TRANSLATER (ITS base + 0x10040) survives: 00000000fff7f040.
	 */
	static final String AMPERE = """
			0000:00:01.0 PCI bridge [0604]: Ampere Computing, LLC Altra PCI Express Root Port a [1def:e101] (rev 04) (prog-if 00 [Normal decode])
			\tControl: I/O+ Mem+ BusMaster+ SpecCycle- MemWINV- VGASnoop- ParErr+ Stepping- SERR+ FastB2B- DisINTx+
			\tCapabilities: [50] MSI: Enable+ Count=1/32 Maskable+ 64bit+
			\t\tAddress: 00000000fff7f040  Data: 0000
			\t\tMasking: fffffffe  Pending: 00000000
			\tKernel driver in use: pcieport

			0000:01:00.0 Ethernet controller [0200]: Intel Corporation I210 Gigabit Network Connection [8086:1533] (rev 03)
			\tControl: I/O- Mem+ BusMaster+ SpecCycle- MemWINV- VGASnoop- ParErr+ Stepping- SERR+ FastB2B- DisINTx+
			\tCapabilities: [50] MSI: Enable+ Count=1/1 Maskable- 64bit+
			\t\tAddress: 00000000fff7f040  Data: 0001
			\tKernel driver in use: igb

			0000:02:00.0 USB controller [0c03]: Renesas Technology Corp. uPD720201 USB 3.0 Host Controller [1912:0014] (rev 03) (prog-if 30 [XHCI])
			\tControl: I/O- Mem+ BusMaster+ SpecCycle- MemWINV- VGASnoop- ParErr+ Stepping- SERR+ FastB2B- DisINTx+
			\tCapabilities: [50] MSI: Enable+ Count=1/8 Maskable- 64bit+
			\t\tAddress: 00000000fff7f040  Data: 0002
			\tKernel driver in use: xhci_hcd
			""";

	@Test
	void ampereAltraIsArm64WithAGicDoorbell() throws Exception {
		Importer.Result r = run(AMPERE, null);
		assertThat(r.facts().arch()).isEqualTo(Arch.ARM);
		assertThat(r.facts().archEvidence().orElseThrow().what()).contains("[1def:e101]: Ampere Computing root complex, an arm64 SoC");
		assertThat(r.platformText()).contains("domain its : GIC_ITS").contains("bus pci pci0000 msi-parent its")
				.contains("assumed GICv3 ITS: MSI address 0xfff7f040 of 0000:00:01.0 lies 0x040 into its page");
		// the dump says MSI: Enable+; check must not claim the devices fall back to INTx
		assertThat(r.findings()).noneMatch(f -> f.id().equals("no-msi-parent")).noneMatch(Finding::isError);
		assertThat(r.report().assumptions()).anyMatch(a -> a.startsWith("MSI controller: GICv3 ITS or GICv2m")
				&& a.contains("no kernel log or /proc/interrupts line tells which"));
		// both candidates mask at the parent: the two non-maskable MSIs are not at risk, and the report says under what
		assertThat(r.report().notAtRisk()).anyMatch(n -> n.startsWith("igb_01_00_0 0000:01:00.0: MSI, under GIC_ITS"));
		assertThat(r.report().machine().msiParents()).isEqualTo("GIC_ITS");
	}

	@Test
	void aGicDoorbellAloneMakesArm() throws Exception {
		// lspci -vv without -nn, and a vendor the importer does not know: the address still tells
		String lspci = AMPERE.replace(" [1def:e101]", "").replace("Ampere Computing, LLC", "Example SoC Vendor");
		Importer.Result r = run(lspci, null);
		assertThat(r.facts().arch()).isEqualTo(Arch.ARM);
		assertThat(r.facts().archEvidence().orElseThrow().what()).contains("an Arm GIC doorbell");
	}

	@Test
	void otherArm64RootComplexVendors() throws Exception {
		for (String vendor : new String[] { "19e5:a120", "177d:af84", "17cb:0400" }) {
			String lspci = AMPERE.replace("1def:e101", vendor).replace("fff7f040", "00000000"); // no doorbell: the vendor alone
			Importer.Result r = run(lspci, null);
			assertThat(r.facts().arch()).as(vendor).isEqualTo(Arch.ARM);
			// no ITS/GICv2m evidence: the devices are not assessed, and so possibly at risk, never "not at risk"
			assertThat(r.report().notAtRisk()).as(vendor).isEmpty();
			assertThat(risk(r, "igb_01_00_0").status()).isEqualTo("possibly-at-risk");
			assertThat(risk(r, "igb_01_00_0").hazards().get(0).risk()).isEqualTo("not assessed: MSI controller not visible");
		}
	}

	/**
	 * A RISC-V QEMU virt guest with AIA (aplic-imsic), Linux 6.10 or later: the IMSIC is an MSI parent
	 * whose msi_parent_ops give no name prefix, so per-device domains read "PCI-MSIX-0000:00:02.0".
	 */
	static final String RISCV_GUEST = """
			           CPU0       CPU1       CPU2       CPU3
			 10:      52634      49310      50412      48815  RISC-V INTC   5 Edge      riscv-timer
			 12:          0          0          0          0  APLIC-MSI-d000000.aplic  10 Level     ttyS0
			 24:          0          0          0          0  PCI-MSIX-0000:00:02.0   0 Edge      virtio1-config
			 25:        310          0         52          0  PCI-MSIX-0000:00:02.0   1 Edge      virtio1-req.0
			IPI0:       153        201        144        176  Rescheduling interrupts
			""";

	@Test
	void riscvGuestPerDeviceRowsInferTheImsic() throws Exception {
		Importer.Result r = run(null, RISCV_GUEST);
		assertThat(r.facts().arch()).isEqualTo(Arch.RISCV);
		assertThat(r.platformText()).contains("domain imsic : IMSIC").contains("bus pci pci0000 msi-parent imsic")
				.contains("assumed RISC-V IMSIC: PCI/MSI domain PCI-MSIX-0000:00:02.0");
		assertThat(r.report().assumptions()).anyMatch(a -> a.startsWith("MSI controller: the IMSIC"));
		assertThat(r.findings()).noneMatch(f -> f.id().equals("no-msi-parent")).noneMatch(Finding::isError);
	}

	@Test
	void armWithoutAnyControllerLineIsNeverSafe() throws Exception {
		// an Arm router whose PCIe controller has its own MSI domain (DesignWare): GIC rows, a global PCI-MSI row
		String interrupts = """
				           CPU0       CPU1
				 17:     123456     234567     GIC  27 Edge      arch_timer
				 60:       5000          0   PCI-MSI 524288 Edge      ath10k_pci
				IPI0:         0          0  CPU wakeup interrupts
				""";
		Importer.Result r = run(null, interrupts);
		assertThat(r.facts().arch()).isEqualTo(Arch.ARM);
		assertThat(r.report().notAtRisk()).isEmpty();
		DeviceRisk d = risk(r, "ath10k_pci_01_00_0");
		assertThat(d.status()).isEqualTo("possibly-at-risk");
		assertThat(d.assumptions()).contains("MSI controller: not visible in the inputs");
	}

	// ------------------------------------------------------------------------------------------
	// item 5: at risk / possibly at risk / note
	// ------------------------------------------------------------------------------------------

	/**
	 * A Skylake notebook's {@code lspci -vvnn} (host bridge 8086:1910), MSI addresses left out as if
	 * copied without the sub-lines: remapping and the kernel are unknown. Two Maskable- MSIs, and
	 * one Maskable+ MSI with Count=1/8.
	 */
	static final String SKYLAKE = """
			00:00.0 Host bridge [0600]: Intel Corporation Xeon E3-1200 v5/E3-1500 v5/6th Gen Core Processor Host Bridge/DRAM Registers [8086:1910] (rev 07)
			\tControl: I/O- Mem+ BusMaster+ SpecCycle- MemWINV- VGASnoop- ParErr- Stepping- SERR- FastB2B- DisINTx-

			00:14.0 USB controller [0c03]: Intel Corporation 100 Series/C230 Series Chipset Family USB 3.0 xHCI Controller [8086:a12f] (rev 31) (prog-if 30 [XHCI])
			\tControl: I/O- Mem+ BusMaster+ SpecCycle- MemWINV- VGASnoop- ParErr- Stepping- SERR- FastB2B- DisINTx+
			\tCapabilities: [70] MSI: Enable+ Count=1/8 Maskable- 64bit+
			\tKernel driver in use: xhci_hcd

			00:16.0 Communication controller [0780]: Intel Corporation 100 Series/C230 Series Chipset Family MEI Controller #1 [8086:a13a] (rev 31)
			\tControl: I/O- Mem+ BusMaster+ SpecCycle- MemWINV- VGASnoop- ParErr- Stepping- SERR- FastB2B- DisINTx+
			\tCapabilities: [8c] MSI: Enable+ Count=1/1 Maskable- 64bit+
			\tKernel driver in use: mei_me

			3a:00.0 Non-Volatile memory controller [0108]: Example NVMe controller [1234:5678] (prog-if 02 [NVM Express])
			\tControl: I/O- Mem+ BusMaster+ SpecCycle- MemWINV- VGASnoop- ParErr- Stepping- SERR- FastB2B- DisINTx+
			\tCapabilities: [50] MSI: Enable+ Count=1/8 Maskable+ 64bit+
			\tKernel driver in use: nvme
			""";

	@Test
	void aHazardThatHoldsUnderEveryAssumptionIsAtRiskAndAShortfallIsANote() throws Exception {
		Importer.Result r = run(SKYLAKE, null);
		MachineReport report = r.report();
		assertThat(report.atRisk()).extracting(DeviceRisk::device).containsExactly("xhci_hcd_00_14_0", "mei_me_00_16_0");
		assertThat(report.atRisk()).allSatisfy(d -> assertThat(d.status()).isEqualTo("at-risk"));
		assertThat(report.counts().atRisk()).isEqualTo(2);
		assertThat(report.counts().possiblyAtRisk()).isZero();
		// the Maskable+ NVMe only gets one of its 8 vectors: a note, not a risk
		assertThat(report.notes()).singleElement().satisfies(d -> {
			assertThat(d.device()).isEqualTo("nvme_3a_00_0");
			assertThat(d.status()).isEqualTo("note");
			assertThat(d.hazards()).singleElement().satisfies(h -> {
				assertThat(h.check()).isEqualTo("flag-masked-by-parent");
				assertThat(h.status()).isEqualTo("note");
			});
		});
		assertThat(report.toText()).contains("rogue device cannot be silenced [unmaskable-without-parent-mask, warning]: 2 devices, at risk whatever")
				.contains("lost interrupt (torn MSI message) [nonmaskable-msi-without-remap, warning]: 2 devices, possibly at risk")
				.contains("Notes (not at risk: nothing is lost):");
	}

	@Test
	void oldJoinedChipAndFlowRowsSetTheKernelEraWithOrWithoutIr() throws Exception {
		// old x86 format (csm-csci442/proc-snapshot shape), without the IO-APIC rows that used to be needed
		for (String chip : new String[] { "IR-PCI-MSI-edge", "PCI-MSI-edge" }) {
			String interrupts = "           CPU0       CPU1\n 42:      14400       3668   " + chip + "      ahci\n";
			Importer.Result r = run(null, interrupts);
			assertThat(r.facts().kernel().bound()).as(chip).isEqualTo(KernelVersion.X86_TWO_STEP);
			assertThat(r.facts().kernel().atLeast()).as(chip).isFalse();
			assertThat(r.facts().arch()).as(chip).isEqualTo(Arch.X86);
		}
	}

	@Test
	void aVmdChildIsUnderTheVmdsOwnMsiDomain() throws Exception {
		String lspci = """
				0000:00:0e.0 RAID bus controller [0104]: Intel Corporation Volume Management Device NVMe RAID Controller [8086:9a0b]
				\tCapabilities: [80] MSI-X: Enable+ Count=64 Masked-
				\tKernel driver in use: vmd

				10000:e1:00.0 Non-Volatile memory controller [0108]: Sandisk Corp Device [15b7:5009] (rev 01)
				\tCapabilities: [b0] MSI-X: Enable+ Count=17 Masked-
				\tKernel driver in use: nvme
				""";
		Importer.Result r = run(lspci, null);
		assertThat(r.report().notAtRisk()).anyMatch(n -> n.startsWith("nvme_10000_e1_00_0 10000:e1:00.0: MSI-X (every entry maskable), "
				+ "under VMD_MSI vmd_msi_10000 (VMD 0000:00:0e.0's own MSI domain, DOMAIN_BUS_VMD_MSI"));
		assertThat(r.report().notAtRisk()).filteredOn(n -> n.startsWith("nvme_10000")).noneMatch(n -> n.contains("(every entry maskable), under VECTOR"));
	}

	@Test
	void disabledMsiIsNotWrittenAsEnabledVectors() throws Exception {
		String lspci = SKYLAKE.replace("Capabilities: [70] MSI: Enable+ Count=1/8", "Capabilities: [70] MSI: Enable- Count=1/8");
		Importer.Result r = run(lspci, null);
		assertThat(r.platformText()).contains("MSI Enable- Count=1/8 Maskable- 64bit+ (lspci:6): count is what the function can ask for, "
				+ "MSI disabled at dump time (Enable-)").doesNotContain("(lspci:6): count is what the function can ask for, 1 enabled");
	}

	@Test
	void msiAddressFormatsTellRemapping() throws Exception {
		// VT-d remappable format (bit 4 set), as on the ASRock Rack E3C252 server of data/real: fee00218
		String remapped = SKYLAKE.replace("\tCapabilities: [8c] MSI: Enable+ Count=1/1 Maskable- 64bit+\n",
				"\tCapabilities: [8c] MSI: Enable+ Count=1/1 Maskable- 64bit+\n\t\tAddress: 00000000fee00218  Data: 0000\n");
		Importer.Result on = run(remapped, null);
		assertThat(on.facts().remap().state()).isEqualTo(MachineFacts.RemapState.ON);
		assertThat(on.platformText()).contains("domain ir : DMAR parent vector");
		// compatibility format on an Intel host: VT-d remaps nothing in that format
		Importer.Result off = run(remapped.replace("fee00218", "fee04004"), null);
		assertThat(off.facts().remap().state()).isEqualTo(MachineFacts.RemapState.OFF);
		// on AMD, AMD-Vi keeps the compatibility format while remapping: it says nothing
		Importer.Result amd = run(remapped.replace("fee00218", "fee04004").replace("[8086:1910]", "[1022:1450]"), null);
		assertThat(amd.facts().remap().state()).isEqualTo(MachineFacts.RemapState.UNKNOWN);
	}
}
