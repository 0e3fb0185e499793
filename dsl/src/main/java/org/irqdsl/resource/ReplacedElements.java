package org.irqdsl.resource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a resource's model changed by parsing since a mark: either only by elements that a partial
 * re-parse replaced and that were linked alone (the places around them unchanged, see
 * {@code IrqDslLinker#linkReplaced}), named by their URI fragments; or as a whole (a full parse, a
 * whole link, an unload). The language server's index uses it to update a file's entry from the
 * previous one instead of computing it whole ({@link DescriptionSnapshots}).
 */
public final class ReplacedElements {

	private record Change(long mark, String fragment) {
	}

	private long mark;
	private long lastWholeChange;
	private final List<Change> changes = new ArrayList<>();

	/** The current mark: a later {@link #since} call answers for what happened after it. */
	public synchronized long mark() {
		return mark;
	}

	synchronized void replaced(String fragment) {
		mark++;
		changes.add(new Change(mark, fragment));
	}

	synchronized void wholeChange() {
		mark++;
		lastWholeChange = mark;
		changes.clear();
	}

	/**
	 * The fragments of the elements replaced since the mark, none below another; empty when the
	 * model changed as a whole since then.
	 */
	public synchronized Optional<Set<String>> since(long earlier) {
		if (lastWholeChange > earlier || earlier > mark) {
			return Optional.empty();
		}
		Set<String> fragments = new LinkedHashSet<>();
		for (Change change : changes) {
			if (change.mark() > earlier) {
				fragments.add(change.fragment());
			}
		}
		fragments.removeIf(f -> fragments.stream().anyMatch(other -> !other.equals(f) && isWithin(f, other)));
		return Optional.of(fragments);
	}

	/** Whether the object of {@code fragment} is the object of {@code element} or inside it. */
	public static boolean isWithin(String fragment, String element) {
		return fragment.equals(element) || fragment.startsWith(element) && fragment.charAt(element.length()) == '/';
	}
}
