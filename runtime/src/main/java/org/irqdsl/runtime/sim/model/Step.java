package org.irqdsl.runtime.sim.model;

/**
 * A step as an int: kind (4 bits), a (12 bits), b (12 bits). A thread step is the thread's next
 * piece of work; the environment's steps are a CPU taking a pending vector, a VMD flow handler
 * going on, a queued write completing, the IMSIC lazy timer and the vector cleanup.
 */
public final class Step {

	public static final int THREAD = 0;
	/** CPU a takes pending vector (pool index) b. */
	public static final int TAKE = 1;
	/** The VMD flow handler running on CPU a goes on. */
	public static final int FLOW = 2;
	/** The queued message write of irq a completes. */
	public static final int WRITE_DONE = 3;
	/** The IMSIC lazy timer of irq a fires on its previous CPU. */
	public static final int TIMER = 4;
	/** The vector cleanup of irq a runs on its previous CPU. */
	public static final int CLEANUP = 5;
	/** The deferred move running in the interrupt on CPU a goes on (irq_move_irq(), pending moves). */
	public static final int MOVER = 6;

	private Step() {
	}

	public static int of(int kind, int a, int b) {
		return kind | (a << 4) | (b << 16);
	}

	public static int kind(int step) {
		return step & 0xf;
	}

	public static int a(int step) {
		return (step >>> 4) & 0xfff;
	}

	public static int b(int step) {
		return (step >>> 16) & 0xfff;
	}
}
