package org.irqdsl.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.validation.checks.Fixtures.*;

import org.irqdsl.validation.Diagnostics;
import org.junit.jupiter.api.Test;

/** required-not-supported: msi_lib_init_dev_msi_info(), {@code flags &= supported; flags |= required}. */
class RequiredNotSupportedTest {

	private static final String ID = "required-not-supported";
	private static final String NVME = "device nvme0 at \"00:03.0\" { msi-x count 32 }";

	@Test
	void requiredMultiMsiThatIsNotSupported() {
		String text = platform(domain("vector : VECTOR", "vectors 0x20..0xff", """
				msi-parent-ops {
				    supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX
				    required  MSI_FLAG_USE_DEF_DOM_OPS,
				              MSI_FLAG_MULTI_PCI_MSI
				}"""), pciBus("vector", NVME));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "MSI_FLAG_MULTI_PCI_MSI", "warning [" + ID + "]"));
		assertThat(message(text, ID)).contains("domain vector (VECTOR)", "MSI_FLAG_MULTI_PCI_MSI", "supported_flags",
				"flags |= required_flags");
	}

	@Test
	void requiredMultiMsiThatIsAlsoSupported() {
		String text = platform(domain("vector : VECTOR", "vectors 0x20..0xff", """
				msi-parent-ops {
				    supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX, MSI_FLAG_MULTI_PCI_MSI
				    required  MSI_FLAG_USE_DEF_DOM_OPS,
				              MSI_FLAG_MULTI_PCI_MSI
				}"""), pciBus("vector", NVME));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void vmdRequiresNoAffinityAsAPolicyAndIsNotReported() {
		String text = platform(x86Vector("affinity-update two-step"), vmdMsi(), pciBus("vector",
				vmdDevice("", "vmd_msi", "device nvme0 at \"10000:01:00.0\" { msi-x count 8 }")));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void noMaskIsAPolicyFlagToo() {
		String text = platform(domain("vector : VECTOR", "vectors 0x20..0xff",
				X86_VECTOR_OPS.replace("MSI_FLAG_USE_DEF_CHIP_OPS", "MSI_FLAG_USE_DEF_CHIP_OPS, MSI_FLAG_NO_MASK")),
				pciBus("vector", NVME));
		assertThat(Diagnostics.ids(text)).doesNotContain(ID);
	}

	@Test
	void realParentsAreConsistent() {
		String x86 = platform(x86Vector("affinity-update two-step"), dmar("affinity-update remap"), pciBus("ir", NVME));
		assertThat(Diagnostics.of(x86)).isEmpty();
		String arm = platform(gicIts(), pciBus("its", NVME));
		assertThat(Diagnostics.of(arm)).isEmpty();
	}
}
