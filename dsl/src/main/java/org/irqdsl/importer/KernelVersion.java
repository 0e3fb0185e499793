package org.irqdsl.importer;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Linux kernel version, major.minor.patch, as {@code Linux version 6.12.0-...} or {@code uname -r} print it. */
public record KernelVersion(int major, int minor, int patch) implements Comparable<KernelVersion> {

	private static final Pattern FORM = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})(?:\\.(\\d{1,4}))?");

	/** x86 msi_set_affinity() two-step update: commit 6f1a4891a592, merged for v5.6. */
	public static final KernelVersion X86_TWO_STEP = new KernelVersion(5, 6, 0);
	/** RISC-V IMSIC: the tmp-vector move with a pending check on the old CPU, merged for v6.15. */
	public static final KernelVersion IMSIC_TWO_STEP = new KernelVersion(6, 15, 0);

	/** The version at the start of {@code text} ("6.12.0-rc1+" gives 6.12.0). */
	public static Optional<KernelVersion> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher m = FORM.matcher(text.strip());
		if (!m.lookingAt()) {
			return Optional.empty();
		}
		int major = Integer.parseInt(m.group(1));
		if (major < 2 || major > 99) {
			return Optional.empty();
		}
		return Optional.of(new KernelVersion(major, Integer.parseInt(m.group(2)),
				m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
	}

	public boolean atLeast(KernelVersion other) {
		return compareTo(other) >= 0;
	}

	@Override
	public int compareTo(KernelVersion o) {
		int c = Integer.compare(major, o.major);
		if (c == 0) {
			c = Integer.compare(minor, o.minor);
		}
		return c != 0 ? c : Integer.compare(patch, o.patch);
	}

	/** "v5.6" for the boundaries quoted in comments. */
	public String shortName() {
		return "v" + major + "." + minor;
	}

	@Override
	public String toString() {
		return major + "." + minor + "." + patch;
	}
}
