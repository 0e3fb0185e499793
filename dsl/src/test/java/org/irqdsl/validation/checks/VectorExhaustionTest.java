package org.irqdsl.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.validation.checks.Fixtures.*;

import org.irqdsl.validation.Diagnostics;
import org.junit.jupiter.api.Test;

/** vector-exhaustion: kernel/irq/matrix.c, a root holds its range once per online CPU. */
class VectorExhaustionTest {

	private static final String ID = "vector-exhaustion";
	/** A VECTOR root with 16 vectors per CPU. */
	private static final String SMALL_VECTOR = domain("vector : VECTOR", "vectors 0x20..0x2f", X86_VECTOR_OPS,
			"affinity-update two-step");

	private static String nvme(int count) {
		return "device nvme0 at \"00:03.0\" { msi-x count " + count + " }";
	}

	@Test
	void moreVectorsThanOneOnlineCpuHolds() {
		String text = platformWithCpus("cpus 1", SMALL_VECTOR, pciBus("vector", nvme(17)));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "vectors 0x20..0x2f", "error [" + ID + "]"));
		assertThat(message(text, ID)).isEqualTo(
				"domain vector (VECTOR): devices below it request 17 vectors but 16 vectors x 1 online CPUs hold 16: allocation fails with -ENOSPC");
	}

	@Test
	void exactlyWhatTheRootHolds() {
		String text = platformWithCpus("cpus 1", SMALL_VECTOR, pciBus("vector", nvme(16)));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void demandOfAllDevicesBelowTheRootAddsUp() {
		String text = platformWithCpus("cpus 1", SMALL_VECTOR, dmar("affinity-update remap"),
				pciBus("vector", nvme(8)), "bus pci pcie1 msi-parent ir {\n device nic at \"01:00.0\" { msi count 8 maskable }\n"
						+ " device ahci at \"01:1f.2\" { msi count 1 maskable }\n}");
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "vectors 0x20..0x2f", "error [" + ID + "]"));
		assertThat(message(text, ID)).contains("request 17 vectors");
	}

	@Test
	void multiVectorMsiCountsOneVectorWhenTheParentDropsMultiPciMsi() {
		String text = platformWithCpus("cpus 1", SMALL_VECTOR, pciBus("vector", "device nic at \"00:02.0\" { msi count 32 maskable }"));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "device nic", "warning [flag-masked-by-parent]"));
	}

	@Test
	void multiVectorMsiCountsInFullUnderARemapDomainThatSupportsIt() {
		String text = platformWithCpus("cpus 1", SMALL_VECTOR, dmar("affinity-update remap"),
				pciBus("ir", "device nic at \"00:02.0\" { msi count 32 maskable }"));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "vectors 0x20..0x2f", "error [" + ID + "]"));
		assertThat(message(text, ID)).contains("request 32 vectors");
	}

	@Test
	void msixTheParentDropsFallsBackToMsi() {
		String text = platformWithCpus("cpus 1", SMALL_VECTOR.replace(", MSI_FLAG_PCI_MSIX, MSI_FLAG_PCI_MSIX_ALLOC_DYN", ""),
				pciBus("vector", "device nic at \"00:02.0\" { msi count 1 maskable msi-x count 2048 }"));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void offlineCpusHoldNothing() {
		String offline = platformWithCpus("cpus 2 offline 1", SMALL_VECTOR, pciBus("vector", nvme(32)));
		assertThat(Diagnostics.of(offline)).containsExactly(at(offline, "vectors 0x20..0x2f", "error [" + ID + "]"));
		assertThat(message(offline, ID)).contains("16 vectors x 1 online CPUs hold 16");

		String online = platformWithCpus("cpus 2", SMALL_VECTOR, pciBus("vector", nvme(32)));
		assertThat(Diagnostics.of(online)).isEmpty();
	}

	@Test
	void vmdChildrenAreMultiplexedOnTheVmdsVectors() {
		String text = platformWithCpus("cpus 1", SMALL_VECTOR, vmdMsi(), pciBus("vector",
				"device vmd0 at \"0000:00:0e.0\" {\n msi-x count 16\n vmd {\n bus pci vmdbus msi-parent vmd_msi {\n"
						+ " device nvme1 at \"10000:01:00.0\" { msi-x count 2048 }\n }\n }\n}"));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void aRootWithoutVectorsIsNotCounted() {
		String text = platformWithCpus("cpus 1", gicIts(), pciBus("its", nvme(2048)));
		assertThat(Diagnostics.of(text)).isEmpty();
	}
}
