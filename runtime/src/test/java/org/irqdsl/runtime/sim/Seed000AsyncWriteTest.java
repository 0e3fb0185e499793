package org.irqdsl.runtime.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.runtime.sim.Runs.*;
import static org.irqdsl.runtime.sim.config.Property.LOST_INTERRUPT;
import static org.irqdsl.runtime.sim.config.SimConfigBuilder.*;

import org.irqdsl.runtime.sim.config.MsiWrite;
import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.kernel.KernelProcedures;
import org.irqdsl.runtime.sim.config.HotUnplug;
import org.irqdsl.runtime.sim.config.SimConfigBuilder;
import org.junit.jupiter.api.Test;

/**
 * Seed 000 (tglx on the CDX MSI patch): a message written asynchronously (queued firmware command,
 * work queue) is not in the device when request_irq() returns, and CPU hot-unplug in
 * stop_machine() cannot wait for it. The fix writes it synchronously in irq_bus_sync_unlock()
 * under irq_bus_lock(), and migrates such irqs before stop_machine (two stages).
 */
class Seed000AsyncWriteTest {

	private static SimConfig requestThenRaise(MsiWrite write) {
		return SimConfigBuilder.scenario("request_irq").cpus(2)
				.device(msi("fpga0").msiWrite(write))
				.cpuThread(0, requestIrq("fpga0.msi[0]"))
				.deviceThread("fpga0", raise("msi[0]"))
				.expectNo(LOST_INTERRUPT).build();
	}

	private static SimConfig offlineThenRaise(MsiWrite write) {
		return offlineThenRaise(write, KernelProcedures.MIGRATE_ONE_IRQ);
	}

	private static SimConfig offlineThenRaise(MsiWrite write, HotUnplug hotUnplug) {
		return SimConfigBuilder.scenario("hot_unplug").cpus(2).hotUnplug(hotUnplug)
				.device(msi("fpga0").msiWrite(write))
				.initially("fpga0.msi[0]", 1, 0x30)
				.cpuThread(0, offline(1, true))
				.deviceThread("fpga0", raise("msi[0]"))
				.expectNo(LOST_INTERRUPT).build();
	}

	@Test
	void queuedWriteAfterRequestIrqLetsTheDeviceRaiseWithAnUnwrittenMessage() {
		SimResult r = run(requestThenRaise(MsiWrite.FIRMWARE_QUEUED));
		assertThat(verdict(r, 0)).isEqualTo(Verdict.FAILS);
		assertThat(lines(r, LOST_INTERRUPT)).containsSubsequence(
				"request_irq(fpga0.msi[0]): irq_activate -> cpu 0 vector 0x20",
				"  irq_write_msi_msg: firmware command queued",
				"irq_startup; driver enables the interrupt in the device",
				"raise msi[0] -> message never written (queued write not done): goes nowhere -> interrupt LOST");
		assertThat(text(r, LOST_INTERRUPT)).contains("env");
	}

	@Test
	void workQueueWriteLosesItToo() {
		SimResult r = run(requestThenRaise(MsiWrite.WORK_QUEUE));
		assertThat(verdict(r, 0)).isEqualTo(Verdict.FAILS);
		assertThat(lines(r, LOST_INTERRUPT)).contains("  irq_write_msi_msg: queue_work(write msg)");
	}

	@Test
	void raiseAfterTheCpuWentOfflineWhileTheWriteIsQueuedIsLost() {
		SimResult r = run(offlineThenRaise(MsiWrite.FIRMWARE_QUEUED));
		assertThat(verdict(r, 0)).isEqualTo(Verdict.FAILS);
		assertThat(lines(r, LOST_INTERRUPT)).containsSubsequence(
				"stop_machine: take_cpu_down(cpu 1)",
				"irq_migrate_all_off_this_cpu: fpga0.msi[0] -> cpu 0 vector 0x20",
				"firmware command queued: write msg (cpu 0 vector 0x20) later",
				"cpu 1 is dead (stop_machine done)",
				"raise msi[0] -> cpu 1 vector 0x30 (old message: queued write not done): cpu 1 is offline -> interrupt LOST");
	}

	@Test
	void busLockedSynchronousWriteLosesNothingOnRequest() {
		SimResult request = run(requestThenRaise(MsiWrite.FIRMWARE_SYNC));
		assertThat(verdict(request, 0)).isEqualTo(Verdict.HOLDS);
	}

	/** Mainline migrate_one_irq() takes no chip_bus_lock(): cdx_msi_write_msg() only stores the message. */
	@Test
	void mainlineHotUnplugOnlyStoresABusLockedWriteAndLosesTheInterrupt() {
		SimResult offline = run(offlineThenRaise(MsiWrite.FIRMWARE_SYNC));
		assertThat(verdict(offline, 0)).isEqualTo(Verdict.FAILS);
		assertThat(lines(offline, LOST_INTERRUPT)).anySatisfy(
				l -> assertThat(l).startsWith("cdx_msi_write_msg: msg (cpu 0 vector 0x20) only stored"));
	}

	/** Seed 000's proposed two-stage migration moves it first, in process context: nothing is lost. */
	@Test
	void twoStageHotUnplugLosesNothing() {
		SimResult offline = run(offlineThenRaise(MsiWrite.FIRMWARE_SYNC, KernelProcedures.CDX_TWO_STAGE));
		assertThat(verdict(offline, 0)).isEqualTo(Verdict.HOLDS);
		assertThat(offline.traces()).isEmpty();
	}
}
