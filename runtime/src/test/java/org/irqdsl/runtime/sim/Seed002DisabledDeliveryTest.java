package org.irqdsl.runtime.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.runtime.sim.Runs.*;
import static org.irqdsl.runtime.sim.config.Property.DELIVERED_WHILE_DISABLED;
import static org.irqdsl.runtime.sim.config.Property.LOST_INTERRUPT;
import static org.irqdsl.runtime.sim.config.SimConfigBuilder.*;

import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.sim.config.SimConfigBuilder;
import org.junit.jupiter.api.Test;

/**
 * Seed 002 (Zyngier and tglx on MSI_FLAG_PCI_MSI_MASK_PARENT): device-level MSI masking ranges from
 * absent to flaky, so a rogue device keeps raising after disable_irq() unless the parent irqchip
 * masks.
 */
class Seed002DisabledDeliveryTest {

	private static SimConfig rogue(SimConfigBuilder.Device nic) {
		return SimConfigBuilder.scenario("rogue_device").cpus(2)
				.device(nic)
				.initially("nic.msi[0]", 1, 0x30)
				.cpuThread(0, disableIrq("nic.msi[0]"))
				.deviceThread("nic", raise("msi[0]", 2))
				.expectNo(DELIVERED_WHILE_DISABLED)
				.expectNo(LOST_INTERRUPT).build();
	}

	@Test
	void aDeviceThatKeepsRaisingReachesTheCpuWhenNothingCanMask() {
		SimResult r = run(rogue(msi("nic")));
		assertThat(verdict(r, 0)).isEqualTo(Verdict.FAILS);
		assertThat(lines(r, DELIVERED_WHILE_DISABLED)).containsSubsequence(
				"disable_irq(nic.msi[0]) (lazy, depth 1)",
				"vector 0x30 -> nic.msi[0] disabled: IRQS_PENDING, mask_ack_irq cannot mask (no mask bit, parent does not mask)",
				"raise msi[0] -> cpu 1 vector 0x30",
				"vector 0x30 -> nic.msi[0] is disabled and nothing masked it: interrupt DELIVERED WHILE DISABLED");
		// a disabled irq's pending interrupt is kept for enable_irq: not lost
		assertThat(verdict(r, 1)).isEqualTo(Verdict.HOLDS);
	}

	@Test
	void theParentMaskingSilencesIt() {
		SimResult r = run(rogue(msi("nic").parentMasks(true)));
		assertThat(verdict(r, 0)).isEqualTo(Verdict.HOLDS);
	}

	@Test
	void aMaskableEntryIsMaskedAtTheDevice() {
		SimResult r = run(rogue(msi("nic").maskable(true)));
		assertThat(verdict(r, 0)).isEqualTo(Verdict.HOLDS);
	}

	@Test
	void enableIrqReplaysWhatArrivedWhileDisabled() {
		SimResult r = run(SimConfigBuilder.scenario("disable_enable").cpus(2)
				.device(msi("nic").parentMasks(true))
				.initially("nic.msi[0]", 1, 0x30)
				.cpuThread(0, disableIrq("nic.msi[0]"), enableIrq("nic.msi[0]"))
				.deviceThread("nic", raise("msi[0]", 2))
				.expectNo(LOST_INTERRUPT).expectNo(DELIVERED_WHILE_DISABLED).build());
		assertThat(verdict(r, 0)).isEqualTo(Verdict.HOLDS);
		assertThat(verdict(r, 1)).isEqualTo(Verdict.HOLDS);
	}
}
