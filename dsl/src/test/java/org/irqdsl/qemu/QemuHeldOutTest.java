package org.irqdsl.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.irqdsl.irqDsl.Model;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The round trip over platforms it was not written against (data/qemu/heldout.irqdsl). The guest side
 * is made of measured output only: each QEMU device's lspci -vv stanza as QEMU 7.2 printed it in a
 * real guest (src/test/resources/qemu/guests, copied from `irqdsl qemu --run` boots), put at the
 * address and given the MSI-X table size the generated QEMU command line asks for, with the kernel log
 * of a real boot of the same machine type. So the mapping, the command line and the import must
 * agree with what QEMU builds, not with the description.
 */
class QemuHeldOutTest {

	private static final Path HELD_OUT = Path.of("../data/qemu/heldout.irqdsl");

	/** Which measured stanza is which QEMU device (lspci's name of the function). */
	private static final Map<String, String> MODEL_BY_NAME = Map.of("QEMU NVM Express Controller", "nvme",
			"SATA Controller [AHCI mode]", "ahci", "I/O Hub PCI Express Root Port", "ioh3420", "82574L Gigabit", "e1000e");

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "held_amd_ir, q35-amd-ir, multi", "held_plain, q35-plain, none", "held_intel_ir, q35-intel-ir, maskd",
			"held_arm64_its, virt-arm64-its, ''" })
	void eachHeldOutPlatformComesBackFromWhatQemuBuilds(String platform, String measured, String unmatched) throws Exception {
		Model m = Models.load(HELD_OUT);
		MachinePlan plan = MachinePlan.of(Models.platform(m, platform, HELD_OUT.toString()));
		// the planned QEMU devices have the described shapes, and a device without one is named
		plan.placed().forEach(p -> assertThat(DeviceTable.match(p.shape())).contains(p.qemu()));
		assertThat(plan.unmatched()).extracting(u -> u.device().getName())
				.containsExactlyElementsOf(unmatched.isEmpty() ? List.of() : List.of(unmatched));

		String lspci = guestLspci(plan, measured);
		GuestImport back = GuestImport.of(lspci, withoutMsiLines(resource(measured + "-interrupts.txt")), resource(measured + "-dmesg.txt"),
				platform + "_guest", "held-out/" + platform);
		RoundTrip rt = RoundTrip.compare(plan, back.platform());

		assertThat(rt.differences()).as(rt.toText()).isEmpty();
		assertThat(rt.agreements()).hasSize(plan.placed().size() + 2);
		plan.unmatched().forEach(u -> assertThat(rt.notes()).anyMatch(n -> n.contains("device " + u.device().getName() + " ")));
	}

	@Test
	void aQemuDeviceGivenAnotherTableSizeIsADifferenceWithItsReason() throws Exception {
		Model m = Models.load(HELD_OUT);
		MachinePlan plan = MachinePlan.of(Models.platform(m, "held_plain", HELD_OUT.toString()));
		String lspci = guestLspci(plan, "q35-plain").replace("MSI-X: Enable+ Count=3 ", "MSI-X: Enable+ Count=4 ");
		GuestImport back = GuestImport.of(lspci, withoutMsiLines(resource("q35-plain-interrupts.txt")), resource("q35-plain-dmesg.txt"), "g",
				"held-out");
		RoundTrip rt = RoundTrip.compare(plan, back.platform());
		assertThat(rt.differences()).singleElement().asString().contains("- device nvB (nvme at ", ": msi-x count 3",
				"msi-x count 4", "reason: the MSI-X table size differs: QEMU's nvme was given msix_qsize=3");
	}

	/**
	 * The guest's lspci -vv: the measured machine's own functions (host bridge; q35's 00:1f.x), then each
	 * -device of the generated command line as the measured stanza of that model, at its addr and, for
	 * nvme, with the msix_qsize it is given (hw/nvme/ctrl.c: the table has msix_qsize entries).
	 */
	static String guestLspci(MachinePlan plan, String measured) throws IOException {
		Map<String, String> byModel = new LinkedHashMap<>();
		for (String dump : List.of("q35-plain", "q35-intel-ir", "q35-amd-ir", "virt-arm64-its")) {
			for (String stanza : stanzas(resource(dump + "-lspci.txt"))) {
				MODEL_BY_NAME.forEach((name, model) -> {
					if (stanza.lines().findFirst().orElse("").contains(name)) {
						byModel.putIfAbsent(model, stanza);
					}
				});
			}
		}
		StringBuilder out = new StringBuilder();
		for (String stanza : stanzas(resource(measured + "-lspci.txt"))) {
			// the machine's own functions: host bridge, q35's 00:1f.x, amd-iommu's PCI function
			String first = stanza.lines().findFirst().orElse("");
			if (stanza.startsWith("00:1f.") || MODEL_BY_NAME.keySet().stream().noneMatch(first::contains)) {
				out.append(stanza).append("\n\n");
			}
		}
		List<String> cmd = QemuCommandLine.build(plan, 2, Path.of("k"), Path.of("i"), Path.of("c"), Path.of("o"));
		Pattern device = Pattern.compile("^(ahci|nvme|ioh3420|e1000e),.*\\baddr=([0-9a-f]{2}\\.[0-7])(?:.*\\bmsix_qsize=(\\d+))?");
		for (int i = 0; i + 1 < cmd.size(); i++) {
			Matcher d = cmd.get(i).equals("-device") ? device.matcher(cmd.get(i + 1)) : null;
			if (d == null || !d.find()) {
				continue;
			}
			String stanza = byModel.get(d.group(1));
			assertThat(stanza).as("a measured lspci stanza of QEMU's " + d.group(1)).isNotNull();
			stanza = "00:" + d.group(2) + stanza.substring(7);
			if (d.group(3) != null) {
				stanza = stanza.replaceFirst("MSI-X: Enable\\+ Count=\\d+ ", "MSI-X: Enable+ Count=" + d.group(3) + " ");
			}
			out.append(stanza).append("\n\n");
		}
		return out.toString();
	}

	private static List<String> stanzas(String lspci) {
		List<String> s = new ArrayList<>();
		for (String block : lspci.split("\n\\s*\n")) {
			if (block.matches("(?s)[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7] .*")) {
				s.add(block.strip());
			}
		}
		return s;
	}

	/** The measured machine's /proc/interrupts without its MSI lines (they belong to its own devices). */
	private static String withoutMsiLines(String interrupts) {
		return String.join("\n", interrupts.lines().filter(l -> !l.contains("MSI")).toList()) + "\n";
	}

	private static String resource(String name) throws IOException {
		try (InputStream in = QemuHeldOutTest.class.getResourceAsStream("/qemu/guests/" + name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
