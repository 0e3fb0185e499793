package org.irqdsl.runtime.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.runtime.sim.Runs.*;
import static org.irqdsl.runtime.sim.config.Property.LOST_INTERRUPT;
import static org.irqdsl.runtime.sim.config.Property.SPURIOUS_INTERRUPT;
import static org.irqdsl.runtime.sim.config.SimConfigBuilder.*;

import org.irqdsl.runtime.sim.config.AffinityUpdate;
import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.sim.config.SimConfigBuilder;
import org.junit.jupiter.api.Test;

/**
 * Seed 001 (tglx on the RISC-V IMSIC affinity RFC): a non-maskable MSI whose address and data are
 * written as separate 32-bit words; a raise in between uses (new address, old data) and is lost.
 * The normative core's torn_update scenario: nic.msi[0] on cpu 1 vector 0x30 moves to cpu 2 vector
 * 0x31 while the device raises.
 */
class Seed001TornUpdateTest {

	private static SimConfig tornUpdate(SimConfigBuilder.Device nic, int moveOnCpu) {
		return SimConfigBuilder.scenario("torn_update").platform("x86_noremap").cpus(4)
				.device(nic)
				.initially("nic.msi[0]", 1, 0x30)
				.cpuThread(moveOnCpu, setAffinity("nic.msi[0]", 2, 0x31))
				.deviceThread("nic", raise("msi[0]"))
				.expectNo(LOST_INTERRUPT)
				.build();
	}

	private static SimConfig tornUpdate(SimConfigBuilder.Device nic) {
		return tornUpdate(nic, 1);
	}

	@Test
	void directOnNonMaskableMsiLosesTheInterruptThroughTheTornMessage() {
		SimResult r = run(tornUpdate(msi("nic").affinityUpdate(AffinityUpdate.DIRECT)));
		assertThat(verdict(r, 0)).isEqualTo(Verdict.FAILS);
		assertThat(lines(r, LOST_INTERRUPT)).containsSubsequence(
				"write address_lo (cpu 2) -> device sees cpu 2 vector 0x30 (torn)",
				"raise msi[0] -> cpu 2 vector 0x30 (torn message: new address, old data)",
				"write data (vector 0x31)",
				"(cpu 2 vector 0x30: no owner) -> interrupt LOST");
		assertThat(text(r, LOST_INTERRUPT)).startsWith("CPU1").contains("Device nic")
				.contains("=> lost-interrupt: nic.msi[0] was raised and no handler ran");
	}

	@Test
	void lazyMoveLosesItThroughTheNewAddressOldDataIntermediate() {
		SimResult r = run(tornUpdate(msi("nic").affinityUpdate(AffinityUpdate.LAZY_MOVE)));
		assertThat(verdict(r, 0)).isEqualTo(Verdict.FAILS);
		assertThat(lines(r, LOST_INTERRUPT)).containsSubsequence(
				"imsic_irq_set_affinity(nic.msi[0]) -> cpu 2 vector 0x31 (at once, process context)",
				"raise msi[0] -> cpu 2 vector 0x30 (torn message: new address, old data)",
				"imsic_vector_move: lazy timer armed on cpu 1",
				"(cpu 2 vector 0x30: no owner) -> interrupt LOST");
		// the timer sync looks at the old vector only: it cannot see the torn delivery
		assertThat(lines(r, LOST_INTERRUPT)).anyMatch(l -> l.contains("vector 0x30 not pending"));
	}

	@Test
	void twoStepLosesNothingButMayRaiseASpuriousInterrupt() {
		SimResult r = run(tornUpdate(msi("nic").affinityUpdate(AffinityUpdate.TWO_STEP)));
		assertThat(verdict(r, 0)).isEqualTo(Verdict.HOLDS);
		assertThat(r.observed(SPURIOUS_INTERRUPT)).isTrue();
		assertThat(lines(r, SPURIOUS_INTERRUPT)).containsSubsequence(
				"msi_set_affinity(nic.msi[0]) -> cpu 2 vector 0x31",
				"lock(vector_lock)",
				"write data (vector 0x31) -> device sees cpu 1 vector 0x31 (tmp)",
				"raise msi[0] -> cpu 1 vector 0x31 (tmp message: old address, new data)",
				"write address_lo (cpu 2)",
				"unlock(vector_lock)",
				"lapic_vector_set_in_irr(0x31) on cpu 1: pending",
				"apic_retrigger_irq: IPI -> cpu 2 vector 0x31",
				"(cpu 1 vector 0x31: no owner) -> spurious interrupt");
	}

	@Test
	void twoStepRunRemotelyFallsBackToADirectWriteAndLoses() {
		// msi_set_affinity() must run on the current target: from CPU0 it warns and writes directly.
		SimResult r = run(tornUpdate(msi("nic").affinityUpdate(AffinityUpdate.TWO_STEP), 0));
		assertThat(verdict(r, 0)).isEqualTo(Verdict.FAILS);
		assertThat(lines(r, LOST_INTERRUPT)).contains(
				"msi_set_affinity: path direct (two-step needs on-current-target)");
	}

	@Test
	void remapLosesNothingAndRaisesNothingSpurious() {
		SimResult r = run(tornUpdate(msi("nic").affinityUpdate(AffinityUpdate.REMAP)));
		assertThat(verdict(r, 0)).isEqualTo(Verdict.HOLDS);
		assertThat(r.observed(SPURIOUS_INTERRUPT)).isFalse();
		assertThat(r.traces()).isEmpty();
	}

	@Test
	void immutableMessageLosesNothing() {
		SimResult r = run(tornUpdate(msi("nic").affinityUpdate(AffinityUpdate.IMMUTABLE)));
		assertThat(verdict(r, 0)).isEqualTo(Verdict.HOLDS);
		assertThat(r.traces()).isEmpty();
	}

	@Test
	void maskableMsiWithMaskedUpdateLosesNothing() {
		SimResult r = run(tornUpdate(msi("nic").maskable(true).affinityUpdate(AffinityUpdate.MASKED)));
		assertThat(verdict(r, 0)).isEqualTo(Verdict.HOLDS);
		assertThat(r.traces()).isEmpty();
	}

	@Test
	void directOnAMaskableEntryIsMaskedAroundTheMoveAndCannotTear() {
		// Normative core: like irq_move_irq(), a maskable entry is masked around any move.
		SimResult r = run(tornUpdate(msi("nic").maskable(true).affinityUpdate(AffinityUpdate.DIRECT)));
		assertThat(verdict(r, 0)).isEqualTo(Verdict.HOLDS);
		SimResult x = run(SimConfigBuilder.scenario("torn_update_msix").cpus(4)
				.device(msix("nic").affinityUpdate(AffinityUpdate.DIRECT))
				.initially("nic.msi-x[0]", 1, 0x30)
				.cpuThread(1, setAffinity("nic.msi-x[0]", 2, 0x31))
				.deviceThread("nic", raise("msi-x[0]"))
				.expectNo(LOST_INTERRUPT).build());
		assertThat(verdict(x, 0)).isEqualTo(Verdict.HOLDS);
		assertThat(x.traces()).isEmpty();
	}

	@Test
	void maskedOnANonMaskableEntryDegeneratesToDirect() {
		SimResult r = run(tornUpdate(msi("nic").affinityUpdate(AffinityUpdate.MASKED)));
		assertThat(verdict(r, 0)).isEqualTo(Verdict.FAILS);
		assertThat(lines(r, LOST_INTERRUPT))
				.contains("mask nic.msi[0]: the entry has no mask bit, nothing is masked");
	}
}
