package org.irqdsl.ide.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

import com.google.inject.Singleton;

/**
 * The edits of each open document since its last build, as offsets into the text they apply to,
 * and the document's text after them: what lets {@link IncrementalReparseBuilder} re-parse only
 * the edited part of a kept resource instead of the whole text. A change without a range (the
 * whole text replaced) leaves no edits: that build parses the text anew.
 */
@Singleton
public class PendingEdits {

	/** Replace {@code length} characters at {@code offset} by {@code text}. */
	public record Edit(int offset, int length, String text) {
	}

	/** The edits in order (empty when one replaced the whole text), and the text they lead to. */
	public record Pending(List<Edit> edits, String text) {
	}

	private final Map<URI, Pending> pending = new HashMap<>();

	/**
	 * Records a {@code didChange}: {@code changes} (clamped, each applying to the text the previous
	 * leave) turned {@code before} into {@code after}, the document's text now.
	 */
	public synchronized void changed(URI uri, String before, List<TextDocumentContentChangeEvent> changes, String after) {
		Pending previous = pending.get(uri);
		List<Edit> edits = previous == null ? new ArrayList<>() : new ArrayList<>(previous.edits());
		boolean whole = previous != null && previous.edits().isEmpty();
		String current = before;
		for (TextDocumentContentChangeEvent change : changes) {
			String inserted = change.getText() == null ? "" : change.getText();
			if (change.getRange() == null) {
				whole = true;
				current = inserted;
				continue;
			}
			int start = ContentChanges.offset(current, change.getRange().getStart());
			int end = ContentChanges.offset(current, change.getRange().getEnd());
			edits.add(new Edit(start, end - start, inserted));
			current = current.substring(0, start) + inserted + current.substring(end);
		}
		pending.put(uri, new Pending(whole ? List.of() : List.copyOf(edits), after));
	}

	/** The edits since the last build of {@code uri}, forgotten as they are handed out. */
	public synchronized Optional<Pending> take(URI uri) {
		return Optional.ofNullable(pending.remove(uri));
	}
}
