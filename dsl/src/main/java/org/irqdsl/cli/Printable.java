package org.irqdsl.cli;

import java.io.PrintWriter;

/**
 * Makes text from a user's files safe to print on a terminal: control characters (ESC, VT, FF,
 * NUL, CR, DEL, the C1 controls such as NEL), the line and paragraph separators and the bidi
 * controls (such as RLO, U+202E, the "Trojan Source" trick) are shown as escapes ({@code \x1b},
 * {@code \u202e}) instead of being sent raw, where they could move the cursor, recolour the
 * terminal, hide text or reorder a line.
 */
final class Printable {

	private Printable() {
	}

	/** One line: every unsafe character escaped, line breaks included. */
	static String line(String text) {
		return escape(text, false);
	}

	/** Several lines: as {@link #line} but '\n' kept, so a multi-line message keeps its layout. */
	static String lines(String text) {
		return escape(text, true);
	}

	/**
	 * A JSON document whose unsafe characters are written as JSON escapes ({@code \u001b}). JSON puts
	 * a character outside the ASCII range or a control character only inside a string, where the
	 * escape means the same character: the document stays valid and reads back the same.
	 */
	static String json(String json) {
		StringBuilder sb = null;
		for (int i = 0; i < json.length();) {
			int cp = json.codePointAt(i);
			int next = i + Character.charCount(cp);
			if (cp != '\n' && cp != '\t' && unsafe(cp)) {
				if (sb == null) {
					sb = new StringBuilder(json.length() + 16).append(json, 0, i);
				}
				for (char c : Character.toChars(cp)) {
					sb.append(String.format("\\u%04x", (int) c));
				}
			} else if (sb != null) {
				sb.appendCodePoint(cp);
			}
			i = next;
		}
		return sb == null ? json : sb.toString();
	}

	/** A writer that escapes everything printed through it (as {@link #lines}); println's line end is kept. */
	static PrintWriter writer(PrintWriter out) {
		return new PrintWriter(out) {
			@Override
			public void write(String s, int off, int len) {
				String safe = lines(s.substring(off, off + len));
				super.write(safe, 0, safe.length());
			}

			@Override
			public void write(char[] buf, int off, int len) {
				write(new String(buf, off, len), 0, len);
			}

			@Override
			public void write(int c) {
				write(String.valueOf((char) c), 0, 1);
			}
		};
	}

	private static String escape(String text, boolean keepNewlines) {
		StringBuilder sb = null;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			int next = i + Character.charCount(cp);
			boolean keep = cp == '\t' || (keepNewlines && cp == '\n') || !unsafe(cp);
			if (!keep) {
				if (sb == null) {
					sb = new StringBuilder(text.length() + 16).append(text, 0, i);
				}
				sb.append(cp < 0x100 ? String.format("\\x%02x", cp)
						: cp <= 0xffff ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp));
			} else if (sb != null) {
				sb.appendCodePoint(cp);
			}
			i = next;
		}
		return sb == null ? text : sb.toString();
	}

	/**
	 * Control characters (C0, DEL, C1), the line and paragraph separators, and the invisible format
	 * characters (bidi controls, zero-width spaces, tag characters) except the zero-width
	 * (non-)joiners that some scripts and emoji need.
	 */
	private static boolean unsafe(int cp) {
		int type = Character.getType(cp);
		return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
				|| (type == Character.FORMAT && cp != 0x200c && cp != 0x200d);
	}
}
