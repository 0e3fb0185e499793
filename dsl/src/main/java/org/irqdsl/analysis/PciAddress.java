package org.irqdsl.analysis;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PCI function address as lspci prints it: {@code [domain:]bus:device.function}, hexadecimal,
 * the domain defaulting to 0000 (VMD child buses live in domains 10000 and up).
 */
public record PciAddress(int domain, int bus, int device, int function) {

	private static final Pattern FORM = Pattern
			.compile("(?:([0-9a-fA-F]{1,5}):)?([0-9a-fA-F]{2}):([0-9a-fA-F]{2})\\.([0-7])");

	public static final String EXPECTED = "\"[domain:]bus:device.function\" in hex, e.g. \"0000:3d:00.0\" or \"00:1f.2\"";

	public static Optional<PciAddress> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher m = FORM.matcher(text);
		if (!m.matches()) {
			return Optional.empty();
		}
		int domain = m.group(1) == null ? 0 : Integer.parseInt(m.group(1), 16);
		int device = Integer.parseInt(m.group(3), 16);
		if (device > 0x1f) {
			return Optional.empty();
		}
		return Optional.of(new PciAddress(domain, Integer.parseInt(m.group(2), 16), device,
				Integer.parseInt(m.group(4))));
	}

	@Override
	public String toString() {
		return String.format("%04x:%02x:%02x.%d", domain, bus, device, function);
	}
}
