package org.irqdsl.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.validation.checks.Fixtures.*;

import org.irqdsl.validation.Diagnostics;
import org.junit.jupiter.api.Test;

/** retrigger-takes-held-lock: seed 003, apic_retrigger_irq() under msi_set_affinity()'s vector_lock. */
class RetriggerTakesHeldLockTest {

	private static final String ID = "retrigger-takes-held-lock";
	private static final String NVME = "device nvme0 at \"00:03.0\" { msi-x count 32 }";

	@Test
	void retriggerThatTakesVectorLock() {
		String text = platform(x86Vector("affinity-update two-step", "retrigger takes-vector-lock"), pciBus("vector", NVME));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "retrigger takes-vector-lock", "error [" + ID + "]"));
		assertThat(message(text, ID)).contains("domain vector (VECTOR)", "vector_lock", "msi_set_affinity()",
				"CPU hot-unplug", "seed 003");
	}

	@Test
	void lockFreeRetriggerIsTheMergedFix() {
		String text = platform(x86Vector("affinity-update two-step", "retrigger lock-free"), pciBus("vector", NVME));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void noRetriggerDeclared() {
		String text = platform(x86Vector("affinity-update two-step"), pciBus("vector", NVME));
		assertThat(Diagnostics.of(text)).isEmpty();
	}
}
