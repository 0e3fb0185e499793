package org.irqdsl.runtime.sim;

import java.time.Duration;

/**
 * Bounds of one exploration, and whether the partial-order reduction is on. Hitting a bound gives
 * an INCOMPLETE verdict for every expectation the states seen so far do not decide — never a pass.
 *
 * <p>{@code maxBytes} bounds the memory of the explorer's own structures (stored states and visited
 * table); {@link #AUTO_MEMORY} (0) derives it from the Java heap: {@link #autoMaxBytes()}. Whichever
 * bound comes first ends the run; an OutOfMemoryError during exploration ends it too, incomplete.
 */
public record Limits(long maxStates, Duration timeout, boolean partialOrderReduction, long maxBytes) {

	/** {@code maxBytes} meaning "derived from the Java heap" ({@link #autoMaxBytes()}). */
	public static final long AUTO_MEMORY = 0;

	/** 10 million states, 60 seconds, reduction on, memory from the heap. */
	public static final Limits DEFAULT = new Limits(10_000_000L, Duration.ofSeconds(60), true);

	public Limits {
		if (maxStates < 1) {
			throw new IllegalArgumentException("maxStates must be at least 1");
		}
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout must be positive");
		}
		if (maxBytes < 0) {
			throw new IllegalArgumentException("maxBytes must be positive (or AUTO_MEMORY)");
		}
	}

	/** With the memory bound derived from the heap. */
	public Limits(long maxStates, Duration timeout, boolean partialOrderReduction) {
		this(maxStates, timeout, partialOrderReduction, AUTO_MEMORY);
	}

	public Limits withMaxStates(long n) {
		return new Limits(n, timeout, partialOrderReduction, maxBytes);
	}

	public Limits withTimeout(Duration d) {
		return new Limits(maxStates, d, partialOrderReduction, maxBytes);
	}

	public Limits withPartialOrderReduction(boolean on) {
		return new Limits(maxStates, timeout, on, maxBytes);
	}

	/** Bounds the explorer's structures to {@code bytes} ({@link #AUTO_MEMORY}: from the heap). */
	public Limits withMaxBytes(long bytes) {
		return new Limits(maxStates, timeout, partialOrderReduction, bytes);
	}

	/** The memory bound in bytes: {@code maxBytes}, or for {@link #AUTO_MEMORY} {@link #autoMaxBytes()}. */
	public long effectiveMaxBytes() {
		return maxBytes != AUTO_MEMORY ? maxBytes : autoMaxBytes();
	}

	/**
	 * The heap the JVM may use ({@code -Xmx}; by default a quarter of the machine's memory) less a
	 * reserve of a quarter of it, at least 64 MiB, for the program around the explorer (loaded
	 * models, traces: the command line's baseline is about 50 MB) and the garbage collector's
	 * working room; at least a quarter of the heap.
	 */
	public static long autoMaxBytes() {
		long heap = Runtime.getRuntime().maxMemory();
		if (heap == Long.MAX_VALUE) { // no limit reported: assume the common default of 1 GiB
			heap = 1L << 30;
		}
		long reserve = Math.max(heap / 4, 64L << 20);
		return Math.max(heap / 4, heap - reserve);
	}
}
