package org.irqdsl.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.irqdsl.IrqDslStandaloneSetup;
import org.irqdsl.diagnostics.Finding;
import org.irqdsl.validation.policy.SeverityPolicy;
import org.irqdsl.workspace.SourceFiles;
import org.irqdsl.cli.UsageException;
import org.irqdsl.workspace.WorkspaceChecker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.gson.JsonParser;

/**
 * Every real sample, alone or with the dumps of the same machine, imports to the platform and the
 * report kept in src/test/resources/importer/ (regenerate them with -Dirqdsl.updateGoldens=true
 * and read the diff), and the platform passes irqdsl check without an error.
 */
class ImportGoldenTest {

	static final Path GOLDEN = Path.of("src/test/resources/importer");
	static final boolean UPDATE = Boolean.getBoolean("irqdsl.updateGoldens");
	private static final Set<String> USED = new HashSet<>();
	private static final com.google.inject.Injector INJECTOR = new IrqDslStandaloneSetup().createInjectorAndDoEMFRegistration();

	/** name, lspci, /proc/interrupts, kernel log, --kernel. */
	static Stream<Arguments> cases() {
		return Stream.of(
				Arguments.of("server_x710_nvme", "lspci-server-asrockrack-e3c252-xeon-x710-nvme-msix.txt", null, null, null),
				// SOURCES.md: the dump comes from Ubuntu's 5.15.0-83: with the version, the two-step update is known
				Arguments.of("server_x710_nvme_kernel_5_15", "lspci-server-asrockrack-e3c252-xeon-x710-nvme-msix.txt", null, null, "5.15.0"),
				Arguments.of("desktop_h61_rtl8168", "lspci-desktop-asus-p8h61-sandybridge-radeon-rtl8168.txt", null, null, null),
				Arguments.of("notebook_hp14_vmd", "lspci-notebook-hp14-tigerlake-vmd-nonroot-access-denied.txt", null, null, null),
				Arguments.of("spacemit_k3", "lspci-riscv-spacemit-k3-nvme-vv-spaceindent.txt", null, "dmesg-riscv-spacemit-k3-imsic-aplic.txt", null),
				Arguments.of("chromeos_jsl", null, "interrupts-chromeos-intel-4cpu-ir-msix-perdevice.txt", "dmesg-chromeos-dmar-ir-x2apic-syslogprefix.txt", null),
				Arguments.of("intel_8cpu_old", null, "interrupts-intel-8cpu-old-ir-pci-msi-edge.txt", null, null),
				Arguments.of("versal_xen_dom0", null, "interrupts-arm64-versal-xen-dom0-gicv3-its-msi.txt", null, null),
				Arguments.of("arm32_router", null, "interrupts-arm32-router-gic-nomsi-2cpu.txt", null, null),
				Arguments.of("epyc_genoa", null, null, "dmesg-epyc-genoa-amdvi-ir-x2apic.txt", null),
				Arguments.of("surface_pro7", null, null, "dmesg-surfacepro7-dmar-ir-xapic-x2apic-optout.txt", null),
				Arguments.of("alienware_m11x", null, null, "dmesg-alienware-m11x-noir-msi-alloc.txt", null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void importsToTheGoldenPlatformAndReport(String name, String lspci, String interrupts, String dmesg, String kernel) throws Exception {
		Importer.Result r = Samples.run(name, lspci, interrupts, dmesg, kernel);
		golden(name + ".irqdsl", r.platformText());
		golden(name + ".report.txt", r.report().toText());
		assertThat(r.findings()).as("check findings of " + name).noneMatch(Finding::isError);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void goldenPlatformPassesIrqdslCheck(String name) throws UsageException {
		Path file = GOLDEN.resolve(name + ".irqdsl");
		WorkspaceChecker checker = INJECTOR.getInstance(WorkspaceChecker.class);
		WorkspaceChecker.Result result = checker.check(List.of(file), new SourceFiles(1 << 20), SeverityPolicy.NONE);
		assertThat(result.unreadable()).isEmpty();
		assertThat(result.findings()).as(file.toString()).noneMatch(Finding::isError);
	}

	@Test
	void jsonReportOfChromeOs() throws Exception {
		Importer.Result r = Samples.run("chromeos_jsl", null, "interrupts-chromeos-intel-4cpu-ir-msix-perdevice.txt",
				"dmesg-chromeos-dmar-ir-x2apic-syslogprefix.txt", null);
		String json = r.report().toJson() + "\n";
		assertThat(JsonParser.parseString(json).getAsJsonObject().get("counts").getAsJsonObject().get("devicesWithMsi").getAsInt()).isEqualTo(9);
		golden("chromeos_jsl.report.json", json);
	}

	@Test
	void everySampleIsCovered() {
		Set<String> covered = new HashSet<>();
		cases().forEach(a -> {
			for (Object o : a.get()) {
				if (o instanceof String s && s.endsWith(".txt")) {
					covered.add(s);
				}
			}
		});
		assertThat(covered).containsExactlyInAnyOrderElementsOf(Samples.all());
	}

	static void golden(String file, String actual) throws IOException {
		Path path = GOLDEN.resolve(file);
		synchronized (USED) {
			USED.add(file);
		}
		if (UPDATE) {
			Files.createDirectories(GOLDEN);
			Files.writeString(path, actual, StandardCharsets.UTF_8);
			return;
		}
		assertThat(path).as("golden file " + path + " (create it with -Dirqdsl.updateGoldens=true)").exists();
		assertThat(actual).as("output against " + path + " (regenerate with -Dirqdsl.updateGoldens=true and review the diff)")
				.isEqualTo(Files.readString(path, StandardCharsets.UTF_8));
	}

	@AfterAll
	static void noStaleGoldens() throws IOException {
		if (UPDATE || USED.size() < cases().count() * 2 + 1) {
			return; // only some of the tests ran
		}
		try (Stream<Path> list = Files.list(GOLDEN)) {
			Set<String> present = new HashSet<>(list.map(p -> p.getFileName().toString()).toList());
			present.removeAll(USED);
			assertThat(present).as("golden files no test uses").isEmpty();
		}
	}
}
