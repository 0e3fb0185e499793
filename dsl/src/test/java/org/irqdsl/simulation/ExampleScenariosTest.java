package org.irqdsl.simulation;

import org.irqdsl.cli.PathArguments;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.resource.Resource;
import org.irqdsl.IrqDslInjector;
import org.irqdsl.cli.CheckCommand;
import org.irqdsl.validation.policy.SeverityPolicy;
import org.irqdsl.workspace.SourceFiles;
import org.irqdsl.workspace.WorkspaceChecker;
import org.irqdsl.runtime.sim.Limits;
import org.irqdsl.runtime.sim.ProgressListener;
import org.irqdsl.runtime.sim.config.Property;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every scenario of examples/ is simulated and each expectation's verdict is pinned; where the
 * scenario reproduces a seed's bug, its trace must show the seed's mechanism in kernel names.
 */
class ExampleScenariosTest {

	private static final Map<String, ScenarioRun> RUNS = new LinkedHashMap<>();

	@BeforeAll
	static void simulateExamples() throws Exception {
		List<Path> files = PathArguments.expand(List.of(Path.of("../examples")));
		WorkspaceChecker checker = IrqDslInjector.get().getInstance(WorkspaceChecker.class);
		WorkspaceChecker.Checked checked = checker.checkKeeping(files, new SourceFiles(8L << 20),
				SeverityPolicy.NONE);
		for (Resource r : checked.resources().values()) {
			for (ScenarioRun run : IrqDslScenarioRunner.run(r, Limits.DEFAULT, ProgressListener.NONE)) {
				RUNS.put(run.scenario(), run);
			}
		}
	}

	/** Verdicts in expectation order, e.g. "expect no lost-interrupt: holds". */
	private static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

	static {
		// seed 000
		EXPECTED.put("cdx_request_irq_then_raise", List.of("expect no lost-interrupt: holds"));
		EXPECTED.put("cdx_draft_request_irq_then_raise", List.of("expect lost-interrupt: holds"));
		EXPECTED.put("cdx_offline_after_request_irq", List.of("expect no lost-interrupt: holds"));
		EXPECTED.put("cdx_draft_offline_while_write_queued", List.of("expect lost-interrupt: holds"));
		// seed 002
		EXPECTED.put("cdx_rogue_after_disable_irq", List.of("expect no delivered-while-disabled: holds"));
		EXPECTED.put("radeon_rogue_after_disable_irq", List.of("expect delivered-while-disabled: holds"));
		// seed 004
		EXPECTED.put("vmd_free_irq_vs_flow_handler_rfc2015", List.of("expect use-after-free: holds"));
		EXPECTED.put("vmd_free_irq_vs_flow_handler", List.of("expect no use-after-free: holds"));
		// seed 001
		EXPECTED.put("torn_update", List.of("expect no lost-interrupt: holds"));
		EXPECTED.put("radeon_lazy_move_torn", List.of("expect lost-interrupt: holds"));
		EXPECTED.put("radeon_two_step_v6_15", List.of("expect no lost-interrupt: holds"));
		EXPECTED.put("nvme_msix_move_v6_12", List.of("expect no lost-interrupt: holds"));
		EXPECTED.put("ahci_move_under_remapping", List.of("expect no lost-interrupt: holds"));
		EXPECTED.put("mei_move_from_another_cpu", List.of("expect no lost-interrupt: holds"));
		EXPECTED.put("i915_offline_cpu", List.of("expect no lost-interrupt: holds"));
		EXPECTED.put("ahci_move_under_remapping_nothing_spurious",
				List.of("expect no lost-interrupt: holds", "expect no spurious-interrupt: holds"));
		EXPECTED.put("radeon_torn_update_pre_v5_6", List.of("expect lost-interrupt: holds"));
		EXPECTED.put("radeon_two_step_update", List.of("expect no lost-interrupt: holds"));
		EXPECTED.put("radeon_two_step_spurious", List.of("expect no lost-interrupt: holds", "expect spurious-interrupt: holds"));
		EXPECTED.put("ahci_masked_move", List.of("expect no lost-interrupt: holds"));
		// seed 003
		EXPECTED.put("hdmi_offline_retrigger_draft", List.of("expect deadlock: holds"));
		EXPECTED.put("hdmi_offline_retrigger_fixed", List.of("expect no deadlock: holds", "expect no lost-interrupt: holds"));
		// vector cleanup
		EXPECTED.put("nvme_move_cleanup_immediate", List.of("expect lost-interrupt: holds", "expect spurious-interrupt: holds"));
		EXPECTED.put("nvme_move_cleanup_on_first_arrival",
				List.of("expect no lost-interrupt: holds", "expect no spurious-interrupt: holds"));
		// kernel eras and a user's procedure (x86-kernel-eras-procedures.irqdsl)
		EXPECTED.put("ahci_torn_on_v6_8", List.of("expect lost-interrupt: holds"));
		EXPECTED.put("nic_two_step_on_v6_8", List.of("expect no lost-interrupt: holds"));
		EXPECTED.put("ahci_two_step_on_v5_15", List.of("expect no lost-interrupt: holds"));
		EXPECTED.put("mydrv_first_try_loses", List.of("expect lost-interrupt: holds"));
		EXPECTED.put("mydrv_fixed_loses_nothing", List.of("expect no lost-interrupt: holds", "expect spurious-interrupt: holds"));
		EXPECTED.put("nvme_offline_on_256_cpus", List.of("expect no lost-interrupt: holds"));
		EXPECTED.put("ahci_pending_move_v5_15", List.of("expect no lost-interrupt: holds"));
		EXPECTED.put("ahci_pending_move_v6_8", List.of("expect no lost-interrupt: holds", "expect spurious-interrupt: holds"));
		EXPECTED.put("ahci_offline_v6_8", List.of("expect lost-interrupt: holds"));
		EXPECTED.put("ahci_offline_v5_15", List.of("expect no lost-interrupt: holds"));
		// the normative x86_ir file has no scenario
	}

