package org.irqdsl.ide.server;

import java.util.List;
import java.util.Random;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Random edits of a text as a user makes them, for the tests of the partial re-parse. */
final class RandomEdits {

	private static final Pattern TOKEN = Pattern.compile("0x[0-9a-fA-F]+|\\d+|[A-Za-z_][A-Za-z0-9_]*");

	private RandomEdits() {
	}

	/** One edit: a number or a name changed, a line deleted, duplicated or commented out, a blank or a token inserted. */
	static PendingEdits.Edit next(String text, Random random) {
		int at = text.isEmpty() ? 0 : random.nextInt(text.length());
		int lineStart = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
		int lineEnd = text.indexOf('\n', at);
		lineEnd = lineEnd < 0 ? text.length() : lineEnd + 1;
		Matcher token = TOKEN.matcher(text);
		boolean found = token.find(at);
		switch (random.nextInt(8)) {
		case 0, 1:
			if (found && Character.isDigit(text.charAt(token.start()))) { // a number: another one
				String number = token.group();
				String other = number.startsWith("0x") ? "0x" + Integer.toHexString(random.nextInt(256)) : String.valueOf(random.nextInt(9));
				return new PendingEdits.Edit(token.start(), number.length(), other);
			}
			return new PendingEdits.Edit(lineStart, 0, "    // a note\n");
		case 2:
			if (found) { // a name or keyword: another word of the text
				List<String> words = TOKEN.matcher(text).results().map(MatchResult::group).filter(w -> !Character.isDigit(w.charAt(0))).toList();
				return new PendingEdits.Edit(token.start(), token.group().length(), words.get(random.nextInt(words.size())));
			}
			return new PendingEdits.Edit(at, 0, " ");
		case 3:
			return new PendingEdits.Edit(lineStart, lineEnd - lineStart, ""); // delete the line
		case 4:
			return new PendingEdits.Edit(lineStart, 0, text.substring(lineStart, lineEnd)); // duplicate it
		case 5:
			return new PendingEdits.Edit(lineStart, 0, "// "); // comment it out
		case 6:
			return new PendingEdits.Edit(at, 0, random.nextBoolean() ? "\n" : "  ");
		default:
			String[] tokens = { "maskable", "msi", "count 4", "}", "{", "cpu 1", "nosuch", "," };
			return new PendingEdits.Edit(at, 0, " " + tokens[random.nextInt(tokens.length)] + " ");
		}
	}

	/** {@code text} with {@code edit} applied. */
	static String apply(String text, PendingEdits.Edit edit) {
		return text.substring(0, edit.offset()) + edit.text() + text.substring(edit.offset() + edit.length());
	}
}
