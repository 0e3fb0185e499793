package org.irqdsl.validation.checks;

import org.irqdsl.analysis.DevicePath;
import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.analysis.Written;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.CheckReporter;
import org.irqdsl.validation.DeviceCheck;

/** The vector counts the PCI capabilities can express. */
public final class MsiCount implements DeviceCheck {

	public static final CheckInfo INFO = CheckInfo.error("msi-count", "Vector count the capability cannot express",
			"PCI Local Bus Specification: MSI Multiple Message Capable, MSI-X Table Size",
			"""
			MSI offers 1, 2, 4, 8, 16 or 32 vectors (Multiple Message Capable is a power of two up to \
			32); MSI-X 1 to 2048 (Table Size + 1).""");

	@Override
	public CheckInfo info() {
		return INFO;
	}

	@Override
	public void checkDevice(PlatformFacts platform, DevicePath path, CheckReporter reporter) {
		var msi = path.device().getMsi();
		if (msi != null && Written.isWritten(msi, IrqDslPackage.Literals.MSI_CAPABILITY__COUNT)) {
			int n = msi.getCount();
			if (n < 1 || n > 32 || Integer.bitCount(n) != 1) {
				reporter.report(INFO, path.device().getName() + ": MSI count " + n
						+ " is not 1, 2, 4, 8, 16 or 32", msi, IrqDslPackage.Literals.MSI_CAPABILITY__COUNT);
			}
		}
		var msix = path.device().getMsix();
		if (msix != null && Written.isWritten(msix, IrqDslPackage.Literals.MSIX_CAPABILITY__COUNT)) {
			int n = msix.getCount();
			if (n < 1 || n > 2048) {
				reporter.report(INFO, path.device().getName() + ": MSI-X count " + n + " is not within 1..2048",
						msix, IrqDslPackage.Literals.MSIX_CAPABILITY__COUNT);
			}
		}
	}
}
