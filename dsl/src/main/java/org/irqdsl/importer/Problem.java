package org.irqdsl.importer;

/**
 * Something an input did not let the importer see or understand, tied to its source line:
 * <ul>
 * <li>{@code unparseable}: a line of a known shape that does not parse (a mangled MSI capability,
 * text outside any lspci record, an /proc/interrupts row without a number);</li>
 * <li>{@code warning}: a tool's warning found in the dump (pcilib's, spliced into lspci's output);</li>
 * <li>{@code not-visible}: a fact the input hides (lspci without root prints
 * {@code Capabilities: <access denied>});</li>
 * <li>{@code skipped}: a large share of an input's lines is not of its kind (one summary, at the
 * first such line);</li>
 * <li>{@code contradiction}: the firmware and a dump of the same machine disagree (DMAR supports
 * interrupt remapping, the kernel log says it is off).</li>
 * </ul>
 */
public record Problem(SourceRef at, Kind kind, String message, String text) {

	public enum Kind {
		UNPARSEABLE("unparseable"), WARNING("warning"), NOT_VISIBLE("not-visible"), SKIPPED("skipped"), CONTRADICTION("contradiction");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public static Problem unparseable(SourceRef at, String message, String text) {
		return new Problem(at, Kind.UNPARSEABLE, message, Texts.excerpt(text));
	}

	public static Problem warning(SourceRef at, String message, String text) {
		return new Problem(at, Kind.WARNING, message, Texts.excerpt(text));
	}

	public static Problem notVisible(SourceRef at, String message) {
		return new Problem(at, Kind.NOT_VISIBLE, message, null);
	}

	public static Problem skipped(SourceRef at, String message, String text) {
		return new Problem(at, Kind.SKIPPED, message, Texts.excerpt(text));
	}

	public static Problem contradiction(SourceRef at, String message) {
		return new Problem(at, Kind.CONTRADICTION, message, null);
	}

	/** {@code lspci:12: unparseable: message: "text"}. */
	public String toText() {
		return at + ": " + kind.label() + ": " + message + (text == null || text.isEmpty() ? "" : ": \"" + text + "\"");
	}
}
