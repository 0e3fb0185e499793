package org.irqdsl.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.validation.checks.Fixtures.*;

import org.irqdsl.validation.Diagnostics;
import org.junit.jupiter.api.Test;

/** flag-masked-by-parent: msi_lib_init_dev_msi_info() step 5 as a device sees it. */
class FlagMaskedByParentTest {

	private static final String ID = "flag-masked-by-parent";
	/** An x86 vector domain whose ops support only the generic flags: no MSI_FLAG_PCI_MSIX. */
	private static final String VECTOR_WITHOUT_MSIX = x86Vector("affinity-update two-step")
			.replace("MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX, MSI_FLAG_PCI_MSIX_ALLOC_DYN", "MSI_GENERIC_FLAGS_MASK");

	@Test
	void msixOnlyDeviceUnderAParentWithoutPciMsix() {
		String text = platform(VECTOR_WITHOUT_MSIX, pciBus("vector", "device nvme0 at \"00:03.0\" {\n msi-x count 32\n}"));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "msi-x count 32", "error [" + ID + "]"));
		assertThat(message(text, ID)).contains("device nvme0 (00:03.0) has only MSI-X", "MSI parent vector",
				"drops MSI_FLAG_PCI_MSIX", "flags &= supported_flags");
	}

	@Test
	void msixOnlyDeviceUnderTheX86VectorDomain() {
		String text = platform(x86Vector("affinity-update two-step"), pciBus("vector", "device nvme0 at \"00:03.0\" { msi-x count 32 }"));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void deviceWithMsiAndMsixFallsBackToMsi() {
		String text = platform(VECTOR_WITHOUT_MSIX,
				pciBus("vector", "device nic at \"00:02.0\" { msi count 1 maskable msi-x count 8 }"));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void multiVectorMsiUnderTheX86VectorDomainGetsOneVector() {
		String text = platform(x86Vector("affinity-update two-step"), pciBus("vector", "device nic at \"00:02.0\" {\n msi count 4 maskable\n}"));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "msi count 4", "warning [" + ID + "]"));
		assertThat(message(text, ID)).contains("device nic (00:02.0) asks for 4 MSI vectors", "MSI parent vector",
				"drops MSI_FLAG_MULTI_PCI_MSI", "one vector");
	}

	@Test
	void multiVectorMsiOnADeviceThatAlsoHasMsix() {
		String text = platform(x86Vector("affinity-update two-step"),
				pciBus("vector", "device nic at \"00:02.0\" { msi count 4 maskable msi-x count 8 }"));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void multiVectorMsiAndMsixUnderAParentWithNeither() {
		String text = platform(VECTOR_WITHOUT_MSIX,
				pciBus("vector", "device nic at \"00:02.0\" {\n msi count 4 maskable\n msi-x count 8\n}"));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "msi count 4", "warning [" + ID + "]"));
	}

	@Test
	void singleVectorMsiNeedsNoMultiMsi() {
		String text = platform(x86Vector("affinity-update two-step"), pciBus("vector", "device nic at \"00:02.0\" { msi count 1 maskable }"));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void dmarSupportsMultiMsi() {
		String text = platform(x86Vector(), dmar("affinity-update remap"), pciBus("ir", "device nic at \"00:02.0\" { msi count 4 maskable }"));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void gicItsSupportsBoth() {
		String text = platform(gicIts(), pciBus("its", "device nic at \"00:02.0\" { msi count 4 }",
				"device nvme0 at \"00:03.0\" { msi-x count 32 }"));
		assertThat(Diagnostics.of(text)).isEmpty();
	}
}
