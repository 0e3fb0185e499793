package org.irqdsl.runtime.sim.explore;

/**
 * Open-addressing hash set of full states (no fingerprint collisions: a hit compares every word).
 * A slot holds the state's 32-bit hash and its store index + 1, so most misses never touch the store.
 */
final class VisitedSet {

	/**
	 * A direct-mapped cache (by hash) of the states added or found last: in a breadth-first search
	 * most states found again were added a few hundred states before (the two orders of two
	 * independent steps), while the stored state is still in the processor's cache. A hit is
	 * compared word by word like any other; a miss falls through to the table. 64 KiB.
	 */
	private static final int RECENT_BITS = 13;
	private static final int RECENT_MASK = (1 << RECENT_BITS) - 1;

	private final StateStore store;
	private final long[] recent = new long[1 << RECENT_BITS];
	private long[] slots = new long[1 << 10];
	private int mask = slots.length - 1;
	private int size;

	VisitedSet(StateStore store) {
		this.store = store;
	}

	/** Touches what {@link #findOrAdd} will read for a state of this hash (see {@link #prefetch}). */
	private long sink;

	/** The store index of {@code state}, adding it (with parent and step) when new; returns -(index + 1) when it was new. */
	int findOrAdd(long[] state, int parent, int step) {
		return findOrAdd(state, hash(state), parent, step);
	}

	/**
	 * Reads the table slot (and, on a tag match, the stored state) a lookup of {@code hash} starts
	 * with. Called for every successor of a state before any of them is looked up, so that their
	 * cache misses, independent of each other, overlap instead of following one another: Java has
	 * no prefetch instruction, but an out-of-order core issues independent loads together.
	 */
	void prefetch(int hash) {
		long recent = this.recent[hash & RECENT_MASK];
		if (recent != 0 && (int) (recent >>> 32) == hash) {
			return; // most likely a state found again soon after it was added: no table access needed
		}
		long slot = slots[hash & mask];
		if (slot != 0 && (int) (slot >>> 32) == hash) {
			slot += store.firstWord((int) (slot & 0xffffffffL) - 1);
		}
		sink += slot;
	}

	/** {@link #findOrAdd(long[], int, int)} with the state's {@link #hash} already known. */
	int findOrAdd(long[] state, int hash, int parent, int step) {
		int r = hash & RECENT_MASK;
		long hint = recent[r];
		if (hint != 0 && (int) (hint >>> 32) == hash) {
			int index = (int) (hint & 0xffffffffL) - 1;
			if (store.equalsState(index, state)) {
				return index;
			}
		}
		int i = hash & mask;
		while (true) {
			long slot = slots[i];
			if (slot == 0) {
				int index = store.add(state, parent, step);
				slots[i] = ((long) hash << 32) | ((index + 1) & 0xffffffffL);
				recent[r] = slots[i];
				if (++size * 2 > slots.length) {
					grow();
				}
				return -(index + 1);
			}
			if ((int) (slot >>> 32) == hash) {
				int index = (int) (slot & 0xffffffffL) - 1;
				if (store.equalsState(index, state)) {
					recent[r] = slot;
					return index;
				}
			}
			i = (i + 1) & mask;
		}
	}

	int size() {
		return size;
	}

	/** Keeps the prefetch loads alive (the JIT drops loads whose value nobody uses). */
	long sink() {
		return sink;
	}

	/** Bytes of table per stored state at the current load. */
	double bytesPerState() {
		return size == 0 ? 0 : (double) (mask + 1) * Long.BYTES / size;
	}

	/** Bytes of the table and the cache. */
	long allocatedBytes() {
		return (long) ((slots == null ? 0 : slots.length) + recent.length) * Long.BYTES;
	}

	/**
	 * Bytes that adding {@code extra} more states may allocate: the doubled table when they would
	 * take the load past ½ (while it is filled the old table is still live), 0 otherwise.
	 */
	long bytesToAdd(int extra) {
		return ((long) size + extra) * 2 > slots.length ? (long) slots.length * 2 * Long.BYTES : 0;
	}

	/** Drops the table (after the heap ran out). */
	void release() {
		slots = null;
	}

	private void grow() {
		long[] old = slots;
		slots = new long[old.length * 2];
		mask = slots.length - 1;
		for (long slot : old) {
			if (slot != 0) {
				int i = (int) (slot >>> 32) & mask;
				while (slots[i] != 0) {
					i = (i + 1) & mask;
				}
				slots[i] = slot;
			}
		}
	}

	static int hash(long[] state) {
		long h = 0x9E3779B97F4A7C15L;
		for (long w : state) {
			h = (h ^ w) * 0xff51afd7ed558ccdL;
			h ^= h >>> 29;
		}
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return (int) h;
	}
}
