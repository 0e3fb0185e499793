package org.irqdsl.importer.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.irqdsl.diagnostics.Finding;
import org.irqdsl.importer.ImportException;
import org.irqdsl.importer.Importer;
import org.irqdsl.importer.InputText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every device tree and ACPI table set of data/firmware imports to the platform and report kept in
 * src/test/resources/importer-firmware/ (regenerate with -Dirqdsl.updateGoldens=true and read the
 * diff), and the platform has no check error.
 */
class FirmwareImportGoldenTest {

	static final Path GOLDEN = Path.of("src/test/resources/importer-firmware");
	static final boolean UPDATE = Boolean.getBoolean("irqdsl.updateGoldens");

	/** name, --dtb (data/firmware/dtb), --acpi (data/firmware/acpi), --dmesg (data/firmware/dmesg). */
	static Stream<Arguments> cases() {
		return Stream.of(
				Arguments.of("qemu_arm64_gicv3_its", "qemu-arm64-virt-gicv3-its", null, null),
				Arguments.of("qemu_arm64_gicv2m", "qemu-arm64-virt-gicv2m", null, null),
				Arguments.of("qemu_riscv64_aplic_imsic", "qemu-riscv64-virt-aplic-imsic", null, null),
				Arguments.of("qemu_riscv64_aplic_wired", "qemu-riscv64-virt-aplic", null, null),
				// real boards, compiled from Linux 6.1's own .dts (scripts/firmware-board-dtbs)
				Arguments.of("board_rk3568_rock_3a", "board-rk3568-rock-3a", null, null),
				Arguments.of("board_fsl_ls1028a_rdb", "board-fsl-ls1028a-rdb", null, null),
				Arguments.of("board_amd_overdrive_rev_b1", "board-amd-overdrive-rev-b1", null, null),
				Arguments.of("board_hifive_unmatched_a00", "board-hifive-unmatched-a00", null, null),
				Arguments.of("board_mpfs_icicle_kit", "board-mpfs-icicle-kit", null, null),
				Arguments.of("acpi_q35_intel_intremap", null, "q35-intel-iommu-intremap", null),
				Arguments.of("acpi_q35_intel_nointremap", null, "q35-intel-iommu-nointremap", null),
				Arguments.of("acpi_q35_amd_iommu", null, "q35-amd-iommu", null),
				Arguments.of("acpi_arm64_gicv3_its", null, "arm64-virt-gicv3-its", null),
				Arguments.of("acpi_arm64_gicv3_its_smmuv3", null, "arm64-virt-gicv3-its-smmuv3", null),
				// the same q35 machine: its tables and its Debian kernel's boot log
				Arguments.of("acpi_q35_intel_with_dmesg", null, "q35-intel-iommu-intremap-2cpu", "q35-intel-iommu-intremap-2cpu.txt"),
				Arguments.of("acpi_q35_intel_with_dmesg_intremap_off", null, "q35-intel-iommu-intremap-2cpu",
						"q35-intel-iommu-intremap-2cpu-intremap-off.txt"));
	}

	static Importer.Result run(String name, String dtb, String acpi, String dmesg) throws ImportException {
		List<FirmwareFacts> fw = new ArrayList<>();
		if (dtb != null) {
			fw.add(FirmwareInputs.dtb(FirmwareSamples.dtb(dtb)));
		}
		if (acpi != null) {
			fw.add(FirmwareInputs.acpi(FirmwareSamples.acpi(acpi)));
		}
		Optional<InputText> log = Optional.empty();
		if (dmesg != null) {
			Path p = FirmwareSamples.dir().resolve("dmesg").resolve(dmesg);
			log = Optional.of(InputText.read("dmesg", p));
		}
		return Importer.run(new Importer.Request(Optional.empty(), Optional.empty(), log, Optional.empty(), name, name + ".irqdsl", fw));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void importsToTheGoldenPlatformAndReport(String name, String dtb, String acpi, String dmesg) throws Exception {
		Importer.Result r = run(name, dtb, acpi, dmesg);
		golden(name + ".irqdsl", r.platformText());
		golden(name + ".report.txt", r.report().toText());
		assertThat(r.findings()).as("check findings of " + name).noneMatch(Finding::isError);
	}

	/** Paths are printed relative to the repository, so the goldens do not depend on where it is checked out. */
	static String portable(String text) {
		return text.replace(FirmwareSamples.dir().getParent().getParent().toString() + "/", "");
	}

	static void golden(String file, String actual) throws IOException {
		Path p = GOLDEN.resolve(file);
		String text = portable(actual);
		if (UPDATE || !Files.exists(p)) {
			Files.createDirectories(p.getParent());
			Files.writeString(p, text, StandardCharsets.UTF_8);
		}
		assertThat(text).as(p.toString()).isEqualTo(Files.readString(p, StandardCharsets.UTF_8));
	}
}
