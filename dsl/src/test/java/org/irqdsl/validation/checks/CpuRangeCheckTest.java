package org.irqdsl.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.validation.checks.Fixtures.*;

import org.irqdsl.validation.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** cpu-range: include/linux/cpumask.h, CPUs declared once, below NR_CPUS, one online. */
class CpuRangeCheckTest {

	private static final String ID = "cpu-range";

	private static String cpus(String cpus) {
		return platformWithCpus(cpus, gicIts(), pciBus("its", "device nvme0 at \"00:03.0\" { msi-x count 32 }"));
	}

	@Test
	void platformWithoutCpus() {
		String text = platformWithCpus("", gicIts());
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "platform p", "error [" + ID + "]"));
		assertThat(message(text, ID)).isEqualTo("platform p declares no CPUs: add `cpus N`");
	}

	@Test
	void cpusDeclaredTwice() {
		String text = cpus("cpus 4\ncpus [4..7]");
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "cpus [4..7]", "error [" + ID + "]"));
		assertThat(message(text, ID)).isEqualTo("platform p declares its CPUs more than once");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 8193 })
	void cpuCountOutsideNrCpus(int count) {
		String text = cpus("cpus " + count);
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "cpus " + count, "error [" + ID + "]"));
		assertThat(message(text, ID)).isEqualTo("cpus " + count + ": expected 1..8192");
	}

	@ParameterizedTest
	@ValueSource(strings = { "cpus 1", "cpus 8192", "cpus [0..3, 8..11]", "cpus [0]", "cpus [0..0]", "cpus 4 offline 1..3" })
	void cpusThatExist(String cpus) {
		assertThat(Diagnostics.of(cpus(cpus))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "3..1", "3..0", "0..8192" })
	void cpuRangeThatIsEmptyOrBeyondNrCpus(String range) {
		String text = cpus("cpus [" + range + "]");
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "cpus [", "error [" + ID + "]"));
		assertThat(message(text, ID)).isEqualTo("CPU range " + range + ": expected first <= last < 8192");
	}

	@Test
	void offlineCpuThatThePlatformDoesNotHave() {
		String text = cpus("cpus 4 offline 6");
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "cpus 4", "error [" + ID + "]"));
		assertThat(message(text, ID)).isEqualTo("offline cpu 6 is not one of the platform's CPUs");
	}

	@Test
	void everyCpuOffline() {
		String text = cpus("cpus 2 offline 0..1");
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "platform p", "error [" + ID + "]"));
		assertThat(message(text, ID)).isEqualTo("platform p has no online CPU");
	}

	@Test
	void scenarioCpusMustBeThePlatforms() {
		String text = cpus("cpus [0..3, 8..11]") + """
				scenario s on p {
				    initially nvme0.msi-x[0] on cpu 4 vector 0x30
				    concurrently {
				        cpu 12 { set-affinity nvme0.msi-x[0] cpu 9 }
				        cpu 8 { offline cpu 7 }
				        cpu 11 { online cpu 3 }
				    }
				}
				""";
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "on cpu 4", "error [" + ID + "]"),
				at(text, "cpu 12", "error [" + ID + "]"), at(text, "offline cpu 7", "error [" + ID + "]"));
		assertThat(Diagnostics.messages(text)).first().isEqualTo("cpu 4 is not one of platform p's CPUs ({0, 1, 2, 3, 8, 9, 10, 11})");
	}
}
