package org.irqdsl.runtime.sim.explore;

import java.util.Arrays;

/**
 * Every visited state, in the order found (so the store is also the BFS queue), with the state it
 * was reached from and the step taken. Chunked, so growing never copies what is stored; a chunk
 * holds a power of two of states sized to about {@link #CHUNK_TARGET_BYTES} (at most 65,536
 * states), so that wide states do not pre-allocate tens of megabytes at once and the memory bound
 * is met to within a megabyte.
 */
final class StateStore {

	static final int CHUNK_TARGET_BYTES = 1 << 20;
	private static final int MIN_CHUNK_BITS = 8;
	private static final int MAX_CHUNK_BITS = 16;

	private final int words;
	private final int chunkBits;
	private final int chunkMask;
	private long[][] states = new long[16][];
	private int[][] parents = new int[16][];
	private int[][] steps = new int[16][];
	private int chunks;
	private int size;

	StateStore(int words) {
		this.words = words;
		this.chunkBits = chunkBits(words);
		this.chunkMask = (1 << chunkBits) - 1;
	}

	/** log2 of the states a chunk holds: the largest power of two within the target bytes, clamped. */
	static int chunkBits(int words) {
		int perState = words * Long.BYTES + 2 * Integer.BYTES;
		int bits = 31 - Integer.numberOfLeadingZeros(Math.max(1, CHUNK_TARGET_BYTES / perState));
		return Math.max(MIN_CHUNK_BITS, Math.min(MAX_CHUNK_BITS, bits));
	}

	int size() {
		return size;
	}

	int words() {
		return words;
	}

	int add(long[] state, int parent, int step) {
		int chunk = size >>> chunkBits;
		if (chunk == states.length) {
			states = Arrays.copyOf(states, chunk * 2);
			parents = Arrays.copyOf(parents, chunk * 2);
			steps = Arrays.copyOf(steps, chunk * 2);
		}
		if (states[chunk] == null) {
			states[chunk] = new long[(chunkMask + 1) * words];
			parents[chunk] = new int[chunkMask + 1];
			steps[chunk] = new int[chunkMask + 1];
			chunks++;
		}
		int slot = size & chunkMask;
		System.arraycopy(state, 0, states[chunk], slot * words, words);
		parents[chunk][slot] = parent;
		steps[chunk][slot] = step;
		return size++;
	}

	void load(int index, long[] into) {
		System.arraycopy(states[index >>> chunkBits], (index & chunkMask) * words, into, 0, words);
	}

	boolean equalsState(int index, long[] state) {
		long[] chunk = states[index >>> chunkBits];
		int base = (index & chunkMask) * words;
		for (int i = 0; i < words; i++) {
			if (chunk[base + i] != state[i]) {
				return false;
			}
		}
		return true;
	}

	/** The first word of a stored state (for {@link VisitedSet#prefetch}). */
	long firstWord(int index) {
		return states[index >>> chunkBits][(index & chunkMask) * words];
	}

	int parent(int index) {
		return parents[index >>> chunkBits][index & chunkMask];
	}

	int step(int index) {
		return steps[index >>> chunkBits][index & chunkMask];
	}

	/** Bytes per stored state: the state words plus parent and step. */
	int bytesPerState() {
		return words * Long.BYTES + 2 * Integer.BYTES;
	}

	/** Bytes of the chunks allocated so far (the states in them and their parents and steps). */
	long allocatedBytes() {
		return (long) chunks * chunkBytes();
	}

	/** Bytes {@link #add}ing {@code extra} more states would allocate: whole chunks, 0 when they fit. */
	long bytesToAdd(int extra) {
		long needed = ((long) size + extra + chunkMask) >>> chunkBits;
		return Math.max(0, needed - chunks) * chunkBytes();
	}

	private long chunkBytes() {
		return (long) (chunkMask + 1) * bytesPerState();
	}

	/** Drops every chunk (after the heap ran out: the states are of no more use). */
	void release() {
		states = null;
		parents = null;
		steps = null;
		chunks = 0;
	}
}
