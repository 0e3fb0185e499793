package org.irqdsl.validation.checks;

import java.util.HashMap;
import java.util.Map;

import org.irqdsl.analysis.DevicePath;
import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.irqDsl.Device;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.CheckReporter;
import org.irqdsl.validation.IrqDslChecks;
import org.irqdsl.validation.PlatformCheck;

/**
 * Scenarios name a platform's devices by simple name, whatever bus they sit on; two devices of one
 * platform with one name would make such a reference silently pick the first.
 */
public final class DuplicateDeviceName implements PlatformCheck {

	@Override
	public CheckInfo info() {
		return IrqDslChecks.DUPLICATE_NAME;
	}

	@Override
	public void check(PlatformFacts platform, CheckReporter reporter) {
		Map<String, Device> seen = new HashMap<>();
		for (DevicePath path : platform.devices()) {
			Device device = path.device();
			if (device.getName() == null) {
				continue;
			}
			Device first = seen.putIfAbsent(device.getName(), device);
			if (first != null) {
				reporter.report(IrqDslChecks.DUPLICATE_NAME, "Duplicate device '" + device.getName() + "' in platform '"
						+ platform.platform().getName() + "': scenarios name devices across all buses of a platform",
						device, IrqDslPackage.Literals.DEVICE__NAME);
			}
		}
	}
}
