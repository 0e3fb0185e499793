package org.irqdsl.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.validation.checks.Fixtures.*;

import org.irqdsl.validation.Diagnostics;
import org.junit.jupiter.api.Test;

/** entry-index: {@code dev.msi[i]} and {@code dev.msi-x[i]} name entries the device has (msi_desc::msi_index). */
class ScenarioReferencesTest {

	private static final String ID = "entry-index";

	/** A scenario on a GIC ITS platform with nic (MSI, 1 vector), nvme0 (MSI-X, 32) and ahci (MSI, no count). */
	private static String scenario(String... lines) {
		return platform(gicIts(), pciBus("its", "device nic at \"00:02.0\" { msi count 1 }",
				"device nvme0 at \"00:03.0\" { msi-x count 32 }", "device ahci at \"00:1f.2\" { msi maskable }"))
				+ "scenario s on p {\n" + String.join("\n", lines) + "\n}\n";
	}

	@Test
	void msiEntryBeyondTheCount() {
		String text = scenario("initially nic.msi[1] on cpu 1 vector 0x30");
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "nic.msi[1]", "error [" + ID + "]"));
		assertThat(message(text, ID)).isEqualTo("nic.msi[1]: the device has 1 msi entry (0..0)");
	}

	@Test
	void msixEntryBeyondTheTable() {
		String text = scenario("concurrently {", "device nvme0 { raise msi-x[32] }", "}");
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "raise msi-x[32]", "error [" + ID + "]"));
		assertThat(message(text, ID)).isEqualTo("nvme0.msi-x[32]: the device has 32 msi-x entries (0..31)");
	}

	@Test
	void entryOfACapabilityTheDeviceDoesNotHave() {
		String text = scenario("concurrently {", "cpu 0 { set-affinity nvme0.msi[0] cpu 1 }", "device nic { raise msi-x[0] }", "}");
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "nvme0.msi[0]", "error [" + ID + "]"),
				at(text, "raise msi-x[0]", "error [" + ID + "]"));
		assertThat(Diagnostics.messages(text)).containsExactly("device nvme0 has no msi capability",
				"device nic has no msi-x capability");
	}

	@Test
	void everyOperationsEntryIsChecked() {
		String text = scenario("concurrently {", "cpu 0 {", "request_irq nic.msi[2]", "enable_irq nic.msi[3]",
				"disable_irq nic.msi[4]", "free_irq nic.msi[5]", "}", "}");
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "nic.msi[2]", "error [" + ID + "]"),
				at(text, "nic.msi[3]", "error [" + ID + "]"), at(text, "nic.msi[4]", "error [" + ID + "]"),
				at(text, "nic.msi[5]", "error [" + ID + "]"));
	}

	@Test
	void msiWithoutCountHasOneEntry() {
		String text = scenario("initially ahci.msi[0] on cpu 1 vector 0x30", "concurrently {", "device ahci { raise msi[1] }", "}");
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "raise msi[1]", "error [" + ID + "]"));
	}

	@Test
	void entriesTheDevicesHave() {
		String text = scenario("initially nic.msi[0] on cpu 1 vector 0x30", "initially nvme0.msi-x[31] on cpu 2 vector 0x31",
				"concurrently {", "cpu 1 { set-affinity nic.msi[0] cpu 2 request_irq nvme0.msi-x[0] free_irq nvme0.msi-x[0] }",
				"device nic { raise msi[0] times 2 }", "device nvme0 { raise msi-x[31] }", "}", "expect no lost-interrupt");
		assertThat(Diagnostics.of(text)).isEmpty();
	}
}
