package org.irqdsl.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.validation.checks.Fixtures.*;

import org.irqdsl.validation.Diagnostics;
import org.junit.jupiter.api.Test;

/** domain-cycle: a hierarchy must end at a root near the CPU. */
class DomainCycleTest {

	private static final String ID = "domain-cycle";

	@Test
	void twoDomainsThatAreEachOthersParentEachReportTheCycle() {
		String text = platform("domain ir : DMAR parent vector", "domain vector : VECTOR parent ir");
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "domain ir", "error [" + ID + "]"),
				at(text, "domain vector", "error [" + ID + "]"));
		assertThat(Diagnostics.messages(text)).containsExactly(
				"irq-domain hierarchy has a cycle: ir -> vector -> ir; no root domain reaches a CPU",
				"irq-domain hierarchy has a cycle: vector -> ir -> vector; no root domain reaches a CPU");
	}

	@Test
	void aDomainThatIsItsOwnParent() {
		String text = platform("domain vector : VECTOR parent vector");
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "domain vector", "error [" + ID + "]"));
		assertThat(message(text, ID)).contains("vector -> vector");
	}

	@Test
	void aDomainLeadingIntoACycleIsNotOnIt() {
		String text = platform("domain pcimsi : PCI_MSI parent ir", "domain ir : DMAR parent vector",
				"domain vector : VECTOR parent ir");
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "domain ir", "error [" + ID + "]"),
				at(text, "domain vector", "error [" + ID + "]"));
	}

	@Test
	void aCycleIsNotCascadedIntoTheChecksThatWalkTheHierarchy() {
		// domain-cycle is their prerequisite: the nic's "unmaskable" warning came from a walk with no root
		String text = platform(dmar("affinity-update remap"), domain("vector : VECTOR parent ir", X86_VECTOR_OPS),
				pciBus("ir", "device nic at \"00:02.0\" { msi count 1 }"));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "domain ir", "error [" + ID + "]"),
				at(text, "domain vector", "error [" + ID + "]"));
	}

	@Test
	void aChainThatEndsAtARoot() {
		String text = platform(x86Vector(), dmar("affinity-update remap"), pciBus("ir", "device nvme0 at \"00:03.0\" { msi-x count 32 }"));
		assertThat(Diagnostics.of(text)).isEmpty();
	}
}
