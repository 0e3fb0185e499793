package org.irqdsl.ide.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.common.util.URI;

import com.google.inject.Singleton;

/**
 * The edits of each open document since its last build, as offsets into the text they apply to,
 * and the document's text after them: what lets {@link IncrementalReparseBuilder} re-parse only
 * the edited part of a kept resource instead of the whole text. A change without a range (the
 * whole text replaced) leaves no edits: that build parses the text anew. The offsets are the ones
 * {@link ContentChanges} computed when it clamped the change.
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
	 * Records a {@code didChange}: its {@code edits} ({@link ContentChanges.Clamped#edits()}, empty
	 * for a whole-text change) left the document with the text {@code after}.
	 */
	public synchronized void changed(URI uri, List<Edit> edits, String after) {
		Pending previous = pending.get(uri);
		boolean whole = edits.isEmpty() || previous != null && previous.edits().isEmpty();
		List<Edit> all = new ArrayList<>(previous == null ? List.of() : previous.edits());
		all.addAll(edits);
		pending.put(uri, new Pending(whole ? List.of() : List.copyOf(all), after));
	}

	/** The edits since the last build of {@code uri}, forgotten as they are handed out. */
	public synchronized Optional<Pending> take(URI uri) {
		return Optional.ofNullable(pending.remove(uri));
	}
}
