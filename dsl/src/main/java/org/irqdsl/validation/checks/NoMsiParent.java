package org.irqdsl.validation.checks;

import java.util.HashSet;
import java.util.Set;

import org.irqdsl.analysis.DevicePath;
import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.irqDsl.Bus;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.CheckReporter;
import org.irqdsl.validation.PlatformCheck;

/** A bus with MSI-capable devices and no MSI domain to allocate from. */
public final class NoMsiParent implements PlatformCheck {

	public static final CheckInfo INFO = CheckInfo.warning("no-msi-parent", "Bus without an MSI parent",
			"drivers/pci/msi/irqdomain.c",
			"""
			A bus whose devices have MSI or MSI-X capabilities but that names no `msi-parent` (and is \
			not a VMD child bus that bypasses into its VMD's parent) gives them no MSI domain: \
			pci_alloc_irq_vectors() falls back to legacy INTx, or fails.

			Fix: `bus pci NAME msi-parent DOMAIN`.""");

	@Override
	public CheckInfo info() {
		return INFO;
	}

	@Override
	public void check(PlatformFacts platform, CheckReporter reporter) {
		Set<Bus> reported = new HashSet<>();
		for (DevicePath path : platform.devices()) {
			boolean wantsMsi = path.device().getMsi() != null || path.device().getMsix() != null;
			if (wantsMsi && path.msiParent().isEmpty() && path.bus().getMsiParent() == null && reported.add(path.bus())) {
				reporter.report(INFO, "bus " + path.bus().getName()
						+ " has devices with MSI but no msi-parent: they get no MSI domain and fall back to INTx",
						path.bus(), IrqDslPackage.Literals.BUS__NAME);
			}
		}
	}
}
