package org.irqdsl.validation;

import org.irqdsl.analysis.DevicePath;
import org.irqdsl.analysis.PlatformFacts;

/**
 * A platform check whose findings on a device depend only on that device (with everything it
 * holds, a VMD's devices too) and on what lies outside every device — the domains, the buses'
 * own settings, the platform's kernel, CPUs and procedures — never on another device. Validation
 * keeps a device's findings until the device or that outside changes ({@link DeviceFindings}):
 * after an edit inside one device of a 10,000-device file only that device is checked again.
 */
public interface DeviceCheck extends PlatformCheck {

	void checkDevice(PlatformFacts platform, DevicePath device, CheckReporter reporter);

	@Override
	default void check(PlatformFacts platform, CheckReporter reporter) {
		for (DevicePath device : platform.devices()) {
			checkDevice(platform, device, reporter);
		}
	}
}
