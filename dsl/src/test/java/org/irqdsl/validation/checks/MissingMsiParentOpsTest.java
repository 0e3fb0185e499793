package org.irqdsl.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.validation.checks.Fixtures.*;

import org.irqdsl.validation.Diagnostics;
import org.junit.jupiter.api.Test;

/** missing-msi-parent-ops: msi_lib_init_dev_msi_info() step 1, WARN_ON_ONCE(!pops). */
class MissingMsiParentOpsTest {

	private static final String ID = "missing-msi-parent-ops";
	private static final String NVME = "device nvme0 at \"00:03.0\" { msi-x count 32 }";
	/** A VECTOR domain without msi-parent-ops. */
	private static final String BARE_VECTOR = "domain vector : VECTOR { vectors 0x20..0xff affinity-update two-step }";

	@Test
	void msiParentWithoutOps() {
		String text = platform(BARE_VECTOR, pciBus("vector", NVME));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "bus pci pcie0", "error [" + ID + "]"));
		assertThat(message(text, ID)).contains("bus pcie0", "domain vector (VECTOR) has no msi-parent-ops",
				"msi_lib_init_dev_msi_info() fails");
	}

	@Test
	void msiParentWithOps() {
		String text = platform(x86Vector("affinity-update two-step"), pciBus("vector", NVME));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void vmdChildBusUnderADomainWithoutOps() {
		String text = platform(x86Vector("affinity-update two-step"), "domain vmd_msi : VMD_MSI parent vector",
				pciBus("vector", vmdDevice("", "vmd_msi", "device nvme1 at \"10000:01:00.0\" { msi-x count 8 }")));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "bus pci vmdbus", "error [" + ID + "]"));
	}
}
