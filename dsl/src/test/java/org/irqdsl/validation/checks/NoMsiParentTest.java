package org.irqdsl.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.validation.checks.Fixtures.*;

import org.irqdsl.validation.Diagnostics;
import org.junit.jupiter.api.Test;

/** no-msi-parent: drivers/pci/msi/irqdomain.c, a bus with MSI devices and no MSI domain. */
class NoMsiParentTest {

	private static final String ID = "no-msi-parent";
	private static final String NVME = "device nvme0 at \"00:03.0\" { msi-x count 32 }";
	private static final String NVME_BEHIND_VMD = "device nvme1 at \"10000:01:00.0\" { msi-x count 8 }";

	@Test
	void busWithMsiDevicesAndNoMsiParentIsReportedOnce() {
		String text = platform(x86Vector("affinity-update two-step"),
				"bus pci pcie0 {\n" + NVME + "\ndevice ahci at \"00:1f.2\" { msi count 1 maskable }\n}");
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "bus pci pcie0", "warning [" + ID + "]"));
		assertThat(message(text, ID)).contains("bus pcie0", "no msi-parent", "INTx");
	}

	@Test
	void busWithAnMsiParent() {
		String text = platform(x86Vector("affinity-update two-step"), pciBus("vector", NVME));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void busWhoseDevicesHaveNoMsiNeedsNoParent() {
		String text = platform(x86Vector("affinity-update two-step"), "bus pci pcie0 {\ndevice legacy at \"00:04.0\"\n}");
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void anUnknownMsiParentIsOnlyAnUnresolvedReference() {
		String text = platform(x86Vector("affinity-update two-step"), pciBus("nosuch", NVME));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "bus pci pcie0", "error [unresolved-reference]"));
	}

	@Test
	void vmdChildBusThatBypassesUsesTheVmdsParent() {
		String text = platform(x86Vector("affinity-update two-step"), pciBus("vector", vmdDevice("bypass", "", NVME_BEHIND_VMD)));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void vmdChildBusWithoutBypassAndWithoutMsiParent() {
		String text = platform(x86Vector("affinity-update two-step"), pciBus("vector", vmdDevice("", "", NVME_BEHIND_VMD)));
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "bus pci vmdbus", "warning [" + ID + "]"));
	}
}
