package org.irqdsl.runtime.sim.config;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One MSI or MSI-X entry of a device, written {@code nic.msi[0]} as in the .irqdsl language. */
public record EntryRef(String device, EntryKind kind, int index) {

	private static final Pattern FULL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\.(msi|msi-x)\\[(\\d{1,4})\\]");
	private static final Pattern LOCAL = Pattern.compile("(msi|msi-x)\\[(\\d{1,4})\\]");

	public EntryRef {
		Objects.requireNonNull(device);
		Objects.requireNonNull(kind);
	}

	/** Parses {@code device.msi[i]} or {@code device.msi-x[i]}. */
	public static Optional<EntryRef> parse(String text) {
		Matcher m = FULL.matcher(text);
		if (!m.matches()) {
			return Optional.empty();
		}
		return Optional.of(new EntryRef(m.group(1), kindOf(m.group(2)), Integer.parseInt(m.group(3))));
	}

	/** Parses {@code msi[i]} inside a device thread, whose device is given. */
	public static Optional<EntryRef> parseLocal(String device, String text) {
		Matcher m = LOCAL.matcher(text);
		if (!m.matches()) {
			return Optional.empty();
		}
		return Optional.of(new EntryRef(device, kindOf(m.group(1)), Integer.parseInt(m.group(2))));
	}

	private static EntryKind kindOf(String s) {
		return s.equals("msi") ? EntryKind.MSI : EntryKind.MSIX;
	}

	/** {@code msi[0]}: the entry as its own device names it. */
	public String local() {
		return kind.jsonName() + "[" + index + "]";
	}

	@Override
	public String toString() {
		return device + "." + local();
	}
}
