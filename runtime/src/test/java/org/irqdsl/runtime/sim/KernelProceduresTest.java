package org.irqdsl.runtime.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.runtime.sim.Runs.*;
import static org.irqdsl.runtime.sim.config.Property.DEADLOCK;
import static org.irqdsl.runtime.sim.config.Property.LOST_INTERRUPT;
import static org.irqdsl.runtime.sim.config.SimConfigBuilder.*;

import java.util.List;

import org.irqdsl.runtime.kernel.KernelProcedures;
import org.irqdsl.runtime.kernel.KernelRelease;
import org.irqdsl.runtime.sim.config.Guard;
import org.irqdsl.runtime.sim.config.Procedure;
import org.irqdsl.runtime.sim.config.ProcedurePath;
import org.irqdsl.runtime.sim.config.ProcedureStep;
import org.irqdsl.runtime.sim.config.ProcedureStep.Action;
import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.sim.config.SimConfigBuilder;
import org.irqdsl.runtime.sim.config.SimConfigReader;
import org.irqdsl.runtime.sim.config.SimConfigWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each library procedure against seed 001's race (the entry on cpu 1 vector 0x30 moves to cpu 2
 * vector 0x31 while the device raises): the interleaving that breaks it, or no interleaving does.
 */
class KernelProceduresTest {

	private static SimConfig race(SimConfigBuilder.Device dev, int moveOnCpu) {
		return SimConfigBuilder.scenario("race").cpus(4).device(dev)
				.initially(dev.name() + "." + (dev.isMsix() ? "msi-x" : "msi") + "[0]", 1, 0x30)
				.cpuThread(moveOnCpu, setAffinity(dev.name() + "." + (dev.isMsix() ? "msi-x" : "msi") + "[0]", 2, 0x31))
				.deviceThread(dev.name(), raise(dev.isMsix() ? "msi-x[0]" : "msi[0]"))
				.expectNo(LOST_INTERRUPT).build();
	}

	private static Verdict verdictOf(Procedure p, boolean maskable) {
		return verdict(run(race(msi("nic").maskable(maskable).procedure(p), 1)), 0);
	}

	@ParameterizedTest(name = "{0}: non-maskable {1}, maskable {2}")
	@CsvSource({
			"x86_msi_set_affinity_pre_v5_6, FAILS, HOLDS",
			"x86_msi_set_affinity_v5_6, HOLDS, HOLDS",
			"x86_msi_set_affinity_v5_17, FAILS, HOLDS",
			"x86_msi_set_affinity_v6_7, FAILS, HOLDS",
			"imsic_irq_set_affinity_v6_10, FAILS, FAILS",
			"imsic_irq_set_affinity_v6_15, HOLDS, HOLDS",
			"intel_ir_set_affinity, HOLDS, HOLDS",
			"its_set_affinity, HOLDS, HOLDS",
			"gicv2m_set_affinity_parent, HOLDS, HOLDS" })
	void eachLibraryProcedureOnTheTornUpdateRace(String name, Verdict nonMaskable, Verdict maskable) {
		Procedure p = KernelProcedures.affinity(name).orElseThrow();
		boolean remap = !p.writesMessage();
		SimConfig non = race(msi("nic").procedure(p).remap(remap && name.contains("_ir_")), 1);
		SimConfig mask = race(msi("nic").maskable(true).procedure(p).remap(remap && name.contains("_ir_")), 1);
		assertThat(verdict(run(non), 0)).as("non-maskable").isEqualTo(nonMaskable);
		assertThat(verdict(run(mask), 0)).as("maskable").isEqualTo(maskable);
	}

