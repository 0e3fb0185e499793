package org.irqdsl.runtime.sim.explore;

/**
 * Open-addressing hash set of full states (no fingerprint collisions: a hit compares every word).
 * A slot holds the state's 32-bit hash and its store index + 1, so most misses never touch the store.
 */
final class VisitedSet {

	private final StateStore store;
	private long[] slots = new long[1 << 16];
	private int mask = slots.length - 1;
	private int size;

	VisitedSet(StateStore store) {
		this.store = store;
	}

	/** The store index of {@code state}, adding it (with parent and step) when new; returns -(index + 1) when it was new. */
	int findOrAdd(long[] state, int parent, int step) {
		int hash = hash(state);
		int i = hash & mask;
		while (true) {
			long slot = slots[i];
			if (slot == 0) {
				int index = store.add(state, parent, step);
				slots[i] = ((long) hash << 32) | ((index + 1) & 0xffffffffL);
				if (++size * 2 > slots.length) {
					grow();
				}
				return -(index + 1);
			}
			if ((int) (slot >>> 32) == hash) {
				int index = (int) (slot & 0xffffffffL) - 1;
				if (store.equalsState(index, state)) {
					return index;
				}
			}
			i = (i + 1) & mask;
		}
	}

	int size() {
		return size;
	}

	/** Bytes of table per stored state at the current load. */
	double bytesPerState() {
		return size == 0 ? 0 : (double) slots.length * Long.BYTES / size;
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
