package org.irqdsl.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.validation.checks.Fixtures.*;

import org.irqdsl.validation.Diagnostics;
import org.junit.jupiter.api.Test;

/** vmd-unbalanced-mapping: seed 004, {@code vmd->irqs[virq % vmd->msix_count]}. */
class VmdUnbalancedMappingTest {

	private static final String ID = "vmd-unbalanced-mapping";
	private static final String NVME1 = "device nvme1 at \"10000:01:00.0\" { msi-x count 8 }";
	private static final String NVME2 = "device nvme2 at \"10000:02:00.0\" { msi-x count 8 }";

	private static String vmdPlatform(String mapping, String... children) {
		return platform(x86Vector("affinity-update two-step"), vmdMsi(), pciBus("vector", vmdDevice(mapping, "vmd_msi", children)));
	}

	@Test
	void virqModuloDependsOnInitOrder() {
		String text = vmdPlatform("mapping virq-modulo", NVME1);
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "mapping virq-modulo", "warning [" + ID + "]"));
		assertThat(message(text, ID)).contains("VMD vmd0", "virq % msix_count", "init order", "seed 004", "least-loaded");
	}

	@Test
	void firstVectorWithSeveralChildrenCrowdsIt() {
		String text = vmdPlatform("mapping first-vector", NVME1, NVME2, "device bridge at \"10000:03:00.0\"");
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "mapping first-vector", "warning [" + ID + "]"));
		assertThat(message(text, ID)).contains("VMD vmd0 puts all 2 children on its first vector", "seed 004");
	}

	@Test
	void firstVectorWithOneChild() {
		String text = vmdPlatform("mapping first-vector", NVME1, "device bridge at \"10000:03:00.0\"");
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void leastLoadedIsTodaysVmdNextIrq() {
		String text = vmdPlatform("mapping least-loaded", NVME1, NVME2);
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void noMappingDeclaredIsLeastLoaded() {
		String text = vmdPlatform("", NVME1, NVME2);
		assertThat(Diagnostics.of(text)).isEmpty();
	}
}