	/** b56ebe7c896d: as the source reads, a maskable MSI (IRQD_CAN_RESERVE kept) takes the two-step path. */
	@Test
	void v6_7TakesTwoStepForMaskableAndDirectForNonMaskable() {
		SimResult non = run(race(msi("nic").procedure(KernelProcedures.X86_V6_7), 1));
		assertThat(lines(non, LOST_INTERRUPT)).contains("msi_set_affinity: path direct (two-step needs can-reserve)",
				"(cpu 2 vector 0x30: no owner) -> interrupt LOST");
		SimConfig maskable = SimConfigBuilder.scenario("spurious").cpus(4)
				.device(msi("nic").maskable(true).procedure(KernelProcedures.X86_V6_7))
				.initially("nic.msi[0]", 1, 0x30).cpuThread(1, setAffinity("nic.msi[0]", 2, 0x31))
				.expect(org.irqdsl.runtime.sim.config.Property.LOST_INTERRUPT).build();
		SimResult r = run(maskable);
		assertThat(verdict(r, 0)).isEqualTo(Verdict.FAILS); // nothing raised: no loss, the two-step ran
	}

	@Test
	void eraFollowsTheKernelRelease() {
		assertThat(KernelProcedures.x86ForKernel(KernelRelease.parse("5.4").orElseThrow())).isSameAs(KernelProcedures.X86_PRE_V5_6);
		assertThat(KernelProcedures.x86ForKernel(KernelRelease.parse("5.10.74").orElseThrow())).isSameAs(KernelProcedures.X86_V5_6);
		assertThat(KernelProcedures.x86ForKernel(KernelRelease.parse("5.15.0-83-generic").orElseThrow())).isSameAs(KernelProcedures.X86_V5_6);
		assertThat(KernelProcedures.x86ForKernel(KernelRelease.parse("v5.17.3").orElseThrow())).isSameAs(KernelProcedures.X86_V5_17);
		assertThat(KernelProcedures.x86ForKernel(KernelRelease.parse("6.1.65").orElseThrow())).isSameAs(KernelProcedures.X86_V5_17);
		assertThat(KernelProcedures.x86ForKernel(KernelRelease.parse("6.1.66").orElseThrow())).isSameAs(KernelProcedures.X86_V6_7);
		assertThat(KernelProcedures.x86ForKernel(KernelRelease.parse("6.5.3").orElseThrow())).isSameAs(KernelProcedures.X86_V6_7);
		assertThat(KernelProcedures.x86ForKernel(KernelRelease.parse("6.6").orElseThrow())).isSameAs(KernelProcedures.X86_V5_17);
		assertThat(KernelProcedures.x86ForKernel(KernelRelease.parse("6.12").orElseThrow())).isSameAs(KernelProcedures.X86_V6_7);
		assertThat(KernelProcedures.imsicForKernel(KernelRelease.parse("6.12").orElseThrow())).isSameAs(KernelProcedures.IMSIC_V6_10);
		assertThat(KernelProcedures.imsicForKernel(KernelRelease.parse("6.15").orElseThrow())).isSameAs(KernelProcedures.IMSIC_V6_15);
		assertThat(KernelRelease.parse("next")).isEmpty();
	}

	@Test
	void noAffinityRefusesWithEinvalInTheTrace() {
		SimConfig c = SimConfigBuilder.scenario("vmd_child").cpus(2)
				.device(msix("child").procedure(KernelProcedures.NO_AFFINITY))
				.initially("child.msi-x[0]", 0, 0x30).cpuThread(0, setAffinity("child.msi-x[0]", 1, 0x31))
				.deviceThread("child", raise("msi-x[0]")).expectNo(LOST_INTERRUPT).build();
		SimResult r = run(c);
		assertThat(verdict(r, 0)).isEqualTo(Verdict.HOLDS);
		SimConfig witness = SimConfigBuilder.scenario("vmd_child").cpus(2)
				.device(msix("child").procedure(KernelProcedures.NO_AFFINITY))
				.initially("child.msi-x[0]", 0, 0x30).cpuThread(0, setAffinity("child.msi-x[0]", 1, 0x31))
				.expect(DEADLOCK).build();
		assertThat(run(witness).traces()).isEmpty();
	}

