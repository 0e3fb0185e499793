package org.irqdsl.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.irqDsl.Scenario;
import org.irqdsl.runtime.sim.Limits;
import org.irqdsl.runtime.sim.SimResult;
import org.irqdsl.validation.Diagnostics;
import org.junit.jupiter.api.Test;

/** An editor's newer edit stops a running simulation; what it leaves is neither a verdict nor cached. */
class IrqDslScenarioRunnerCancelTest {

	/** Four non-maskable MSIs raised while each is moved by the direct update: some 16,000 states, reduced. */
	private static final String TEXT = """
			platform four_nics {
			    cpus 8
			    domain vector : VECTOR {
			        vectors 0x20..0xff
			        msi-parent-ops {
			            supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX, MSI_FLAG_PCI_MSIX_ALLOC_DYN
			            required  MSI_FLAG_USE_DEF_DOM_OPS, MSI_FLAG_USE_DEF_CHIP_OPS
			            bus-token DOMAIN_BUS_ANY
			        }
			        affinity-update direct
			    }
			    bus pci pcie0 msi-parent vector {
			        device a at "00:02.0" { msi count 1 }
			        device b at "00:03.0" { msi count 1 }
			        device c at "00:04.0" { msi count 1 }
			        device d at "00:05.0" { msi count 1 }
			    }
			}

			scenario four_moves on four_nics {
			    initially a.msi[0] on cpu 0 vector 0x40
			    initially b.msi[0] on cpu 2 vector 0x40
			    initially c.msi[0] on cpu 4 vector 0x40
			    initially d.msi[0] on cpu 6 vector 0x40
			    concurrently {
			        cpu 0    { set-affinity a.msi[0] cpu 1 vector 0x41 }
			        cpu 2    { set-affinity b.msi[0] cpu 3 vector 0x41 }
			        cpu 4    { set-affinity c.msi[0] cpu 5 vector 0x41 }
			        cpu 6    { set-affinity d.msi[0] cpu 7 vector 0x41 }
			        device a { raise msi[0] times 2 }
			        device b { raise msi[0] times 2 }
			        device c { raise msi[0] times 2 }
			        device d { raise msi[0] times 2 }
			    }
			    expect lost-interrupt
			}
			""";

	@Test
	void aCancelledRunIsIncompleteAndNotReused() {
		Diagnostics.issues("four_nics.irqdsl", TEXT);
		Scenario scenario = IrqDslScenarioRunner.scenarios(Diagnostics.lastResource()).get(0);
		PlatformFacts facts = new PlatformFacts(scenario.getPlatform());
		Limits limits = Limits.DEFAULT;

		AtomicInteger asked = new AtomicInteger();
		SimResult cancelled = IrqDslScenarioRunner.runCached(scenario, facts, limits, () -> asked.incrementAndGet() > 1)
				.result().orElseThrow();
		assertThat(asked.get()).isGreaterThan(1);
		assertThat(cancelled.complete()).isFalse();
		assertThat(cancelled.incompleteReason()).contains("cancelled");

		SimResult again = IrqDslScenarioRunner.runCached(scenario, facts, limits, () -> false).result().orElseThrow();
		assertThat(again.complete()).isTrue();
		assertThat(again.statistics().states()).isGreaterThan(cancelled.statistics().states());
	}
}
