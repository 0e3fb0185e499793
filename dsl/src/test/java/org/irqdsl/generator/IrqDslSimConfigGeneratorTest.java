package org.irqdsl.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.irqdsl.irqDsl.Model;
import org.irqdsl.irqDsl.Scenario;
import org.irqdsl.runtime.sim.config.AffinityUpdate;
import org.irqdsl.runtime.sim.config.DeviceSpec;
import org.irqdsl.runtime.sim.config.MsiWrite;
import org.irqdsl.runtime.sim.config.Op;
import org.irqdsl.runtime.sim.config.Retrigger;
import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.sim.config.SimConfigReader;
import org.irqdsl.runtime.sim.config.SimConfigWriter;
import org.irqdsl.runtime.sim.config.VectorCleanup;
import org.irqdsl.runtime.sim.config.VmdTeardown;
import org.irqdsl.validation.Diagnostics;
import org.junit.jupiter.api.Test;

/** The generator maps what a scenario and its platform say, fact by fact, and its JSON reads back. */
class IrqDslSimConfigGeneratorTest {

	private static SimConfig config(String file, String scenario) throws Exception {
		Diagnostics.issues(file, Files.readString(Path.of("../examples", file)));
		Model m = (Model) Diagnostics.lastResource().getContents().get(0);
		Scenario s = m.getElements().stream().filter(Scenario.class::isInstance).map(Scenario.class::cast)
				.filter(x -> x.getName().equals(scenario)).findFirst().orElseThrow();
		GeneratedSimConfig g = IrqDslSimConfigGenerator.generate(s);
		assertThat(g.problems()).isEmpty();
		SimConfig c = g.config().orElseThrow();
		assertThat(SimConfigReader.read(SimConfigWriter.write(c))).isEqualTo(c);
		return c;
	}

	@Test
	void normativeCoreScenarioMapsCpusDevicesThreadsAndExpectations() throws Exception {
		SimConfig c = config("normative/x86_noremap.irqdsl", "torn_update");
		assertThat(c.platform()).isEqualTo("x86_noremap");
		// the CPUs the scenario names (1, 2) and the lowest other online one (0), standing for CPU 3
		assertThat(c.cpus()).extracting(org.irqdsl.runtime.sim.config.CpuSpec::id).containsExactly(0, 1, 2);
		assertThat(c.cpus()).allMatch(cpu -> cpu.online());
		assertThat(c.vectors().first()).isEqualTo(0x20);
		DeviceSpec nic = c.device("nic").orElseThrow();
		assertThat(nic.affinityUpdate()).isEqualTo(AffinityUpdate.TWO_STEP);
		assertThat(nic.maskable()).isFalse();
		assertThat(nic.remap()).isFalse();
		assertThat(nic.parentMasks()).isFalse();
		assertThat(nic.msiWrite()).isEqualTo(MsiWrite.CONFIG_WORDS);
		assertThat(c.initially()).singleElement().satisfies(p -> assertThat(p.vector()).isEqualTo(0x30));
		assertThat(c.threads().get(0).ops()).singleElement().isInstanceOf(Op.SetAffinity.class);
		assertThat(c.expectations()).singleElement().satisfies(e -> assertThat(e.occurs()).isFalse());
	}

	@Test
	void pathFactsRetriggerCleanupRemapAndParentMasking() throws Exception {
		DeviceSpec draft = config("x86-noremap-seed001.irqdsl", "hdmi_offline_retrigger_draft").device("radeon_hdmi")
				.orElseThrow();
		assertThat(draft.retrigger()).isEqualTo(Retrigger.TAKES_VECTOR_LOCK);
		assertThat(draft.vectorCleanup()).isEqualTo(VectorCleanup.ON_FIRST_ARRIVAL);
		DeviceSpec ir = config("x86-cleanup-masked-seed001.irqdsl", "nvme_move_cleanup_immediate").device("nvme0")
				.orElseThrow();
		assertThat(ir.affinityUpdate()).isEqualTo(AffinityUpdate.REMAP);
		assertThat(ir.remap()).isTrue();
		assertThat(ir.vectorCleanup()).isEqualTo(VectorCleanup.IMMEDIATE);
		assertThat(ir.maskable()).isTrue();
		SimConfig its = config("arm64-gicv3-its-cdx-seed000-002.irqdsl", "cdx_rogue_after_disable_irq");
		DeviceSpec cdx = its.device("fpga0").orElseThrow();
		assertThat(cdx.affinityUpdate()).isEqualTo(AffinityUpdate.IMMUTABLE);
		assertThat(cdx.parentMasks()).isTrue();
		// LPIs from 8192 are simulated from 0
		assertThat(its.initially().get(0).vector()).isZero();
		assertThat(config("arm64-gicv3-its-cdx-seed000-002.irqdsl", "cdx_draft_request_irq_then_raise").device("fpga0")
				.orElseThrow().msiWrite()).isEqualTo(MsiWrite.WORK_QUEUE);
	}

	@Test
	void vmdChildrenArePlacedByTheMappingPolicyAndTheVmdVectorsRequested() throws Exception {
		SimConfig c = config("intel-vmd-nvme-seed004.irqdsl", "vmd_free_irq_vs_flow_handler");
		DeviceSpec vmd = c.device("vmd").orElseThrow();
		assertThat(vmd.vmd().freeIrq()).isEqualTo(VmdTeardown.GRACE_PERIOD);
		assertThat(vmd.vmd().children()).extracting(ch -> ch.entry() + "@" + ch.vmdVector())
				.containsExactly("rp9.msi[0]@1", "nvme0.msi-x[0]@2");
		// on a CPU running no thread of the scenario (free_irq runs on CPU 0)
		assertThat(c.initially()).extracting(p -> p.entry() + " cpu " + p.cpu())
				.containsExactly("vmd.msi-x[1] cpu 1", "vmd.msi-x[2] cpu 1");
		SimConfig rfc = config("intel-vmd-nvme-seed004.irqdsl", "vmd_free_irq_vs_flow_handler_rfc2015");
		assertThat(rfc.device("vmd").orElseThrow().vmd().children()).extracting(ch -> ch.entry() + "@" + ch.vmdVector())
				.containsExactly("rp9.msi[0]@0", "nvme0.msi-x[0]@1");
	}
}
