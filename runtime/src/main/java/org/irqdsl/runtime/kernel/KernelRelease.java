package org.irqdsl.runtime.kernel;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A kernel release as a platform's {@code kernel "X.Y[.Z][-suffix]"} states it. */
public record KernelRelease(int major, int minor, int patch) {

	private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*");

	/** "5.15.0-83-generic" -> 5.15.0; empty when the text does not start with MAJOR.MINOR. */
	public static Optional<KernelRelease> parse(String text) {
		Matcher m = VERSION.matcher(text.trim().replaceFirst("^v", ""));
		if (!m.matches()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new KernelRelease(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
					m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
		} catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	public boolean before(int maj, int min) {
		return major < maj || (major == maj && minor < min);
	}

	public boolean is(int maj, int min) {
		return major == maj && minor == min;
	}

	@Override
	public String toString() {
		return major + "." + minor + (patch == 0 ? "" : "." + patch);
	}
}
