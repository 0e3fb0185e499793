package org.irqdsl.runtime.sim.explore;

/**
 * Every visited state, in the order found (so the store is also the BFS queue), with the state it
 * was reached from and the step taken. Chunked, so growing never copies what is stored.
 */
final class StateStore {

	private static final int CHUNK_BITS = 16;
	private static final int CHUNK = 1 << CHUNK_BITS;

	private final int words;
	private long[][] states = new long[16][];
	private int[][] parents = new int[16][];
	private int[][] steps = new int[16][];
	private int size;

	StateStore(int words) {
		this.words = words;
	}

	int size() {
		return size;
	}

	int words() {
		return words;
	}

	int add(long[] state, int parent, int step) {
		int chunk = size >>> CHUNK_BITS;
		if (chunk == states.length) {
			states = java.util.Arrays.copyOf(states, chunk * 2);
			parents = java.util.Arrays.copyOf(parents, chunk * 2);
			steps = java.util.Arrays.copyOf(steps, chunk * 2);
		}
		if (states[chunk] == null) {
			states[chunk] = new long[CHUNK * words];
			parents[chunk] = new int[CHUNK];
			steps[chunk] = new int[CHUNK];
		}
		int slot = size & (CHUNK - 1);
		System.arraycopy(state, 0, states[chunk], slot * words, words);
		parents[chunk][slot] = parent;
		steps[chunk][slot] = step;
		return size++;
	}

	void load(int index, long[] into) {
		System.arraycopy(states[index >>> CHUNK_BITS], (index & (CHUNK - 1)) * words, into, 0, words);
	}

	boolean equalsState(int index, long[] state) {
		long[] chunk = states[index >>> CHUNK_BITS];
		int base = (index & (CHUNK - 1)) * words;
		for (int i = 0; i < words; i++) {
			if (chunk[base + i] != state[i]) {
				return false;
			}
		}
		return true;
	}

	/** The first word of a stored state (for {@link VisitedSet#prefetch}). */
	long firstWord(int index) {
		return states[index >>> CHUNK_BITS][(index & (CHUNK - 1)) * words];
	}

	int parent(int index) {
		return parents[index >>> CHUNK_BITS][index & (CHUNK - 1)];
	}

	int step(int index) {
		return steps[index >>> CHUNK_BITS][index & (CHUNK - 1)];
	}

	/** Bytes per stored state: the state words plus parent and step. */
	int bytesPerState() {
		return words * Long.BYTES + 2 * Integer.BYTES;
	}
}
