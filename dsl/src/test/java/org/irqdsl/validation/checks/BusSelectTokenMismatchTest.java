package org.irqdsl.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.validation.checks.Fixtures.*;

import org.irqdsl.validation.Diagnostics;
import org.junit.jupiter.api.Test;

/** bus-select-token-mismatch: msi_lib_init_dev_msi_info(), WARN_ON_ONCE(real_parent->bus_token != bus_select_token). */
class BusSelectTokenMismatchTest {

	private static final String ID = "bus-select-token-mismatch";
	private static final String NVME = "device nvme0 at \"00:03.0\" { msi-x count 32 }";

	@Test
	void dmarDomainThatSelectsWithTheAmdViToken() {
		String text = platform(x86Vector(), dmar("affinity-update remap").replace("bus-token DOMAIN_BUS_DMAR", "bus-token DOMAIN_BUS_AMDVI"),
				pciBus("ir", NVME));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "bus-token DOMAIN_BUS_AMDVI", "error [" + ID + "]"));
		assertThat(message(text, ID)).contains("domain ir (DMAR) has bus token DOMAIN_BUS_DMAR",
				"msi-parent-ops bus-token is DOMAIN_BUS_AMDVI", "msi_lib_init_dev_msi_info()");
	}

	@Test
	void dmarDomainThatSelectsWithItsOwnToken() {
		String text = platform(x86Vector(), dmar("affinity-update remap"), pciBus("ir", NVME));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void gicItsSelectsWithNexus() {
		String text = platform(gicIts(), pciBus("its", NVME));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void gicItsThatSelectsWithThePciToken() {
		String text = platform(gicIts().replace("bus-token DOMAIN_BUS_NEXUS", "bus-token DOMAIN_BUS_PCI_MSI"), pciBus("its", NVME));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "bus-token DOMAIN_BUS_PCI_MSI", "error [" + ID + "]"));
		assertThat(message(text, ID)).contains("has bus token DOMAIN_BUS_NEXUS");
	}

	@Test
	void x86VectorDomainWritesItsAnyTokenExplicitly() {
		String text = platform(domain("vector : VECTOR", "vectors 0x20..0xff",
				X86_VECTOR_OPS.replace("}", "bus-token DOMAIN_BUS_ANY\n}"), "affinity-update two-step"), pciBus("vector", NVME));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void theDomainsOwnBusTokenOverridesItsKinds() {
		String ops = DMAR_OPS.replace("DOMAIN_BUS_DMAR", "DOMAIN_BUS_AMDVI");
		String declared = platform(x86Vector(), domain("ir : DMAR parent vector", "bus-token DOMAIN_BUS_AMDVI", ops),
				pciBus("ir", NVME));
		assertThat(Diagnostics.of(declared)).isEmpty();

		String fromKind = platform(x86Vector(), domain("ir : DMAR parent vector", ops), pciBus("ir", NVME));
		assertThat(Diagnostics.of(fromKind)).containsExactly(at(fromKind, "bus-token DOMAIN_BUS_AMDVI", "error [" + ID + "]"));
	}

	@Test
	void anUnknownTokenIsOnlyAnUnknownName() {
		String text = platform(x86Vector(), dmar("affinity-update remap").replace("bus-token DOMAIN_BUS_DMAR", "bus-token DOMAIN_BUS_IR"),
				pciBus("ir", NVME));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "bus-token DOMAIN_BUS_IR", "error [unknown-kernel-name]"));
	}
}