	@Test
	void everyExampleScenarioIsPinnedAndEveryVerdictIsAsExpected() {
		assertThat(RUNS.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
		for (Map.Entry<String, List<String>> e : EXPECTED.entrySet()) {
			ScenarioRun run = RUNS.get(e.getKey());
			assertThat(run.result()).as(e.getKey()).isPresent();
			assertThat(run.result().get().complete()).as(e.getKey()).isTrue();
			assertThat(run.result().get().expectations().stream()
					.map(x -> x.expectation() + ": " + ScenarioReport.verdict(x)).toList()).as(e.getKey())
					.containsExactlyElementsOf(e.getValue());
		}
	}

	/** b56ebe7c896d as the source reads: !irqd_can_reserve() sends the non-maskable ahci down the direct path. */
	@Test
	void v6_8TearsTheNonMaskableMsiThroughTheReservationModeTest() {
		assertThat(lines("ahci_torn_on_v6_8", Property.LOST_INTERRUPT)).containsSubsequence(
				"msi_set_affinity(ahci.msi[0]) -> cpu 2 vector 0x31",
				"msi_set_affinity: path direct (two-step needs can-reserve)",
				"write address_lo (cpu 2) -> device sees cpu 2 vector 0x30 (torn)",
				"(cpu 2 vector 0x30: no owner) -> interrupt LOST");
	}

	/** Only the CPUs the scenario names, and one standing for the rest, are simulated. */
	@Test
	void a256CpuPlatformSimulatesTheCpusItsScenarioNames() {
		assertThat(RUNS.get("nvme_offline_on_256_cpus").notes()).contains(
				"scenario nvme_offline_on_256_cpus: simulates CPUs 0, 3, 17, 200, 255 of 256 (the CPUs it names, and the lowest other online CPU standing for the rest)");
	}

	private static List<String> lines(String scenario, Property p) {
		return RUNS.get(scenario).result().orElseThrow().trace(p).orElseThrow().lines().stream().map(String::strip).toList();
	}

	@Test
	void seed001DirectUpdateLosesTheInterruptThroughTheTornMessage() {
		assertThat(lines("radeon_torn_update_pre_v5_6", Property.LOST_INTERRUPT)).containsSubsequence(
				"write address_lo (cpu 1) -> device sees cpu 1 vector 0x22 (torn)",
				"raise msi[0] -> cpu 1 vector 0x22 (torn message: new address, old data)",
				"(cpu 1 vector 0x22: no owner) -> interrupt LOST");
	}

	@Test
	void seed001LazyMoveLosesItThroughTheNewAddressOldDataIntermediate() {
		assertThat(lines("radeon_lazy_move_torn", Property.LOST_INTERRUPT)).containsSubsequence(
				"imsic_irq_set_affinity(radeon.msi[0]) -> cpu 2 vector 0x21 (at once, process context)",
				"raise msi[0] -> cpu 2 vector 0x20 (torn message: new address, old data)");
	}

	@Test
	void seed001TwoStepRaisesSpuriousOnTheOldCpu() {
		assertThat(lines("radeon_two_step_spurious", Property.SPURIOUS_INTERRUPT)).containsSubsequence(
				"msi_set_affinity(radeon.msi[0]) -> cpu 1 vector 0x25", "lock(vector_lock)",
				"raise msi[0] -> cpu 0 vector 0x25 (tmp message: old address, new data)");
	}

	@Test
	void seed003DraftRetriggerTakesVectorLockRecursively() {
		assertThat(lines("hdmi_offline_retrigger_draft", Property.DEADLOCK)).containsSubsequence(
				"stop_machine: take_cpu_down(cpu 1)", "lock(vector_lock)", "apic_retrigger_irq: lock(vector_lock)",
				"WARNING: possible recursive locking detected", "*** DEADLOCK ***");
	}

	@Test
	void seed000QueuedWriteLosesTheInterrupt() {
		assertThat(lines("cdx_draft_request_irq_then_raise", Property.LOST_INTERRUPT))
				.contains("irq_write_msi_msg: queue_work(write msg)");
		assertThat(lines("cdx_draft_offline_while_write_queued", Property.LOST_INTERRUPT)).anyMatch(l -> l.contains("LOST"));
	}

	@Test
	void seed002RogueDeviceReachesTheCpu() {
		assertThat(lines("radeon_rogue_after_disable_irq", Property.DELIVERED_WHILE_DISABLED)).containsSubsequence(
				"disable_irq(radeon.msi[0]) (lazy, depth 1)",
				"vector 0x22 -> radeon.msi[0] is disabled and nothing masked it: interrupt DELIVERED WHILE DISABLED");
	}

	@Test
	void seed004FreeIrqDuringTheFlowHandlersWalkAndThePerVectorLoad() {
		assertThat(lines("vmd_free_irq_vs_flow_handler_rfc2015", Property.USE_AFTER_FREE)).containsSubsequence(
				"vmdirq = list entry -> nvme0.msi-x[0]", "free_irq(nvme0.msi-x[0]): irq_shutdown",
				"irq_free_descs: kfree(irqdesc(nvme0.msi-x[0]))", "on the freed irq_desc -> USE-AFTER-FREE");
		assertThat(RUNS.get("vmd_free_irq_vs_flow_handler_rfc2015").notes()).filteredOn(n -> n.startsWith("VMD")).containsExactly(
				"VMD vmd (mapping virq-modulo, 3 vectors): vector 0: 1 (rp9.msi[0]); vector 1: 1 (nvme0.msi-x[0]); vector 2: 0");
		assertThat(RUNS.get("vmd_free_irq_vs_flow_handler").notes()).filteredOn(n -> n.startsWith("VMD")).containsExactly(
				"VMD vmd (mapping least-loaded, 3 vectors): vector 0: 0; vector 1: 1 (rp9.msi[0]); vector 2: 1 (nvme0.msi-x[0])");
	}

	@Test
	void vectorCleanupBeforeTheFirstArrivalLosesTheInterruptInFlight() {
		assertThat(lines("nvme_move_cleanup_immediate", Property.LOST_INTERRUPT)).containsSubsequence(
				"modify_irte: IRTE of nvme0.msi-x[0] -> cpu 2 vector 0x31 (atomic; message unchanged)",
				"old vector freed at once: cpu 1 vector 0x30 (immediate cleanup)", "(cpu 1 vector 0x30: no owner) -> interrupt LOST");
	}
}
