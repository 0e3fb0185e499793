package org.irqdsl.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.validation.checks.Fixtures.*;

import org.irqdsl.validation.Diagnostics;
import org.junit.jupiter.api.Test;

/** vmd-useless-domain: seed 004, "It's just wasting memory and has no value at all." */
class VmdUselessDomainTest {

	private static final String ID = "vmd-useless-domain";
	private static final String NVME = "device nvme1 at \"10000:01:00.0\" { msi-x count 8 }";

	@Test
	void vmdDomainThatNoBusUses() {
		String text = platform(x86Vector("affinity-update two-step"), vmdMsi(), pciBus("vector", vmdDevice("bypass", "", NVME)));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "domain vmd_msi", "warning [" + ID + "]"));
		assertThat(message(text, ID)).contains("domain vmd_msi (VMD_MSI) is no bus's msi-parent", "wastes memory",
				"seed 004", "NULL parent");
	}

	@Test
	void vmdDomainThatTheChildBusUses() {
		String text = platform(x86Vector("affinity-update two-step"), vmdMsi(), pciBus("vector", vmdDevice("", "vmd_msi", NVME)));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void bypassingVmdWhoseChildBusStillNamesTheVmdDomain() {
		String text = platform(x86Vector("affinity-update two-step"), vmdMsi(), pciBus("vector", vmdDevice("bypass", "vmd_msi", NVME)));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "bus pci vmdbus", "warning [" + ID + "]"));
		assertThat(message(text, ID)).contains("VMD vmd0 bypasses", "VMD_FEAT_CAN_BYPASS_MSI_REMAP",
				"msi-parent vmd_msi of bus vmdbus has no purpose", "seed 004");
	}

	@Test
	void bypassingVmdWithoutAVmdDomain() {
		String text = platform(x86Vector("affinity-update two-step"), pciBus("vector", vmdDevice("bypass", "", NVME)));
		assertThat(Diagnostics.of(text)).isEmpty();
	}
}
