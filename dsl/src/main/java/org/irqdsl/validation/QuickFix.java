package org.irqdsl.validation;

import java.util.List;

/**
 * A fix a check offers for one of its findings: a label for the user and the text edits that
 * apply it (offsets into the file as it was validated). Editors (LSP code actions, Eclipse marker
 * resolutions) apply them as they are.
 */
public record QuickFix(String label, List<Edit> edits) {

	/** Replace {@code length} characters at {@code offset} with {@code text} (length 0 inserts). */
	public record Edit(int offset, int length, String text) {
	}

	public static QuickFix replace(String label, int offset, int length, String text) {
		return new QuickFix(label, List.of(new Edit(offset, length, text)));
	}

	public static QuickFix insert(String label, int offset, String text) {
		return new QuickFix(label, List.of(new Edit(offset, 0, text)));
	}
}
