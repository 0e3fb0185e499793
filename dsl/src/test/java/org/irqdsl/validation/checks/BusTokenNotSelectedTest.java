package org.irqdsl.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.validation.checks.Fixtures.*;

import org.irqdsl.validation.Diagnostics;
import org.junit.jupiter.api.Test;

/** bus-token-not-selected: msi_lib_irq_domain_select(). */
class BusTokenNotSelectedTest {

	private static final String ID = "bus-token-not-selected";
	private static final String NVME = "device nvme0 at \"00:03.0\" { msi-x count 32 }";
	private static final String NVME_BEHIND_VMD = "device nvme1 at \"10000:01:00.0\" { msi-x count 8 }";
	private static final String CDX_BUS = "bus cdx cdx0 msi-parent %s {\n device fpga0 at \"00:01\" { msi-x count 4 }\n}";

	@Test
	void x86VectorDomainTakesPciDirectly() {
		String text = platform(x86Vector("affinity-update two-step"), pciBus("vector", NVME));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void dmarSelectsPciWithMatchPciMsi() {
		String text = platform(x86Vector(), dmar("affinity-update remap"), pciBus("ir", NVME));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void dmarWithoutSelectMaskRejectsPci() {
		String text = platform(x86Vector(), dmar("affinity-update remap").replace("select    MATCH_PCI_MSI", ""),
				pciBus("ir", NVME));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "bus pci pcie0", "error [" + ID + "]"));
		assertThat(message(text, ID)).contains("bus pcie0", "DOMAIN_BUS_PCI_MSI", "domain ir (DMAR)",
				"bus_select_token DOMAIN_BUS_DMAR", "no select mask", "msi_lib_irq_domain_select()");
	}

	@Test
	void selectMaskThatServesOnlyPlatformMsiRejectsPci() {
		String text = platform(gicIts().replace("select    MATCH_PCI_MSI, MATCH_PLATFORM_MSI", "select MATCH_PLATFORM_MSI"),
				pciBus("its", NVME));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "bus pci pcie0", "error [" + ID + "]"));
		assertThat(message(text, ID)).contains("DOMAIN_BUS_PCI_MSI", "bus_select_token DOMAIN_BUS_NEXUS and MATCH_PLATFORM_MSI");
	}

	@Test
	void cdxLooksUpWithNexusWhichTheGicItsTokenSelects() {
		String text = platform(gicIts(), CDX_BUS.formatted("its"));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void cdxUnderAParentThatOnlyMatchesPciIsRejected() {
		String text = platform(x86Vector(), dmar("affinity-update remap"), CDX_BUS.formatted("ir"));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "bus cdx cdx0", "error [" + ID + "]"));
		assertThat(message(text, ID)).contains("bus cdx0 looks its MSI parent up with DOMAIN_BUS_NEXUS", "MATCH_PCI_MSI");
	}

	@Test
	void vmdChildBusIsSelectedByTheVmdDomainsMatchPciMsi() {
		String text = platform(x86Vector("affinity-update two-step"), vmdMsi(), pciBus("vector", vmdDevice("", "vmd_msi", NVME_BEHIND_VMD)));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void vmdChildBusUnderAParentThatDoesNotSelectItIsReported() {
		String text = platform(x86Vector("affinity-update two-step"), vmdMsi().replace("select    MATCH_PCI_MSI", ""),
				pciBus("vector", vmdDevice("", "vmd_msi", NVME_BEHIND_VMD)));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "bus pci vmdbus", "error [" + ID + "]"));
	}
}
