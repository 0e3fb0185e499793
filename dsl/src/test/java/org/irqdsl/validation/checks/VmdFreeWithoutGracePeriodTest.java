package org.irqdsl.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.validation.checks.Fixtures.*;

import org.irqdsl.validation.Diagnostics;
import org.junit.jupiter.api.Test;

/** vmd-free-without-grace-period: seed 004, free_irq() against vmd_flow_handler(). */
class VmdFreeWithoutGracePeriodTest {

	private static final String ID = "vmd-free-without-grace-period";

	private static String vmdPlatform(String teardown) {
		return platform(x86Vector("affinity-update two-step"), vmdMsi(),
				pciBus("vector", vmdDevice(teardown, "vmd_msi", "device nvme1 at \"10000:01:00.0\" { msi-x count 8 }")));
	}

	@Test
	void freeWithoutGracePeriod() {
		String text = vmdPlatform("free-irq no-grace-period");
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "free-irq no-grace-period", "warning [" + ID + "]"));
		assertThat(message(text, ID)).contains("VMD vmd0", "vmd_flow_handler()", "use after free", "seed 004");
	}

	@Test
	void freeAfterAGracePeriod() {
		String text = vmdPlatform("free-irq grace-period");
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void noTeardownDeclaredIsTodaysSynchronizeSrcu() {
		String text = vmdPlatform("");
		assertThat(Diagnostics.of(text)).isEmpty();
	}
}
