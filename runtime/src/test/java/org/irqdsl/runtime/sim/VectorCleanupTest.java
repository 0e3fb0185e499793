package org.irqdsl.runtime.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.runtime.sim.Runs.*;
import static org.irqdsl.runtime.sim.config.Property.LOST_INTERRUPT;
import static org.irqdsl.runtime.sim.config.Property.SPURIOUS_INTERRUPT;
import static org.irqdsl.runtime.sim.config.SimConfigBuilder.*;

import org.irqdsl.runtime.sim.config.AffinityUpdate;
import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.sim.config.SimConfigBuilder;
import org.irqdsl.runtime.sim.config.VectorCleanup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The old vector's cleanup (seed 001, arch/x86/kernel/apic/vector.c): freed on the first arrival at
 * the new target and re-armed while still pending in the old CPU's IRR — or, the bug, at once, so
 * a delivery still in flight to the old vector finds no owner.
 */
class VectorCleanupTest {

	private static SimConfig move(AffinityUpdate update, VectorCleanup cleanup) {
		return SimConfigBuilder.scenario("cleanup").cpus(4)
				.device(msi("nic").affinityUpdate(update).vectorCleanup(cleanup))
				.initially("nic.msi[0]", 1, 0x30)
				.cpuThread(1, setAffinity("nic.msi[0]", 2, 0x31))
				.deviceThread("nic", raise("msi[0]", 2))
				.expectNo(LOST_INTERRUPT).expectNo(SPURIOUS_INTERRUPT).build();
	}

	@ParameterizedTest
	@EnumSource(value = AffinityUpdate.class, names = {"REMAP", "TWO_STEP"})
	void immediateCleanupLosesTheInterruptInFlightToTheOldVector(AffinityUpdate update) {
		SimResult r = run(move(update, VectorCleanup.IMMEDIATE));
		assertThat(verdict(r, 0)).isEqualTo(Verdict.FAILS);
		assertThat(lines(r, LOST_INTERRUPT)).containsSubsequence(
				"raise msi[0] -> cpu 1 vector 0x30" + (update == AffinityUpdate.REMAP ? " (via the IRTE)" : ""),
				"old vector freed at once: cpu 1 vector 0x30 (immediate cleanup)",
				"(cpu 1 vector 0x30: no owner) -> interrupt LOST");
		assertThat(r.observed(SPURIOUS_INTERRUPT)).isTrue();
	}

	@ParameterizedTest
	@EnumSource(value = AffinityUpdate.class, names = {"REMAP", "TWO_STEP"})
	void cleanupOnFirstArrivalLosesNothing(AffinityUpdate update) {
		SimResult r = run(move(update, VectorCleanup.ON_FIRST_ARRIVAL));
		assertThat(verdict(r, 0)).isEqualTo(Verdict.HOLDS);
		if (update == AffinityUpdate.REMAP) {
			assertThat(verdict(r, 1)).isEqualTo(Verdict.HOLDS);
		}
	}
}
