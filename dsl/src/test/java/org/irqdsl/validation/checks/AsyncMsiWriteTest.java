package org.irqdsl.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.validation.checks.Fixtures.*;

import org.irqdsl.validation.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** async-msi-write: seed 000 (CDX bus MSI support). */
class AsyncMsiWriteTest {

	private static final String ID = "async-msi-write";

	/** A CDX bus under the GIC ITS (drivers/cdx/cdx_msi.c), with the given bus lines. */
	private static String cdx(String... lines) {
		return platform(gicIts(), "bus cdx cdx0 msi-parent its {\n" + String.join("\n", lines) + "\n}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "firmware-queued", "work-queue" })
	void queuedWriteOnTheBusIsReportedOnceForTheBus(String write) {
		String text = cdx("msi-write " + write, "device fpga0 at \"00:01\" { msi count 1 }",
				"device fpga1 at \"00:02\" { msi-x count 4 }");
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "msi-write " + write, "error [" + ID + "]"));
		assertThat(message(text, ID)).contains("every device on bus cdx0", "msi-write " + write, "request_irq",
				"seed 000", "irq_bus_sync_unlock()", "firmware-sync");
		// the GIC ITS never rewrites the message on an affinity change: only the request_irq half applies
		assertThat(message(text, ID)).doesNotContain("stop_machine()");
	}

	@Test
	void queuedWriteUnderAParentThatRewritesTheMessageCannotFollowHotUnplug() {
		String text = platform(x86Vector("affinity-update two-step"),
				"bus pci pcie0 msi-parent vector {\ndevice nic at \"00:02.0\" {\n msi-x count 4\n msi-write work-queue\n}\n}");
		assertThat(message(text, ID)).contains("request_irq", "stop_machine()", "seed 000");
	}

	@Test
	void queuedWriteOnOneDeviceIsReportedOnThatDevice() {
		String text = cdx("device fpga0 at \"00:01\" { msi count 1 }",
				"device fpga1 at \"00:02\" {\n msi-x count 4\n msi-write work-queue\n}");
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "msi-write work-queue", "error [" + ID + "]"));
		assertThat(message(text, ID)).contains("device fpga1 (00:02)", "msi-write work-queue");
	}

	@Test
	void cdxDefaultsToTheSynchronousFirmwareWriteUnderTheBusLock() {
		String text = cdx("device fpga0 at \"00:01\" { msi count 1 }");
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void synchronousFirmwareWriteIsTheFix() {
		String text = cdx("msi-write firmware-sync", "device fpga0 at \"00:01\" { msi count 1 }");
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void aDeviceWithoutMsiHasNoMessageToWrite() {
		String text = cdx("msi-write firmware-queued", "device fpga0 at \"00:01\"");
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "firmware-sync", "atomic", "config-words" })
	void aSynchronousDeviceOnAQueuedBusIsNotReported(String write) {
		String text = cdx("msi-write firmware-queued", "device fpga0 at \"00:01\" { msi count 1 msi-write " + write + " }");
		assertThat(Diagnostics.of(text)).isEmpty();
	}
}
