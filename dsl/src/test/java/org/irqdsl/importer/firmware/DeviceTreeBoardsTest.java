package org.irqdsl.importer.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.irqdsl.importer.Evidence;
import org.irqdsl.importer.firmware.FirmwareFacts.ControllerKind;
import org.irqdsl.importer.firmware.FirmwareFacts.HostBridge;
import org.junit.jupiter.api.Test;

/** Real boards' device trees (Linux 6.1's .dts, data/firmware/dtb/board-*.dtb) where they differ from QEMU's. */
class DeviceTreeBoardsTest {

	private static FirmwareFacts board(String name) throws Exception {
		return FirmwareInputs.dtb(FirmwareSamples.dtb(name));
	}

	private static List<String> details(HostBridge b) {
		return b.details().stream().map(Evidence::what).toList();
	}

	/** msi-map entries are 4 cells whatever #msi-cells says (of_map_id()); LS1028A's ITS has no #msi-cells. */
	@Test
	void msiMapEntriesAreFourCellsEvenWithoutMsiCells() throws Exception {
		FirmwareFacts f = board("board-fsl-ls1028a-rdb");
		assertThat(f.bridges()).hasSize(1);
		HostBridge enetc = f.bridges().get(0);
		assertThat(enetc.parent().kind()).isEqualTo(ControllerKind.GIC_ITS);
		assertThat(details(enetc)).containsExactly(
				"msi-map RID 0x0..0xd -> /interrupt-controller@6000000/gic-its@6020000 device ID 0x17..0x24");
		assertThat(enetc.evidence().at().toString()).startsWith("dtb:/soc/pcie@1f0000000");
	}

	/** RK3568 in Linux 6.1: msi-map points at the GICv3 itself (mbi-ranges), not at an ITS. */
	@Test
	void gicV3MbiIsAnMsiControllerIrqdslDoesNotModel() throws Exception {
		FirmwareFacts f = board("board-rk3568-rock-3a");
		assertThat(f.controllers()).extracting(FirmwareFacts.MsiController::kind).containsExactly(ControllerKind.GICV3_MBI);
		assertThat(f.controllers().get(0).evidence().what()).contains("SPI 296..319");
		assertThat(f.bridges()).singleElement().satisfies(b -> {
			assertThat(b.parent().kind()).isEqualTo(ControllerKind.GICV3_MBI);
			assertThat(details(b)).containsExactly("msi-map RID 0x0..0xfff -> /interrupt-controller@fd400000 device ID 0x0..0xfff");
		});
		assertThat(f.cpus()).isEqualTo(4);
	}

	/** DesignWare without msi-parent/msi-map (HiFive Unmatched) and Microchip's msi-parent = itself (PolarFire icicle). */
	@Test
	void hostBridgesThatAreTheirOwnMsiController() throws Exception {
		FirmwareFacts unmatched = board("board-hifive-unmatched-a00");
		assertThat(unmatched.controllers()).isEmpty();
		assertThat(unmatched.bridges()).singleElement().satisfies(b -> {
			assertThat(b.parent().kind()).isEqualTo(ControllerKind.BRIDGE_OWN);
			assertThat(b.parent().evidence().what()).contains("interrupt named \"msi\"");
		});
		// cpu@0, the S7 monitor core, is disabled
		assertThat(unmatched.cpus()).isEqualTo(4);
		FirmwareFacts icicle = board("board-mpfs-icicle-kit");
		assertThat(icicle.bridges()).singleElement().satisfies(b -> {
			assertThat(b.parent().kind()).isEqualTo(ControllerKind.BRIDGE_OWN);
			assertThat(b.parent().id()).isEqualTo("/pcie@3000000000");
		});
	}

	@Test
	void gicV2mFrameAsTheEcamBridgesMsiParent() throws Exception {
		FirmwareFacts f = board("board-amd-overdrive-rev-b1");
		assertThat(f.cpus()).isEqualTo(8);
		assertThat(f.bridges()).singleElement().satisfies(b -> {
			assertThat(b.parent().kind()).isEqualTo(ControllerKind.GICV2M);
			assertThat(b.parent().id()).isEqualTo("/interrupt-controller@e1101000/v2m@e0080000");
		});
	}
}
