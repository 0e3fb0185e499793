package org.irqdsl.importer;

/**
 * Where a fact comes from: an input (by its label: {@code lspci}, {@code interrupts},
 * {@code dmesg}, or {@code cli} for an option) and a 1-based line number (0 when the fact is not
 * tied to one line).
 */
public record SourceRef(String input, int line) {

	/** A fact given on the command line (--kernel). */
	public static SourceRef commandLine() {
		return new SourceRef("command line", 0);
	}

	@Override
	public String toString() {
		return line > 0 ? input + ":" + line : input;
	}
}