	/** A driver author's first set_affinity: writes the words unmasked, at once; the fix masks around the write. */
	@Test
	void userWrittenProcedureAndItsFix() {
		Procedure firstTry = new Procedure("mydrv_set_affinity", "mydrv_set_affinity", "a driver's first try",
				Procedure.Runs.AT_ONCE, List.of(new ProcedurePath("write", List.of(),
						List.of(ProcedureStep.of(Action.WRITE_ADDRESS_LO), ProcedureStep.of(Action.WRITE_DATA)))),
				Procedure.Release.ON_FIRST_ARRIVAL);
		SimResult broken = run(race(msi("dev").maskable(true).procedure(firstTry), 0));
		assertThat(verdict(broken, 0)).isEqualTo(Verdict.FAILS);
		assertThat(lines(broken, LOST_INTERRUPT)).contains("mydrv_set_affinity(dev.msi[0]) -> cpu 2 vector 0x31 (at once, process context)");
		Procedure fixed = new Procedure("mydrv_set_affinity", "mydrv_set_affinity", "the fix",
				Procedure.Runs.AT_ONCE, List.of(new ProcedurePath("masked", List.of(),
						List.of(ProcedureStep.of(Action.MASK_DEVICE), ProcedureStep.of(Action.WRITE_ADDRESS_LO),
								ProcedureStep.of(Action.WRITE_DATA), ProcedureStep.of(Action.UNMASK_DEVICE)))),
				Procedure.Release.ON_FIRST_ARRIVAL);
		assertThat(verdict(run(race(msi("dev").maskable(true).procedure(fixed), 0)), 0)).isEqualTo(Verdict.HOLDS);
		// The same fix cannot help an entry without a mask bit.
		assertThat(verdict(run(race(msi("dev").procedure(fixed), 0)), 0)).isEqualTo(Verdict.FAILS);
	}

	/** A procedure that takes its own lock twice is lockdep's recursive locking, named after that lock. */
	@Test
	void aNamedLockTakenTwiceIsADeadlock() {
		Procedure twice = new Procedure("mydrv_set_affinity", "mydrv_set_affinity", "", Procedure.Runs.AT_ONCE,
				List.of(new ProcedurePath("p", List.of(), List.of(ProcedureStep.lock("mydrv_lock"),
						ProcedureStep.of(Action.WRITE_MESSAGE), ProcedureStep.lock("mydrv_lock")))),
				Procedure.Release.ON_FIRST_ARRIVAL);
		SimConfig c = SimConfigBuilder.scenario("twice").cpus(4).device(msi("dev").maskable(true).procedure(twice))
				.initially("dev.msi[0]", 1, 0x30).cpuThread(0, setAffinity("dev.msi[0]", 2, 0x31)).expectNo(DEADLOCK).build();
		SimResult r = run(c);
		assertThat(verdict(r, 0)).isEqualTo(Verdict.FAILS);
		assertThat(lines(r, DEADLOCK)).contains("  (mydrv_lock), at: mydrv_set_affinity");
	}

	@Test
	void guardsChooseThePathInOrder() {
		Procedure p = new Procedure("g", "g", "", Procedure.Runs.AT_ONCE, List.of(
				new ProcedurePath("never", List.of(new Guard(Guard.Condition.MASKABLE, false)),
						List.of(ProcedureStep.of(Action.WRITE_MESSAGE))),
				new ProcedurePath("fallback", List.of(), List.of(ProcedureStep.of(Action.WRITE_MESSAGE)))),
				Procedure.Release.ON_FIRST_ARRIVAL);
		SimResult r = run(race(msi("dev").procedure(p), 0));
		assertThat(lines(r, LOST_INTERRUPT)).contains("g: path fallback (never needs maskable)");
	}

	/** An offline CPU executes nothing: the thread on it is parked, not deadlocked, and its move never runs. */
	@Test
	void aThreadOnAnOfflineCpuRunsNothing() {
		SimConfig c = SimConfigBuilder.scenario("parked").cpus(3).device(msix("nvme"))
				.initially("nvme.msi-x[0]", 0, 0x30)
				.cpuThread(0, offline(1, false))
				.cpuThread(1, setAffinity("nvme.msi-x[0]", 2, 0x31))
				.expect(DEADLOCK).build();
		assertThat(verdict(run(c), 0)).isEqualTo(Verdict.FAILS);
	}

