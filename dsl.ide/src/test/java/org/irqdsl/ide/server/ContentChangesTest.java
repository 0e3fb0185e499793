package org.irqdsl.ide.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.xtext.ide.server.Document;
import org.junit.jupiter.api.Test;

/** Edits clamped as LSP says, then applied by Xtext's Document (which throws on an unclamped one). */
class ContentChangesTest {

	private static TextDocumentContentChangeEvent edit(int line1, int char1, int line2, int char2, String text) {
		return new TextDocumentContentChangeEvent(new Range(new Position(line1, char1), new Position(line2, char2)), text);
	}

	private static String apply(String text, TextDocumentContentChangeEvent... changes) {
		return new Document(1, text).applyTextDocumentChanges(ContentChanges.clamped(text, List.of(changes)).changes()).getContents();
	}

	@Test
	void aCharacterPastTheLineEndsAtTheLine() {
		assertThat(apply("platform zz { cpus 1 }", edit(0, 100, 0, 100, " x"))).isEqualTo("platform zz { cpus 1 } x");
		assertThat(apply("ab\ncd\n", edit(0, 7, 0, 9, "!"))).isEqualTo("ab!\ncd\n");
	}

	@Test
	void aLineEndsBeforeItsCarriageReturn() {
		assertThat(apply("ab\r\ncd", edit(0, 50, 0, 50, "!"))).isEqualTo("ab!\r\ncd");
	}

	@Test
	void aLinePastTheEndIsTheEndOfTheDocument() {
		assertThat(apply("ab\ncd", edit(9, 0, 9, 4, "!"))).isEqualTo("ab\ncd!");
		assertThat(apply("ab\ncd\n", edit(1, 1, 40, 0, ""))).isEqualTo("ab\nc");
	}

	@Test
	void negativeValuesAreZero() {
		assertThat(apply("ab\ncd", edit(-1, -5, 0, -1, "!"))).isEqualTo("!ab\ncd");
	}

	@Test
	void aRangeEndingBeforeItStartsCoversTheSameText() {
		assertThat(apply("abcdef", edit(0, 4, 0, 1, ""))).isEqualTo("aef");
	}

	@Test
	void eachChangeIsClampedToTheTextThePreviousOnesLeave() {
		// after the first change the text has two lines; the second change's 1:99 is the end of "yy"
		assertThat(apply("zz", edit(0, 9, 0, 9, "\nyy"), edit(1, 99, 1, 99, "!"))).isEqualTo("zz\nyy!");
	}

	@Test
	void positionsInsideTheTextAndFullReplacementsAreKept() {
		TextDocumentContentChangeEvent inside = edit(0, 1, 0, 2, "X");
		TextDocumentContentChangeEvent whole = new TextDocumentContentChangeEvent("new text");
		List<TextDocumentContentChangeEvent> clamped = ContentChanges.clamped("abc", List.of(inside, whole)).changes();
		assertThat(clamped.get(0).getRange()).isEqualTo(inside.getRange());
		assertThat(clamped.get(1)).isSameAs(whole);
	}

	@Test
	void theClampedChangesAreAlsoOffsetEditsOfTheTextEachAppliesTo() {
		ContentChanges.Clamped two = ContentChanges.clamped("ab\ncd", List.of(edit(1, 0, 1, 9, "X"), edit(0, 0, 0, 1, "")));
		assertThat(two.edits()).containsExactly(new PendingEdits.Edit(3, 2, "X"), new PendingEdits.Edit(0, 1, ""));
		assertThat(ContentChanges.clamped("abc", List.of(edit(0, 0, 0, 1, "x"), new TextDocumentContentChangeEvent("new"))).edits())
				.as("a whole-text change: no edits").isEmpty();
	}
}
