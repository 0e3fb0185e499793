package org.irqdsl.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.validation.checks.Fixtures.*;

import org.irqdsl.validation.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** duplicate-address and bad-address: lspci's [domain:]bus:device.function, CDX bus:device. */
class DuplicateAddressTest {

	private static final String ID = "duplicate-address";
	private static final String BAD = "bad-address";

	private static String its(String... buses) {
		String[] declarations = new String[buses.length + 1];
		declarations[0] = gicIts();
		System.arraycopy(buses, 0, declarations, 1, buses.length);
		return platform(declarations);
	}

	@Test
	void theSameFunctionWithAndWithoutItsPciDomain() {
		String text = its(pciBus("its", "device nic at \"00:02.0\" { msi-x count 4 }",
				"device nic2 at \"0000:00:02.0\" { msi-x count 4 }"));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "device nic2", "error [" + ID + "]"));
		assertThat(message(text, ID)).isEqualTo("devices nic and nic2 are both at 0000:00:02.0");
	}

	@Test
	void theSameFunctionOnTwoBusesOfThePlatform() {
		String text = its(pciBus("its", "device nic at \"00:02.0\""),
				"bus pci pcie1 msi-parent its {\n device nic2 at \"00:02.0\"\n}");
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "device nic2", "error [" + ID + "]"));
	}

	@Test
	void differentFunctionsOfOneDevice() {
		String text = its(pciBus("its", "device nic at \"00:02.0\" { msi-x count 4 }", "device nic_f1 at \"00:02.1\" { msi-x count 4 }"));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void vmdChildDomainIsAnotherPciDomain() {
		String text = platform(x86Vector("affinity-update two-step"), vmdMsi(), pciBus("vector",
				"device nic at \"00:02.0\" { msi-x count 4 }",
				vmdDevice("", "vmd_msi", "device nvme1 at \"10000:00:02.0\" { msi-x count 8 }")));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void twoCdxDevicesAtOneAddressOfOneBus() {
		String text = its("bus cdx cdx0 msi-parent its {\n device fpga0 at \"00:01\" { msi count 1 }\n device fpga1 at \"00:01\" { msi count 1 }\n}");
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "device fpga1", "error [" + ID + "]"));
		assertThat(message(text, ID)).isEqualTo("devices fpga0 and fpga1 are both at cdx0:00:01");
	}

	@Test
	void cdxAddressesOfDifferentBuses() {
		String text = its("bus cdx cdx0 msi-parent its {\n device fpga0 at \"00:01\" { msi count 1 }\n}",
				"bus cdx cdx1 msi-parent its {\n device fpga1 at \"00:01\" { msi count 1 }\n}");
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "00:20.0", "0:02.0", "00:02.8", "00:02", "123456:00:02.0", "nic" })
	void malformedPciAddress(String address) {
		String text = its(pciBus("its", "device nic at \"" + address + "\" { msi-x count 4 }"));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "device nic", "error [" + BAD + "]"));
		assertThat(message(text, BAD)).contains("PCI address \"" + address + "\" of nic", "[domain:]bus:device.function");
	}

	@ParameterizedTest
	@ValueSource(strings = { "00:1f.7", "0000:3d:00.0", "10000:01:00.0", "FF:1F.0" })
	void wellFormedPciAddress(String address) {
		String text = its(pciBus("its", "device nic at \"" + address + "\" { msi-x count 4 }"));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void malformedCdxAddress() {
		String text = its("bus cdx cdx0 msi-parent its {\n device fpga0 at \"00:01.0\" { msi count 1 }\n}");
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "device fpga0", "error [" + BAD + "]"));
		assertThat(message(text, BAD)).contains("CDX address \"00:01.0\" of fpga0", "\"bus:device\"");
	}

	@Test
	void malformedAddressesAreNotAlsoDuplicates() {
		String text = its(pciBus("its", "device nic at \"00:20.0\"", "device nic2 at \"00:20.0\""));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "device nic at", "error [" + BAD + "]"),
				at(text, "device nic2", "error [" + BAD + "]"));
	}
}
