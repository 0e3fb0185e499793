package org.irqdsl.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.validation.checks.Fixtures.*;

import org.irqdsl.validation.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** nonmaskable-msi-without-remap: seed 001, commit 6f1a4891a592. */
class NonMaskableMsiWithoutRemapTest {

	private static final String ID = "nonmaskable-msi-without-remap";
	private static final String NIC = "device nic at \"00:02.0\" { msi count 1 }";
	/** x86 without remapping: the local APIC cannot mask either, so seed 002's warning comes along. */
	private static final String NO_PARENT_MASK = "warning [unmaskable-without-parent-mask]";

	private static String x86(String strategy, String... busLines) {
		return platform(x86Vector(strategy), pciBus("vector", busLines));
	}

	@ParameterizedTest
	@ValueSource(strings = { "direct", "masked", "lazy-move" })
	void strategiesThatWriteTheWordsSeparatelyLoseTheInterrupt(String strategy) {
		String text = x86("affinity-update " + strategy, NIC);
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "device nic", "warning [" + ID + "]"),
				at(text, "device nic", NO_PARENT_MASK));
		assertThat(message(text, ID)).contains("device nic (00:02.0)", "affinity-update " + strategy, "torn message",
				"seed 001", "6f1a4891a592");
	}

	@Test
	void aDeviceWithUsableMsixIsJudgedOnMsixWhichDriversTakeFirst() {
		String text = x86("affinity-update direct", "device nic at \"00:02.0\" { msi count 1 msi-x count 4 }");
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void aDeviceWhoseMsixTheParentDropsFallsBackToItsMsi() {
		String text = platform(domain("vector : VECTOR", "vectors 0x20..0xff", """
				msi-parent-ops {
				    supported MSI_GENERIC_FLAGS_MASK
				    required  MSI_FLAG_USE_DEF_DOM_OPS, MSI_FLAG_USE_DEF_CHIP_OPS
				}""", "affinity-update direct"), pciBus("vector", "device nic at \"00:02.0\" { msi count 1 msi-x count 4 }"));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "device nic", "warning [" + ID + "]"),
				at(text, "device nic", NO_PARENT_MASK));
	}

	@Test
	void aVectorDomainThatDeclaresNothingRunsTheNewestKernelsProcedure() {
		// No kernel stated: the newest modelled era (v6.7+, b56ebe7c896d): !irqd_can_reserve() sends a
		// non-maskable MSI down the direct path.
		String text = x86("", NIC);
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "device nic", "warning [" + ID + "]"),
				at(text, "device nic", NO_PARENT_MASK));
		assertThat(message(text, ID)).contains("procedure x86_msi_set_affinity_v6_7", "path direct");
	}

	@ParameterizedTest(name = "kernel {0}: {1}")
	@CsvSource({ "5.4, warning, x86_msi_set_affinity_pre_v5_6", "5.10.74, info, x86_msi_set_affinity_v5_6",
			"5.17, warning, x86_msi_set_affinity_v5_17", "6.1.65, warning, x86_msi_set_affinity_v5_17",
			"6.1.66, warning, x86_msi_set_affinity_v6_7", "6.12, warning, x86_msi_set_affinity_v6_7" })
	void theKernelLineChoosesTheEra(String kernel, String severity, String procedure) {
		String text = x86("", NIC).replace("cpus 4", "cpus 4\nkernel \"" + kernel + "\"");
		assertThat(Diagnostics.of(text)).contains(at(text, "device nic", severity + " [" + ID + "]"));
		assertThat(message(text, ID)).contains(procedure);
	}

	@Test
	void gicv2mRoutesTheSpiAndNeverTears() {
		String text = platform("domain v2m : GICv2m {\n msi-parent-ops { supported MSI_GENERIC_FLAGS_MASK\n required MSI_FLAG_USE_DEF_DOM_OPS, MSI_FLAG_USE_DEF_CHIP_OPS, MSI_FLAG_PCI_MSI_MASK_PARENT\n bus-token DOMAIN_BUS_NEXUS\n select MATCH_PCI_MSI }\n}",
				pciBus("v2m", NIC));
		assertThat(Diagnostics.of(text)).noneMatch(d -> d.contains(ID));
	}

	@Test
	void aUserProcedureThatWritesTheWordsUnmaskedTearsAndItsTwoStepFixDoesNot() {
		String broken = "procedure mydrv for affinity-update { runs at-once path p { write address_lo write data } }\n"
				+ x86("affinity-procedure mydrv", NIC);
		assertThat(Diagnostics.of(broken)).contains(at(broken, "device nic", "warning [" + ID + "]"));
		assertThat(message(broken, ID)).contains("procedure mydrv");
		String fixed = "procedure mydrv for affinity-update { path p { lock vector_lock write temp-message write message "
				+ "unlock vector_lock check-irr retrigger-if-pending } }\n" + x86("affinity-procedure mydrv", NIC);
		assertThat(Diagnostics.of(fixed)).contains(at(fixed, "device nic", "info [" + ID + "]"));
	}

	@Test
	void imsicLazyMoveBeforeV615LosesTheInterrupt() {
		String text = platform(imsic("affinity-update lazy-move"), pciBus("imsic", NIC));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "device nic", "warning [" + ID + "]"));
		assertThat(message(text, ID)).contains("affinity-update lazy-move", "seed 001");
	}

	@Test
	void x86TwoStepUpdateIsOnlyInformation() {
		String text = x86("affinity-update two-step", NIC);
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "device nic", "info [" + ID + "]"),
				at(text, "device nic", NO_PARENT_MASK));
		assertThat(message(text, ID)).contains("two-step update", "msi_set_affinity()", "no interrupt is lost", "seed 001");
	}

	@Test
	void theNearestDomainsStrategyWinsEvenWhenItIsTheDefaultDirect() {
		String text = platform(x86Vector("affinity-update two-step"),
				domain("pcimsi : PCI_MSI parent vector", X86_VECTOR_OPS, "affinity-update direct"), pciBus("pcimsi", NIC));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "device nic", "warning [" + ID + "]"),
				at(text, "device nic", NO_PARENT_MASK));
		assertThat(message(text, ID)).contains("affinity-update direct");
	}

	@Test
	void aDeviceThatWritesConfigWordsOnAnAtomicBusTears() {
		String text = x86("affinity-update direct", "msi-write atomic",
				"device nic at \"00:02.0\" { msi count 1 msi-write config-words }");
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "device nic", "warning [" + ID + "]"),
				at(text, "device nic", NO_PARENT_MASK));
	}

	@Test
	void remapStrategyDoesNotTear() {
		String text = x86("affinity-update remap", NIC);
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "device nic", NO_PARENT_MASK));
	}

	@Test
	void dmarDomainOnThePathDoesNotTearWhateverTheVectorDomainDeclares() {
		String text = platform(x86Vector("affinity-update direct"), dmar(), pciBus("ir", NIC));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "device nic", NO_PARENT_MASK));
	}

	@Test
	void amdViDomainOnThePathDoesNotTear() {
		String text = platform(x86Vector("affinity-update direct"), domain("amdvi : AMDVI parent vector",
				DMAR_OPS.replace("DOMAIN_BUS_DMAR", "DOMAIN_BUS_AMDVI")), pciBus("amdvi", NIC));
		assertThat(Diagnostics.ids(text)).doesNotContain(ID).contains("unmaskable-without-parent-mask");
	}

	@Test
	void maskableMsiIsMaskedAroundTheMove() {
		String text = x86("affinity-update direct", "device nic at \"00:02.0\" { msi count 1 maskable }");
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void msixEntriesAlwaysMask() {
		String text = x86("affinity-update direct", "device nvme0 at \"00:03.0\" { msi-x count 32 }");
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void atomicMessageWriteDoesNotTear() {
		String onDevice = x86("affinity-update direct", "device nic at \"00:02.0\" { msi count 1 msi-write atomic }");
		assertThat(Diagnostics.of(onDevice)).containsExactly(at(onDevice, "device nic", NO_PARENT_MASK));

		String onBus = x86("affinity-update direct", "msi-write atomic", NIC);
		assertThat(Diagnostics.of(onBus)).containsExactly(at(onBus, "device nic", NO_PARENT_MASK));
	}

	@Test
	void gicItsNeverRewritesTheMessage() {
		String text = platform(gicIts(), pciBus("its", NIC));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void immutableDeclaredOnTheRootDoesNotTear() {
		String text = x86("affinity-update immutable", NIC);
		assertThat(Diagnostics.ids(text)).doesNotContain(ID);
	}

	@Test
	void vmdChildrenUnderNoAffinityNeverMove() {
		String text = platform(x86Vector("affinity-update direct"), vmdMsi(), pciBus("vector",
				vmdDevice("", "vmd_msi", "device nvme0 at \"10000:01:00.0\" { msi count 1 }")));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "device nvme0", NO_PARENT_MASK));
	}

	@Test
	void aBusWithoutMsiParentHasNoMessageToTear() {
		String text = platform(x86Vector("affinity-update direct"), "bus pci pcie0 {\n" + NIC + "\n}");
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "bus pci pcie0", "warning [no-msi-parent]"));
	}
}
