package org.irqdsl.runtime.sim.model;

/**
 * Packs fixed-width unsigned fields into a {@code long[]}, none straddling two words. A field is an
 * int handle: word index (16 bits), shift (8 bits), width (8 bits, at most 63). Each field goes to
 * the first word with room for it (first fit), so that a wide field (a CPU's IRR) does not leave
 * the rest of its word empty: a state takes close to its bits / 64 words.
 */
final class BitFields {

	/** Bits used in each word so far. */
	private int[] used = new int[8];
	private int words;

	/** Reserves a field of {@code width} bits; width 0 gives a field that always reads 0. */
	int add(int width) {
		if (width < 0 || width > 63) {
			throw new IllegalArgumentException("field width " + width);
		}
		if (width == 0) {
			return 0;
		}
		int word = 0;
		while (word < words && used[word] + width > 64) {
			word++;
		}
		if (word == words) {
			if (words == used.length) {
				used = java.util.Arrays.copyOf(used, words * 2);
			}
			words++;
		}
		int handle = (word << 16) | (used[word] << 8) | width;
		used[word] += width;
		return handle;
	}

	/** Number of longs a state needs. */
	int words() {
		return words;
	}

	static long get(long[] w, int f) {
		return (w[f >>> 16] >>> ((f >>> 8) & 0xff)) & ((1L << (f & 0xff)) - 1);
	}

	static void set(long[] w, int f, long v) {
		int width = f & 0xff;
		if (width == 0) {
			return;
		}
		int i = f >>> 16;
		int shift = (f >>> 8) & 0xff;
		long mask = ((1L << width) - 1) << shift;
		w[i] = (w[i] & ~mask) | ((v << shift) & mask);
	}

	static int width(int f) {
		return f & 0xff;
	}

	/** Bits needed to store values 0..maxValue. */
	static int bitsFor(int maxValue) {
		return maxValue <= 0 ? 1 : 32 - Integer.numberOfLeadingZeros(maxValue);
	}
}
