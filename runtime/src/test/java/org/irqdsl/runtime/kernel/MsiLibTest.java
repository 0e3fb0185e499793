package org.irqdsl.runtime.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.runtime.kernel.MsiFlag.*;

import org.junit.jupiter.api.Test;

class MsiLibTest {

	private static final long X86_VECTOR_SUPPORTED = MsiFlag.GENERIC_FLAGS_MASK | MSI_FLAG_PCI_MSIX.mask()
			| MSI_FLAG_PCI_MSIX_ALLOC_DYN.mask();
	private static final long DOM_CHIP = MSI_FLAG_USE_DEF_DOM_OPS.mask() | MSI_FLAG_USE_DEF_CHIP_OPS.mask();

	@Test
	void parentTakesAwayDomainSpecificBitsItDoesNotSupport() {
		long flags = MsiLib.effectiveFlags(MsiLib.PCI_MSI_TEMPLATE_FLAGS, X86_VECTOR_SUPPORTED, DOM_CHIP);
		assertThat(MsiFlag.decode(flags)).doesNotContain(MSI_FLAG_MULTI_PCI_MSI)
				.contains(MSI_FLAG_ACTIVATE_EARLY, MSI_FLAG_MUST_REACTIVATE, MSI_FLAG_USE_DEF_DOM_OPS, MSI_FLAG_USE_DEF_CHIP_OPS);
	}

	@Test
	void genericBitsSurviveAndRequiredOnesAreForced() {
		long itsSupported = GENERIC_FLAGS_MASK | MSI_FLAG_PCI_MSIX.mask() | MSI_FLAG_MULTI_PCI_MSI.mask();
		long itsRequired = DOM_CHIP | MSI_FLAG_PCI_MSI_MASK_PARENT.mask();
		long flags = MsiLib.effectiveFlags(MsiLib.PCI_MSIX_TEMPLATE_FLAGS, itsSupported, itsRequired);
		assertThat(MsiFlag.decode(flags)).contains(MSI_FLAG_PCI_MSIX, MSI_FLAG_PCI_MSI_MASK_PARENT, MSI_FLAG_DEV_SYSFS)
				.doesNotContain(MSI_FLAG_PCI_MSIX_ALLOC_DYN);
	}

	@Test
	void vmdForcesNoAffinityItDoesNotAdvertise() {
		long vmdSupported = GENERIC_FLAGS_MASK | MSI_FLAG_PCI_MSIX.mask();
		long vmdRequired = MSI_FLAG_USE_DEF_DOM_OPS.mask() | MSI_FLAG_NO_AFFINITY.mask();
		assertThat(MsiFlag.decode(MsiLib.effectiveFlags(MsiLib.PCI_MSIX_TEMPLATE_FLAGS, vmdSupported, vmdRequired)))
				.contains(MSI_FLAG_NO_AFFINITY, MSI_FLAG_PCI_MSIX);
	}

	@Test
	void selectionByTokenOrMask() {
		long matchPci = BusSelectMatch.MATCH_PCI_MSI.mask();
		assertThat(MsiLib.selects(DomainBusToken.DOMAIN_BUS_PCI_MSI, DomainBusToken.DOMAIN_BUS_DMAR, matchPci)).isTrue();
		assertThat(MsiLib.selects(DomainBusToken.DOMAIN_BUS_PCI_MSI, DomainBusToken.DOMAIN_BUS_DMAR, 0)).isFalse();
		assertThat(MsiLib.selects(DomainBusToken.DOMAIN_BUS_NEXUS, DomainBusToken.DOMAIN_BUS_NEXUS, matchPci)).isTrue();
		assertThat(MsiLib.selects(DomainBusToken.DOMAIN_BUS_PLATFORM_MSI, DomainBusToken.DOMAIN_BUS_VMD_MSI, matchPci)).isFalse();
	}

	@Test
	void x86VectorDomainTakesPciChildrenDirectly() {
		assertThat(MsiLib.selects(DomainBusToken.DOMAIN_BUS_PCI_MSI, DomainBusToken.DOMAIN_BUS_ANY, 0)).isTrue();
	}

	@Test
	void kernelValuesMatchTheHeaders() {
		assertThat(DomainBusToken.DOMAIN_BUS_PCI_MSI.value()).isEqualTo(3);
		assertThat(DomainBusToken.DOMAIN_BUS_WIRED_TO_MSI.value()).isEqualTo(16);
		assertThat(MSI_FLAG_PCI_MSI_MASK_PARENT.mask()).isEqualTo(1L << 9);
		assertThat(MSI_FLAG_NO_MASK.bit()).isEqualTo(22);
		assertThat(BusSelectMatch.MATCH_PCI_MSI.mask()).isEqualTo(1L << 3);
	}
}
