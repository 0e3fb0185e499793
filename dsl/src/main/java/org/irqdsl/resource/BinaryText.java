package org.irqdsl.resource;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A text with a NUL character is binary data, not an .irqdsl file: it gets one error at the first
 * NUL instead of syntax errors about what the parser made of the bytes. The command line refuses
 * such a file before parsing it, the editors get the error from the resource; the message is this
 * one in both.
 *
 * @param line   1-based, counting line breaks as the node model and LSP do (LF, CR LF, a lone CR)
 * @param column 1-based, in UTF-16 code units, like every other column of a diagnostic
 * @param offset the character offset of the NUL
 */
public record BinaryText(int line, int column, int offset, String message) {

	/** The first NUL of {@code text}, if any. */
	public static Optional<BinaryText> find(String text) {
		int nul = text.indexOf('\0');
		if (nul < 0) {
			return Optional.empty();
		}
		int line = 1;
		int lineStart = 0;
		for (int i = 0; i < nul; i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r' && text.charAt(i + 1) != '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		int column = nul - lineStart + 1;
		int bytes = text.substring(0, nul).getBytes(StandardCharsets.UTF_8).length;
		return Optional.of(new BinaryText(line, column, nul, String.format(
				"binary file: NUL byte at line %d, column %d (offset %d); expected a UTF-8 text file", line, column, bytes)));
	}
}