	/** A vector pending on the outgoing CPU when stop_machine() starts: lost without fixup_irqs(), retriggered with it. */
	@Test
	void anInterruptInFlightAtStopMachineIsLostUnlessFixupIrqsRetriggersIt() {
		SimConfigBuilder b = SimConfigBuilder.scenario("in_flight").cpus(3).hotUnplug(KernelProcedures.MIGRATE_ONE_IRQ)
				.device(msix("nvme")).initially("nvme.msi-x[0]", 1, 0x30)
				.cpuThread(0, offline(1, false)).deviceThread("nvme", raise("msi-x[0]"));
		SimResult mainline = run(b.expectNo(LOST_INTERRUPT).build());
		assertThat(verdict(mainline, 0)).isEqualTo(Verdict.FAILS);
		assertThat(lines(mainline, LOST_INTERRUPT)).contains("  cpu 1 IRR still holds vector 0x30: never serviced -> interrupt LOST");
		SimConfig x86 = SimConfigBuilder.scenario("in_flight").cpus(3).hotUnplug(KernelProcedures.X86_FIXUP_IRQS)
				.device(msix("nvme")).initially("nvme.msi-x[0]", 1, 0x30)
				.cpuThread(0, offline(1, false)).deviceThread("nvme", raise("msi-x[0]")).expectNo(LOST_INTERRUPT).build();
		assertThat(verdict(run(x86), 0)).isEqualTo(Verdict.HOLDS);
	}

	/** How the bus writes the message is a procedure too: a bus that writes data before address_lo. */
	@Test
	void aBusWritingDataFirstShowsTheTemporaryMessageToTheDevice() {
		Procedure dataFirst = new Procedure("mybus_write", "mybus_write_msg", "", Procedure.Runs.AT_ONCE,
				List.of(new ProcedurePath("w", List.of(), List.of(ProcedureStep.of(Action.WRITE_DATA),
						ProcedureStep.of(Action.WRITE_ADDRESS_LO)))), Procedure.Release.ON_FIRST_ARRIVAL);
		SimResult r = run(race(msi("dev").msiWriteProcedure(dataFirst), 1));
		assertThat(verdict(r, 0)).isEqualTo(Verdict.FAILS);
		assertThat(lines(r, LOST_INTERRUPT)).contains("write data (vector 0x31) -> device sees cpu 1 vector 0x31 (tmp)");
		// the library's config-words write (address_lo, address_hi, data) tears the other way
		SimResult words = run(race(msi("dev").msiWriteProcedure(KernelProcedures.PCI_CONFIG_WORDS), 1));
		assertThat(lines(words, LOST_INTERRUPT)).contains("write address_lo (cpu 2) -> device sees cpu 2 vector 0x30 (torn)");
		// a bus that queues the write: the device goes on using the old message until the write lands
		SimConfig queued = race(msi("dev").maskable(true).msiWriteProcedure(KernelProcedures.WORK_QUEUE_DRAFT), 1);
		assertThat(verdict(run(queued), 0)).isEqualTo(Verdict.HOLDS); // masked (deferred) until the queued write lands
	}

	/** A long procedure (more micro-ops than a short field holds) runs to its end. */
	@Test
	void aLongProcedureRunsToItsEnd() {
		List<ProcedureStep> steps = new java.util.ArrayList<>();
		for (int i = 0; i < 20; i++) {
			steps.add(ProcedureStep.lock("l"));
			steps.add(ProcedureStep.unlock("l"));
		}
		steps.add(ProcedureStep.of(Action.WRITE_ADDRESS_LO));
		steps.add(ProcedureStep.of(Action.WRITE_DATA));
		Procedure longOne = new Procedure("long", "long", "", Procedure.Runs.DEFERRED,
				List.of(new ProcedurePath("p", List.of(), steps)), Procedure.Release.ON_FIRST_ARRIVAL);
		SimResult r = run(race(msi("dev").parentMasks(true).procedure(longOne), 1));
		assertThat(r.complete()).isTrue();
		assertThat(verdict(r, 0)).isEqualTo(Verdict.HOLDS); // masked at the parent around the whole move
		assertThat(verdict(run(race(msi("dev").procedure(longOne), 1)), 0)).isEqualTo(Verdict.FAILS);
	}

