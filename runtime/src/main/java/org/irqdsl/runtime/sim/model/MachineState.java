package org.irqdsl.runtime.sim.model;

/**
 * Typed access to one state ({@code long[]} laid out by {@link StateLayout}); rebound with
 * {@link #bind(long[])} so exploring allocates nothing per state. Irq references are stored as
 * index + 1 (0 = none); "no CPU" and "no vector" are the all-ones values of their fields.
 */
public final class MachineState {

	// irq flags
	/** irq_data move_in_progress: prev cpu/vector still owned until cleanup. */
	public static final int F_MOVE = 1;
	/** Cleanup of the previous vector scheduled (first arrival seen, or at once for remapping). */
	public static final int F_CLEANUP = 1 << 1;
	/** IMSIC lazy timer armed on the previous CPU. */
	public static final int F_TIMER = 1 << 2;
	/** request_irq done and the driver enabled the interrupt in the device. */
	public static final int F_STARTED = 1 << 3;
	/** The irq descriptor exists (not yet freed). */
	public static final int F_ALIVE = 1 << 4;
	/** The device raised and no handler of this irq ran since. */
	public static final int F_OWED = 1 << 5;
	/** IRQS_PENDING: arrived while disabled, replayed by enable_irq. */
	public static final int F_DESC_PENDING = 1 << 6;
	/** The lazy disable tried to mask and nothing could (no mask bit, no parent masking). */
	public static final int F_MASK_FAILED = 1 << 7;
	/** Masked at the parent irqchip (MSI_FLAG_PCI_MSI_MASK_PARENT). */
	public static final int F_PARENT_MASKED = 1 << 8;
	/** A message held at the masking parent. */
	public static final int F_PARENT_PENDING = 1 << 9;
	/** A VMD child on its vector's list. */
	public static final int F_ON_LIST = 1 << 10;
	/** The entry's mask bit at the device. */
	public static final int F_DEV_MASK = 1 << 11;
	/** The entry's pending bit at the device (raised while masked). */
	public static final int F_DEV_PENDING = 1 << 12;
	/** A queued message write not yet done. */
	public static final int F_QUEUED = 1 << 13;
	/** The device mask was set by the lazy disable (enable_irq clears it). */
	public static final int F_DISABLE_MASKED = 1 << 14;
	/** IRQD_SETAFFINITY_PENDING: the next interrupt on the current target runs the move. */
	public static final int F_SETAFF_PENDING = 1 << 15;
	static final int FLAG_COUNT = 16;

	// thread flags
	/** The thread's CPU runs it in interrupt context with local interrupts disabled. */
	public static final int T_IRQS_OFF = 1;
	/** Blocked forever (recursive locking). */
	public static final int T_HUNG = 2;
	/** The current move masked the entry and must unmask it. */
	public static final int T_MOVE_MASKED = 4;
	/** The current move masked the entry at the parent irqchip and must unmask it there. */
	public static final int T_MOVE_PARENT_MASKED = 8;
	/** The current move's IRR check found the vector pending (its retrigger may come in a later step). */
	public static final int T_IRR_HIT = 16;
	/** A mover slot: a deferred move runs in the interrupt on its CPU; the handler runs when it ends. */
	public static final int T_MOVER_ACTIVE = 32;

	private final StateLayout l;
	public final int noCpu;
	/** Device address meaning "the remap table / controller translation of this irq". */
	public final int controllerHandle;
	public final int noVec;
	long[] w;
	/** Set whenever vector_lock is read or written (the explorer asks after each step, see {@link Machine#touchedVectorLock}). */
	boolean vectorLockTouched;

	public MachineState(Scenario scenario) {
		this.l = scenario.layout;
		this.noCpu = (1 << l.cpuBits) - 1;
		this.controllerHandle = scenario.cpuCount;
		this.noVec = (1 << l.vecBits) - 1;
	}

	public MachineState bind(long[] words) {
		this.w = words;
		return this;
	}

	public long[] words() {
		return w;
	}

	// ---- global -------------------------------------------------------------------------------------

