package org.irqdsl.importer;

import java.util.Locale;

/** Small text helpers shared by the parsers and the writer. */
final class Texts {

	private static final int EXCERPT = 80;

	private Texts() {
	}

	/** A line shortened for a message, with control characters shown as '?'. */
	static String excerpt(String text) {
		if (text == null) {
			return null;
		}
		String clean = printable(text.strip());
		return clean.length() > EXCERPT ? clean.substring(0, EXCERPT - 3) + "..." : clean;
	}

	/** Text safe inside a {@code //} comment or a message: no line breaks, no control characters. */
	static String printable(String text) {
		StringBuilder b = new StringBuilder(text.length());
		text.codePoints().forEach(c -> b.appendCodePoint(c == '\t' ? ' ' : Character.isISOControl(c) || c == 0xFFFD ? '?' : c));
		return b.toString();
	}

	/**
	 * An identifier for the grammar's ID terminal ({@code [A-Za-z_][A-Za-z0-9_]*}) made from free
	 * text: lower case, runs of other characters become one '_', at most {@code max} characters.
	 */
	static String identifier(String text, int max) {
		StringBuilder b = new StringBuilder();
		for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
			boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
			if (ok) {
				b.append(c);
			} else if (b.length() > 0 && b.charAt(b.length() - 1) != '_') {
				b.append('_');
			}
			if (b.length() >= max) {
				break;
			}
		}
		while (b.length() > 0 && b.charAt(b.length() - 1) == '_') {
			b.setLength(b.length() - 1);
		}
		return b.toString();
	}

	static String plural(long n, String word) {
		return n + " " + word + (n == 1 ? "" : "s");
	}
}
