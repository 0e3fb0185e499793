package org.irqdsl.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.validation.checks.Fixtures.*;

import org.irqdsl.validation.Diagnostics;
import org.junit.jupiter.api.Test;

/** unmaskable-without-parent-mask: seed 002 (MSI_FLAG_PCI_MSI_MASK_PARENT). */
class UnmaskableWithoutParentMaskTest {

	private static final String ID = "unmaskable-without-parent-mask";
	private static final String NIC = "device nic at \"00:02.0\" { msi count 1 }";

	@Test
	void x86VectorParentDoesNotTakeMasking() {
		String text = platform(x86Vector("affinity-update remap"), pciBus("vector", NIC));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "device nic", "warning [" + ID + "]"));
		assertThat(message(text, ID)).contains("device nic (00:02.0)", "MSI parent vector",
				"no MSI_FLAG_PCI_MSI_MASK_PARENT", "disable_irq", "seed 002");
	}

	@Test
	void maskableMsiNeedsNoParentMask() {
		String text = platform(x86Vector("affinity-update remap"), pciBus("vector", "device nic at \"00:02.0\" { msi count 1 maskable }"));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void msixOnlyDeviceMasksItsEntries() {
		String text = platform(x86Vector("affinity-update remap"), pciBus("vector", "device nvme0 at \"00:03.0\" { msi-x count 32 }"));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void gicItsRequiresMaskParentAndItsChipMasks() {
		String text = platform(gicIts(), pciBus("its", NIC));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void maskParentIsNotEnoughWhenTheRootChipCannotMask() {
		String text = platform(gicIts("chip-mask no"), pciBus("its", NIC));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "device nic", "warning [" + ID + "]"));
		assertThat(message(text, ID)).contains("the root irqchip its cannot mask an interrupt", "seed 002");
	}

	@Test
	void rootThatDeclaresItCanMaskWithMaskParentRequired() {
		String text = platform(domain("vector : VECTOR", "vectors 0x20..0xff",
				X86_VECTOR_OPS.replace("MSI_FLAG_USE_DEF_CHIP_OPS", "MSI_FLAG_USE_DEF_CHIP_OPS, MSI_FLAG_PCI_MSI_MASK_PARENT"),
				"chip-mask yes", "affinity-update remap"), pciBus("vector", NIC));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void aParentWithoutOpsIsLeftToMissingMsiParentOps() {
		String text = platform("domain vector : VECTOR { vectors 0x20..0xff affinity-update remap }", pciBus("vector", NIC));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "bus pci pcie0", "error [missing-msi-parent-ops]"));
	}
}
