package org.irqdsl.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.validation.checks.Fixtures.*;

import org.irqdsl.validation.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** msi-count: MSI Multiple Message Capable (a power of two up to 32), MSI-X Table Size (up to 2048). */
class MsiCountTest {

	private static final String ID = "msi-count";

	/** A device with the given capabilities under the GIC ITS (which supports MULTI_PCI_MSI and MSI-X). */
	private static String device(String capabilities) {
		return platform(gicIts(), pciBus("its", "device dev at \"00:02.0\" { " + capabilities + " }"));
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 3, 6, 64 })
	void msiCountThatIsNotAPowerOfTwoUpTo32(int count) {
		String text = device("msi count " + count);
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "device dev", "error [" + ID + "]"));
		assertThat(message(text, ID)).isEqualTo("dev: MSI count " + count + " is not 1, 2, 4, 8, 16 or 32");
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 16, 32 })
	void msiCountTheCapabilityCanExpress(int count) {
		assertThat(Diagnostics.of(device("msi count " + count))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 2049 })
	void msixCountOutsideTheTableSize(int count) {
		String text = device("msi-x count " + count);
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "device dev", "error [" + ID + "]"));
		assertThat(message(text, ID)).isEqualTo("dev: MSI-X count " + count + " is not within 1..2048");
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2048 })
	void msixCountWithinTheTableSize(int count) {
		assertThat(Diagnostics.of(device("msi-x count " + count))).isEmpty();
	}

	@Test
	void capabilitiesWithoutCountAreOneVector() {
		assertThat(Diagnostics.of(device("msi msi-x"))).isEmpty();
	}
}
