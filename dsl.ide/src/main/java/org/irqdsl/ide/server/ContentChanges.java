package org.irqdsl.ide.server;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * The edits of a {@code didChange} with their positions clamped to the text, as the LSP
 * specification says of a Position: "If the character value is greater than the line length it
 * defaults back to the line length." A line past the last one stands for the end of the document;
 * negative values for 0. Xtext's {@code Document} instead throws on such a position and drops the
 * whole notification, after which the editor and the server hold different texts.
 */
final class ContentChanges {

	private ContentChanges() {
	}

	/**
	 * The changes of one {@code didChange}, clamped, and the same as offset edits of the text each
	 * applies to — empty when one replaced the whole text ({@link PendingEdits}).
	 */
	record Clamped(List<TextDocumentContentChangeEvent> changes, List<PendingEdits.Edit> edits) {
	}

	/**
	 * {@code changes} with clamped ranges. Each change applies to the text the previous ones leave,
	 * so they are clamped, and applied to a copy of {@code text}, in order.
	 */
	static Clamped clamped(String text, List<TextDocumentContentChangeEvent> changes) {
		List<TextDocumentContentChangeEvent> result = new ArrayList<>(changes.size());
		List<PendingEdits.Edit> edits = new ArrayList<>(changes.size());
		boolean whole = false;
		String current = text;
		for (TextDocumentContentChangeEvent change : changes) {
			if (change.getRange() == null || change.getRange().getStart() == null || change.getRange().getEnd() == null) {
				result.add(change);
				current = change.getText() == null ? current : change.getText();
				whole = true;
				continue;
			}
			int start = offset(current, change.getRange().getStart());
			int end = offset(current, change.getRange().getEnd());
			if (end < start) {
				int swap = start;
				start = end;
				end = swap;
			}
			String inserted = change.getText() == null ? "" : change.getText();
			result.add(new TextDocumentContentChangeEvent(new Range(position(current, start), position(current, end)), inserted));
			edits.add(new PendingEdits.Edit(start, end - start, inserted));
			current = current.substring(0, start) + inserted + current.substring(end);
		}
		return new Clamped(result, whole ? List.of() : List.copyOf(edits));
	}

	/** The offset of the clamped position; a line ends before its "\n" or "\r\n". */
	static int offset(String text, Position position) {
		int lineStart = 0;
		for (int line = 0; line < position.getLine(); line++) {
			int newline = text.indexOf('\n', lineStart);
			if (newline < 0) {
				return text.length();
			}
			lineStart = newline + 1;
		}
		int newline = text.indexOf('\n', lineStart);
		int lineEnd = newline < 0 ? text.length() : newline > lineStart && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
		return lineStart + Math.max(0, Math.min(position.getCharacter(), lineEnd - lineStart));
	}

	/** The position of an offset, counted the way Xtext's {@code Document} counts: lines end at "\n". */
	static Position position(String text, int offset) {
		int line = 0;
		int lineStart = 0;
		for (int newline = text.indexOf('\n'); newline >= 0 && newline < offset; newline = text.indexOf('\n', newline + 1)) {
			line++;
			lineStart = newline + 1;
		}
		return new Position(line, offset - lineStart);
	}
}
