package org.irqdsl.analysis;

import java.util.Optional;

/**
 * A PCI function address as lspci prints it: {@code [domain:]bus:device.function}, hexadecimal,
 * the domain defaulting to 0000 (VMD child buses live in domains 10000 and up).
 */
public record PciAddress(int domain, int bus, int device, int function) {

	public static final String EXPECTED = "\"[domain:]bus:device.function\" in hex, e.g. \"0000:3d:00.0\" or \"00:1f.2\"";

	/**
	 * The address {@code text} spells: {@code (?:([0-9a-fA-F]{1,5}):)?([0-9a-fA-F]{2}):([0-9a-fA-F]{2})\.([0-7])}
	 * with device &lt;= 0x1f, read by hand (a regular expression per device was a third of checking a
	 * 10,000-device platform's addresses).
	 */
	public static Optional<PciAddress> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		int n = text.length();
		// "bus:device.function" is the last 7 characters; a domain of 1 to 5 digits and ':' may precede it
		int tail = n - 7;
		if (tail != 0 && (tail < 2 || tail > 6 || text.charAt(tail - 1) != ':')) {
			return Optional.empty();
		}
		int domain = tail == 0 ? 0 : hex(text, 0, tail - 1);
		int bus = hex(text, tail, tail + 2);
		int device = hex(text, tail + 3, tail + 5);
		char f = text.charAt(n - 1);
		if (domain < 0 || bus < 0 || device < 0 || text.charAt(tail + 2) != ':' || text.charAt(tail + 5) != '.'
				|| f < '0' || f > '7' || device > 0x1f) {
			return Optional.empty();
		}
		return Optional.of(new PciAddress(domain, bus, device, f - '0'));
	}

	/** The hexadecimal number text[from, to) (ASCII digits only), or -1. */
	private static int hex(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
			if (digit < 0) {
				return -1;
			}
			value = value * 16 + digit;
		}
		return value;
	}

	// by hand: the record's generated equals and hashCode (31 * h + field) were most of looking up
	// 10,000 addresses, with many collisions among small bus/device numbers
	@Override
	public boolean equals(Object o) {
		return o instanceof PciAddress a && a.domain == domain && a.bus == bus && a.device == device && a.function == function;
	}

	@Override
	public int hashCode() {
		return Long.hashCode((long) domain << 16 | (bus & 0xff) << 8 | (device & 0x1f) << 3 | (function & 7)) * 0x9E3779B1;
	}

	@Override
	public String toString() {
		return String.format("%04x:%02x:%02x.%d", domain, bus, device, function);
	}
}
