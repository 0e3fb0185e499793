package org.irqdsl.runtime.sim.model;

/**
 * A step as an int: kind (4 bits), subject (12 bits: the thread, CPU or irq it is about), vector
 * (12 bits: the pool vector a TAKE takes, else 0). A thread step is the thread's next
 * piece of work; the environment's steps are a CPU taking a pending vector, a VMD flow handler
 * going on, a queued write completing, the IMSIC lazy timer and the vector cleanup.
 */
public final class Step {

	public static final int THREAD = 0;
	/** CPU subject takes pending vector (pool index) vector. */
	public static final int TAKE = 1;
	/** The VMD flow handler running on CPU subject goes on. */
	public static final int FLOW = 2;
	/** The queued message write of irq subject completes. */
	public static final int WRITE_DONE = 3;
	/** The IMSIC lazy timer of irq subject fires on its previous CPU. */
	public static final int TIMER = 4;
	/** The vector cleanup of irq subject runs on its previous CPU. */
	public static final int CLEANUP = 5;
	/** The deferred move running in the interrupt on CPU subject goes on (irq_move_irq(), pending moves). */
	public static final int MOVER = 6;

	private Step() {
	}

	public static int of(int kind, int subject, int vector) {
		return kind | (subject << 4) | (vector << 16);
	}

	public static int kind(int step) {
		return step & 0xf;
	}

	/** The thread (THREAD), CPU (TAKE, FLOW, MOVER) or irq (WRITE_DONE, TIMER, CLEANUP) of a step. */
	public static int subject(int step) {
		return (step >>> 4) & 0xfff;
	}

	/** The pool vector a TAKE step takes (0 for the other kinds). */
	public static int vector(int step) {
		return (step >>> 16) & 0xfff;
	}
}
