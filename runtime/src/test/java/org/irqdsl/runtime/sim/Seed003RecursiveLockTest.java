package org.irqdsl.runtime.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.runtime.sim.Runs.*;
import static org.irqdsl.runtime.sim.config.Property.DEADLOCK;
import static org.irqdsl.runtime.sim.config.Property.LOST_INTERRUPT;
import static org.irqdsl.runtime.sim.config.SimConfigBuilder.*;

import org.irqdsl.runtime.sim.config.AffinityUpdate;
import org.irqdsl.runtime.sim.config.Retrigger;
import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.sim.config.SimConfigBuilder;
import org.junit.jupiter.api.Test;

/**
 * Seed 003 (Evan Green's splat on the torn-MSI-pair fix): on the CPU hot-unplug path
 * (take_cpu_down -> fixup_irqs -> irq_migrate_all_off_this_cpu -> msi_set_affinity) the first
 * draft called apic_retrigger_irq() while holding vector_lock: lockdep "possible recursive locking
 * detected", then a hang. The merged fix drops vector_lock before the IRR check.
 */
class Seed003RecursiveLockTest {

	private static SimConfig hotUnplug(Retrigger retrigger, boolean forwardPending) {
		return SimConfigBuilder.scenario("hot_unplug").cpus(4)
				.device(msi("nic").affinityUpdate(AffinityUpdate.TWO_STEP).retrigger(retrigger))
				.initially("nic.msi[0]", 1, 0x30)
				.cpuThread(1, offline(1, forwardPending))
				.deviceThread("nic", raise("msi[0]"))
				.expectNo(DEADLOCK)
				.expectNo(LOST_INTERRUPT)
				.build();
	}

	@Test
	void retriggerTakingVectorLockWhileHeldDeadlocksWithLockdepsReport() {
		SimResult r = run(hotUnplug(Retrigger.TAKES_VECTOR_LOCK, true));
		assertThat(verdict(r, 0)).isEqualTo(Verdict.FAILS);
		assertThat(lines(r, DEADLOCK)).containsSubsequence(
				"stop_machine: take_cpu_down(cpu 1)",
				"irq_migrate_all_off_this_cpu: nic.msi[0] -> cpu 0 vector 0x20",
				"lock(vector_lock)",
				"write data (vector 0x20) -> device sees cpu 1 vector 0x20 (tmp)",
				"raise msi[0] -> cpu 1 vector 0x20 (tmp message: old address, new data): cpu 1 is going offline",
				"write address_lo (cpu 0)",
				"lapic_vector_set_in_irr(0x20) on cpu 1: pending",
				"apic_retrigger_irq: lock(vector_lock)",
				"WARNING: possible recursive locking detected",
				"migration/1 is trying to acquire lock:",
				"  (vector_lock), at: apic_retrigger_irq",
				"but task is already holding lock:",
				"  (vector_lock), at: msi_set_affinity",
				"*** DEADLOCK ***");
	}

	@Test
	void correctedOrderHasNoDeadlockAndWithForwardingLosesNothing() {
		SimResult r = run(hotUnplug(Retrigger.LOCK_FREE, true));
		assertThat(verdict(r, 0)).isEqualTo(Verdict.HOLDS);
		assertThat(verdict(r, 1)).isEqualTo(Verdict.HOLDS);
	}

	@Test
	void withoutForwardingAnInterruptPendingOnTheOutgoingCpuIsLost() {
		SimResult r = run(hotUnplug(Retrigger.LOCK_FREE, false));
		assertThat(verdict(r, 0)).isEqualTo(Verdict.HOLDS);
		assertThat(verdict(r, 1)).isEqualTo(Verdict.FAILS);
		assertThat(lines(r, LOST_INTERRUPT)).containsSubsequence(
				"raise msi[0] -> cpu 1 vector 0x30: cpu 1 is going offline",
				"cpu 1 is dead (stop_machine done)",
				"  cpu 1 IRR still holds vector 0x30: never serviced -> interrupt LOST");
	}

	@Test
	void forwardingRetriggersTheOutgoingCpusPendingVectorOnTheNewTarget() {
		SimResult r = run(SimConfigBuilder.scenario("forward").cpus(2)
				.device(msi("nic").affinityUpdate(AffinityUpdate.TWO_STEP))
				.initially("nic.msi[0]", 1, 0x30)
				.cpuThread(1, offline(1, true))
				.deviceThread("nic", raise("msi[0]"))
				.expect(LOST_INTERRUPT).build());
		// Nothing is lost, so "expect lost-interrupt" fails: no interleaving shows it.
		assertThat(verdict(r, 0)).isEqualTo(Verdict.FAILS);
		assertThat(r.expectations().get(0).trace()).isEmpty();
	}
}
