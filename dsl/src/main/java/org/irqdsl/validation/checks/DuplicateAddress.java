package org.irqdsl.validation.checks;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.irqdsl.analysis.DevicePath;
import org.irqdsl.analysis.PciAddress;
import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.irqDsl.BusType;
import org.irqdsl.irqDsl.Device;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.CheckReporter;
import org.irqdsl.validation.PlatformCheck;

/** Two functions at one address, or an address that is not one. */
public final class DuplicateAddress implements PlatformCheck {

	private static final Pattern CDX_ADDRESS = Pattern.compile("[0-9a-fA-F]{2}:[0-9a-fA-F]{2}");

	public static final CheckInfo INFO = CheckInfo.error("duplicate-address", "Two devices at one address",
			"PCI: lspci's [domain:]bus:device.function",
			"""
			Every PCI function has one address, `[domain:]bus:device.function` in hex (a missing domain \
			is 0000; VMD child buses live in domains 10000 and up); CDX devices are `bus:device`. Two \
			devices at one address (after that normalisation, `00:02.0` = `0000:00:02.0`) describe one \
			function twice. The same check rejects addresses of the wrong form (id `bad-address`).

			Fix: correct one of the addresses.""");

	public static final CheckInfo BAD_ADDRESS = CheckInfo.error("bad-address", "Malformed device address",
			"PCI: lspci's [domain:]bus:device.function",
			"""
			A PCI device's address must read `[domain:]bus:device.function` in hex with device < 0x20 \
			and function 0-7 (e.g. "0000:3d:00.0", "00:1f.2"); a CDX device's `bus:device` (e.g. "00:01").""");

	@Override
	public CheckInfo info() {
		return INFO;
	}

	@Override
	public java.util.List<CheckInfo> reports() {
		return java.util.List.of(INFO, BAD_ADDRESS);
	}

	@Override
	public void check(PlatformFacts platform, CheckReporter reporter) {
		// keyed by the parsed address (a record), not its text: formatting 10,000 addresses showed in
		// the language server's profile after an edit
		Map<Object, Device> seen = new HashMap<>(platform.devices().size() * 4 / 3 + 1);
		for (DevicePath path : platform.devices()) {
			Device device = path.device();
			Object key;
			if (path.bus().getType() == BusType.CDX) {
				if (device.getAddress() == null || !CDX_ADDRESS.matcher(device.getAddress()).matches()) {
					reporter.report(BAD_ADDRESS, "CDX address \"" + device.getAddress() + "\" of " + device.getName()
							+ ": expected \"bus:device\" in hex, e.g. \"00:01\"", device, IrqDslPackage.Literals.DEVICE__ADDRESS);
					continue;
				}
				key = "cdx:" + path.bus().getName() + ":" + device.getAddress().toLowerCase();
			} else {
				Optional<PciAddress> address = PciAddress.parse(device.getAddress());
				if (address.isEmpty()) {
					reporter.report(BAD_ADDRESS, "PCI address \"" + device.getAddress() + "\" of " + device.getName()
							+ ": expected " + PciAddress.EXPECTED, device, IrqDslPackage.Literals.DEVICE__ADDRESS);
					continue;
				}
				key = address.get();
			}
			Device first = seen.putIfAbsent(key, device);
			if (first != null) {
				reporter.report(INFO, "devices " + first.getName() + " and " + device.getName() + " are both at "
						+ (key instanceof String cdx ? cdx.substring(4) : key), device, IrqDslPackage.Literals.DEVICE__ADDRESS);
			}
		}
	}
}