	/**
	 * set-affinity pending (IRQD_SETAFFINITY_PENDING): the move waits for the next interrupt on the
	 * current target and runs in its ack, before its handler (irq_move_irq()).
	 */
	@Test
	void aPendingMoveRunsInTheNextInterruptOnTheCurrentTargetBeforeItsHandler() {
		SimConfig noRaise = SimConfigBuilder.scenario("pending").cpus(3).device(msi("nic").procedure(KernelProcedures.X86_V6_7))
				.initially("nic.msi[0]", 1, 0x30).cpuThread(0, setAffinityPending("nic.msi[0]", 2, 0x31))
				.expect(org.irqdsl.runtime.sim.config.Property.SPURIOUS_INTERRUPT).build();
		assertThat(verdict(run(noRaise), 0)).as("no interrupt: the move never runs").isEqualTo(Verdict.FAILS);
		SimConfig torn = SimConfigBuilder.scenario("pending").cpus(3).device(msi("nic").procedure(KernelProcedures.X86_V6_7))
				.initially("nic.msi[0]", 1, 0x30).cpuThread(0, setAffinityPending("nic.msi[0]", 2, 0x31))
				.deviceThread("nic", raise("msi[0]", 2)).expectNo(LOST_INTERRUPT)
				.expect(org.irqdsl.runtime.sim.config.Property.SPURIOUS_INTERRUPT).build();
		SimResult r = run(torn);
		assertThat(verdict(r, 0)).as("the handler after the move answers the torn raise").isEqualTo(Verdict.HOLDS);
		assertThat(verdict(r, 1)).isEqualTo(Verdict.HOLDS);
		assertThat(lines(r, org.irqdsl.runtime.sim.config.Property.SPURIOUS_INTERRUPT)).containsSubsequence(
				"irq_set_affinity(nic.msi[0]) -> cpu 2 vector 0x31: IRQD_SETAFFINITY_PENDING, moved at the next interrupt on its current CPU",
				"vector 0x30 -> nic.msi[0]: irq_move_irq() runs the pending move first",
				"msi_set_affinity(nic.msi[0]) -> cpu 2 vector 0x31",
				"(cpu 2 vector 0x30: no owner) -> spurious interrupt");
		// the draft retrigger inside an interrupt: lockdep's recursive vector_lock hangs the CPU there
		SimConfig draft = SimConfigBuilder.scenario("pending").cpus(3)
				.device(msi("nic").procedure(KernelProcedures.X86_RETRIGGER_DRAFT))
				.initially("nic.msi[0]", 1, 0x30).cpuThread(0, setAffinityPending("nic.msi[0]", 2, 0x31))
				.deviceThread("nic", raise("msi[0]", 2)).expectNo(DEADLOCK).build();
		assertThat(verdict(run(draft), 0)).isEqualTo(Verdict.FAILS);
	}

	@Test
	void proceduresRoundTripThroughTheConfigJson() throws Exception {
		SimConfig c = SimConfigBuilder.scenario("rt").cpus(2).hotUnplug(KernelProcedures.X86_FIXUP_IRQS)
				.device(msi("nic").procedure(KernelProcedures.X86_V6_7).msiWriteProcedure(KernelProcedures.CDX_MSI_WRITE))
				.initially("nic.msi[0]", 0, 0x30).cpuThread(0, setAffinity("nic.msi[0]", 1, 0x31),
						setAffinityPending("nic.msi[0]", 0, 0x32))
				.expectNo(LOST_INTERRUPT).build();
		SimConfig back = SimConfigReader.read(SimConfigWriter.write(c));
		assertThat(back).isEqualTo(c);
	}
}
