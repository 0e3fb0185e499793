package org.irqdsl.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.validation.checks.Fixtures.*;

import org.irqdsl.validation.Diagnostics;
import org.junit.jupiter.api.Test;

/** unknown-kernel-name: every kernel name is one of the kernel's, of the kind its position expects. */
class UnknownKernelNameTest {

	private static final String ID = "unknown-kernel-name";

	@Test
	void misspelledDomainKind() {
		String text = platform("domain vector : VECTR { vectors 0x20..0xff }");
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "VECTR", "error [" + ID + "]"));
		assertThat(message(text, ID)).isEqualTo("'VECTR' is not a kernel name; expected a domain kind "
				+ "(VECTOR, DMAR, AMDVI, GIC_ITS, GICv2m, IMSIC, APLIC, NEXUS, PCI_MSI, VMD_MSI, CDX_MSI)");
	}

	@Test
	void flagsRemovedFromTheKernelAreNotAccepted() {
		String text = platform(domain("vector : VECTOR", "vectors 0x20..0xff", """
				msi-parent-ops {
				    supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX,
				              MSI_FLAG_NOMASK_QUIRK,
				              MSI_FLAG_PCI_IMS
				    required  MSI_FLAG_USE_DEF_DOM_OPS, MSI_FLAG_USE_DEF_CHIP_OPS
				}"""));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "MSI_FLAG_NOMASK_QUIRK", "error [" + ID + "]"),
				at(text, "MSI_FLAG_PCI_IMS", "error [" + ID + "]"));
		assertThat(Diagnostics.messages(text)).allSatisfy(m -> assertThat(m).contains("is not a kernel name; expected an MSI_FLAG_*"));
	}

	@Test
	void removedBusTokenIsNotAccepted() {
		String text = platform(domain("vector : VECTOR", "vectors 0x20..0xff", "bus-token DOMAIN_BUS_PCI_DEVICE_IMS"));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "DOMAIN_BUS_PCI_DEVICE_IMS", "error [" + ID + "]"));
		assertThat(message(text, ID)).startsWith("'DOMAIN_BUS_PCI_DEVICE_IMS' is not a kernel name; expected a DOMAIN_BUS_* token");
	}

	@Test
	void aKnownNameInTheWrongPlaceIsNamedForWhatItIs() {
		String text = platform(domain("its : GIC_ITS", """
				msi-parent-ops {
				    supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX
				    required  MSI_FLAG_USE_DEF_DOM_OPS
				    chip-flags MSI_FLAG_PCI_MSI_MASK_PARENT
				    bus-token MATCH_PCI_MSI
				    select    DOMAIN_BUS_PCI_MSI
				}""", "domain-flags MSI_FLAG_NO_AFFINITY", "bus-token GIC_ITS"));
		assertThat(Diagnostics.of(text)).containsExactlyInAnyOrder(
				at(text, "chip-flags MSI_FLAG_PCI_MSI_MASK_PARENT", "error [" + ID + "]"),
				at(text, "bus-token MATCH_PCI_MSI", "error [" + ID + "]"),
				at(text, "select    DOMAIN_BUS_PCI_MSI", "error [" + ID + "]"),
				at(text, "domain-flags MSI_FLAG_NO_AFFINITY", "error [" + ID + "]"),
				at(text, "bus-token GIC_ITS", "error [" + ID + "]"));
		assertThat(Diagnostics.messages(text)).satisfiesExactlyInAnyOrder(
				m -> assertThat(m).isEqualTo("'MSI_FLAG_PCI_MSI_MASK_PARENT' is an MSI flag; expected an MSI_CHIP_FLAG_* "
						+ "(MSI_CHIP_FLAG_SET_EOI, MSI_CHIP_FLAG_SET_ACK)"),
				m -> assertThat(m).startsWith("'MATCH_PCI_MSI' is a select mask; expected a DOMAIN_BUS_* token (e.g. DOMAIN_BUS_PCI_MSI"),
				m -> assertThat(m).isEqualTo("'DOMAIN_BUS_PCI_MSI' is a bus token; expected a MATCH_* mask (MATCH_PCI_MSI, MATCH_PLATFORM_MSI)"),
				m -> assertThat(m).startsWith("'MSI_FLAG_NO_AFFINITY' is an MSI flag; expected an IRQ_DOMAIN_FLAG_*"),
				m -> assertThat(m).startsWith("'GIC_ITS' is a domain kind; expected a DOMAIN_BUS_* token"));
	}

	@Test
	void theRealParentsUseOnlyKernelNames() {
		String text = platform(x86Vector("affinity-update two-step"), dmar("affinity-update remap"), vmdMsi(), gicIts(),
				imsic(),
				"domain v2m : GICv2m", "domain aplic : APLIC parent imsic", "domain amdvi : AMDVI parent vector",
				"domain nexus : NEXUS", "domain pcimsi : PCI_MSI parent vector", "domain cdxmsi : CDX_MSI parent its");
		assertThat(Diagnostics.ids(text)).doesNotContain(ID);
	}
}