	/** Thread index holding vector_lock, or -1. */
	public int vectorLockOwner() {
		return lockOwner(0);
	}

	void setVectorLockOwner(int t) {
		setLockOwner(0, t);
	}

	/** Thread index holding lock {@code i} ({@link LockNames}; 0 is vector_lock), or -1. */
	public int lockOwner(int i) {
		vectorLockTouched = true;
		return (int) BitFields.get(w, l.lockOwner[i]) - 1;
	}

	void setLockOwner(int i, int t) {
		vectorLockTouched = true;
		BitFields.set(w, l.lockOwner[i], t + 1);
	}

	/** Whether any thread holds any lock (stop_machine() cannot start while one is held). */
	public boolean anyLockHeld() {
		for (int i = 0; i < l.lockOwner.length; i++) {
			if (lockOwner(i) >= 0) {
				return true;
			}
		}
		return false;
	}

	/** Thread index inside stop_machine(), or -1. */
	public int stopMachineOwner() {
		return (int) BitFields.get(w, l.stopMachineOwner) - 1;
	}

	void setStopMachineOwner(int t) {
		BitFields.set(w, l.stopMachineOwner, t + 1);
	}

	public int violations() {
		return (int) BitFields.get(w, l.violations);
	}

	void addViolation(int bit) {
		BitFields.set(w, l.violations, BitFields.get(w, l.violations) | bit);
	}

	// ---- CPUs ---------------------------------------------------------------------------------------

	public boolean online(int c) {
		return BitFields.get(w, l.online[c]) != 0;
	}

	void setOnline(int c, boolean on) {
		BitFields.set(w, l.online[c], on ? 1 : 0);
	}

	/** The CPU's IRR over vector-pool indices. */
	public long irr(int c) {
		return BitFields.get(w, l.irr[c]);
	}

	void setIrr(int c, long bits) {
		BitFields.set(w, l.irr[c], bits);
	}

	public boolean pending(int c, int k) {
		return (irr(c) & (1L << k)) != 0;
	}

	void setPending(int c, int k) {
		setIrr(c, irr(c) | (1L << k));
	}

	void clearPending(int c, int k) {
		setIrr(c, irr(c) & ~(1L << k));
	}

	/** The irq owning vector k on CPU c (vector_irq), or -1. */
	public int owner(int c, int k) {
		return (int) BitFields.get(w, l.owner[c][k]) - 1;
	}

	void setOwner(int c, int k, int irq) {
		if (l.owner[c][k] == 0 && irq >= 0) { // Scenario#ownableSlots left it out: its reasoning is wrong
			throw new IllegalStateException("irq " + irq + " takes vector index " + k + " of CPU index " + c
					+ ", a slot the state layout has no field for");
		}
		BitFields.set(w, l.owner[c][k], irq + 1);
	}

	/** The VMD irq whose flow handler CPU c is running, or -1. */
	public int flowVmd(int c) {
		return (int) BitFields.get(w, l.flowVmd[c]) - 1;
	}

	void setFlowVmd(int c, int irq) {
		BitFields.set(w, l.flowVmd[c], irq + 1);
	}

	/** The child the flow handler on CPU c read from the list and will hand to generic_handle_irq, or -1. */
	public int flowHolding(int c) {
		return (int) BitFields.get(w, l.flowHolding[c]) - 1;
	}

	void setFlowHolding(int c, int irq) {
		BitFields.set(w, l.flowHolding[c], irq + 1);
	}

	// ---- irqs ---------------------------------------------------------------------------------------

	public int cpu(int j) {
		return (int) BitFields.get(w, l.cpu[j]);
	}

	void setCpu(int j, int c) {
		BitFields.set(w, l.cpu[j], c);
	}

	public int vec(int j) {
		return (int) BitFields.get(w, l.vec[j]);
	}

	void setVec(int j, int k) {
		BitFields.set(w, l.vec[j], k);
	}

	public int prevCpu(int j) {
		return (int) BitFields.get(w, l.prevCpu[j]);
	}

	void setPrevCpu(int j, int c) {
		BitFields.set(w, l.prevCpu[j], c);
	}

	public int prevVec(int j) {
		return (int) BitFields.get(w, l.prevVec[j]);
	}

	void setPrevVec(int j, int k) {
		BitFields.set(w, l.prevVec[j], k);
	}

	/** All flags of irq j (F_*). */
	int flags(int j) {
		return (int) BitFields.get(w, l.flags[j]);
	}

	public boolean flag(int j, int flag) {
		return (BitFields.get(w, l.flags[j]) & flag) != 0;
	}

	void setFlag(int j, int flag, boolean on) {
		long f = BitFields.get(w, l.flags[j]);
		BitFields.set(w, l.flags[j], on ? f | flag : f & ~flag);
	}

	public int depth(int j) {
		return (int) BitFields.get(w, l.depth[j]);
	}

	void setDepth(int j, int d) {
		BitFields.set(w, l.depth[j], d);
	}

	/** Raises of irq j delivered as a new pending interrupt and not yet answered by a handler run (at most 3). */
	public int credit(int j) {
		return (int) BitFields.get(w, l.credit[j]);
	}

	void setCredit(int j, int n) {
		BitFields.set(w, l.credit[j], Math.min(n, 3));
	}

	/** The CPU the device's address_lo selects, {@link #controllerHandle}, or {@link #noCpu} (never written). */
	public int devCpu(int j) {
		return (int) BitFields.get(w, l.devCpu[j]);
	}

	void setDevCpu(int j, int c) {
		BitFields.set(w, l.devCpu[j], c);
	}

	/** The vector the device's data word holds. */
	public int devVec(int j) {
		return (int) BitFields.get(w, l.devVec[j]);
	}

	void setDevVec(int j, int k) {
		BitFields.set(w, l.devVec[j], k);
	}

	public int pendCpu(int j) {
		return (int) BitFields.get(w, l.pendCpu[j]);
	}

	void setPendCpu(int j, int c) {
		BitFields.set(w, l.pendCpu[j], c);
	}

	public int pendVec(int j) {
		return (int) BitFields.get(w, l.pendVec[j]);
	}

	void setPendVec(int j, int k) {
		BitFields.set(w, l.pendVec[j], k);
	}

	public int queuedCpu(int j) {
		return (int) BitFields.get(w, l.queuedCpu[j]);
	}

	void setQueuedCpu(int j, int c) {
		BitFields.set(w, l.queuedCpu[j], c);
	}

	public int queuedVec(int j) {
		return (int) BitFields.get(w, l.queuedVec[j]);
	}

	void setQueuedVec(int j, int k) {
		BitFields.set(w, l.queuedVec[j], k);
	}

	// ---- threads ------------------------------------------------------------------------------------

	public int op(int t) {
		return (int) BitFields.get(w, l.op[t]);
	}

	void setOp(int t, int op) {
		BitFields.set(w, l.op[t], op);
	}

	int stage(int t) {
		return (int) BitFields.get(w, l.stage[t]);
	}

	void setStage(int t, int s) {
		BitFields.set(w, l.stage[t], s);
	}

	int micro(int t) {
		return (int) BitFields.get(w, l.micro[t]);
	}

	void setMicro(int t, int m) {
		BitFields.set(w, l.micro[t], m);
	}

	int cursor(int t) {
		return (int) BitFields.get(w, l.cursor[t]);
	}

	void setCursor(int t, int c) {
		BitFields.set(w, l.cursor[t], c);
	}

	int path(int t) {
		return (int) BitFields.get(w, l.path[t]);
	}

	void setPath(int t, int p) {
		BitFields.set(w, l.path[t], p);
	}

	public boolean threadFlag(int t, int flag) {
		return (BitFields.get(w, l.threadFlags[t]) & flag) != 0;
	}

	void setThreadFlag(int t, int flag, boolean on) {
		long f = BitFields.get(w, l.threadFlags[t]);
		BitFields.set(w, l.threadFlags[t], on ? f | flag : f & ~flag);
	}
}
