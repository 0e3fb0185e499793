package org.irqdsl.runtime.sim.model;

import org.irqdsl.runtime.sim.config.Property;

/**
 * The step semantics of a compiled scenario over packed states: which steps a state offers, and
 * what each does. Steps are atomic; {@link #apply} works in place on a copy the caller owns and
 * answers false when the step is blocked (a lock held, stop_machine() running, a device not yet
 * enabled...), in which case the copy is garbage.
 */
public final class Machine {

	final Scenario scenario;
	final MachineState s;
	EventSink events = EventSink.SILENT;
	final DeviceSide device;
	final CpuSide cpus;
	final MoveEngine moves;
	final ThreadSteps threads;
	private final int maxCandidates;

	public Machine(Scenario scenario) {
		this.scenario = scenario;
		this.s = new MachineState(scenario);
		this.device = new DeviceSide(this);
		this.cpus = new CpuSide(this);
		this.moves = new MoveEngine(this);
		this.threads = new ThreadSteps(this);
		this.irqsOffWords = new int[scenario.cpuCount][];
		this.irqsOffBits = new long[scenario.cpuCount][];
		this.irqsOffWord = new int[scenario.threads.length];
		this.irqsOffBit = new long[scenario.threads.length];
		locateIrqsOffFlags();
		this.maxCandidates = scenario.threads.length + scenario.cpuCount * (scenario.vectors.length + 2)
				+ 3 * scenario.irqs.length;
	}

	public Scenario scenario() {
		return scenario;
	}

	/** Upper bound of {@link #candidates}' result. */
	public int maxCandidates() {
		return maxCandidates;
	}

	/**
	 * The steps that may be enabled in state {@code w}, into {@code out}; returns their number. A
	 * state offering none that {@link #apply} accepts is quiescent.
	 */
	public int candidates(long[] w, int[] out) {
		s.bind(w);
		int n = 0;
		for (ThreadProgram p : scenario.threads) {
			int t = p.index;
			if (s.op(t) < p.ops.length && !s.threadFlag(t, MachineState.T_HUNG)) {
				out[n++] = Step.of(Step.THREAD, t, 0);
			}
		}
		for (int c = 0; c < scenario.cpuCount; c++) {
			if (scenario.hasVmd && s.flowVmd(c) >= 0) {
				out[n++] = Step.of(Step.FLOW, c, 0);
				continue;
			}
			if (moverActive(c)) {
				out[n++] = Step.of(Step.MOVER, c, 0);
				continue;
			}
			long irr = s.irr(c);
			if (irr != 0 && canTake(c)) {
				while (irr != 0) {
					int k = Long.numberOfTrailingZeros(irr);
					irr &= irr - 1;
					out[n++] = Step.of(Step.TAKE, c, k);
				}
			}
		}
		for (int j = 0; j < scenario.irqs.length; j++) {
			int flags = s.flags(j);
			if ((flags & (MachineState.F_QUEUED | MachineState.F_TIMER | MachineState.F_CLEANUP)) == 0) {
				continue;
			}
			if ((flags & MachineState.F_QUEUED) != 0) {
				out[n++] = Step.of(Step.WRITE_DONE, j, 0);
			}
			if ((flags & MachineState.F_TIMER) != 0) {
				out[n++] = Step.of(Step.TIMER, j, 0);
			}
			if ((flags & MachineState.F_CLEANUP) != 0) {
				out[n++] = Step.of(Step.CLEANUP, j, 0);
			}
		}
		return n;
	}

	/** Runs {@code step} on {@code w} in place, telling {@code sink} what happened; false when blocked. */
	public boolean apply(long[] w, int step, EventSink sink) {
		s.bind(w);
		s.vectorLockTouched = false;
		events = sink;
		int a = Step.subject(step);
		return switch (Step.kind(step)) {
		case Step.THREAD -> threads.step(a);
		case Step.TAKE -> cpus.take(a, Step.vector(step));
		case Step.FLOW -> cpus.flow(a);
		case Step.WRITE_DONE -> cpus.writeDone(a);
		case Step.TIMER -> cpus.timer(a);
		case Step.CLEANUP -> cpus.cleanup(a);
		case Step.MOVER -> cpus.mover(a);
		default -> throw new IllegalArgumentException("step kind " + Step.kind(step));
		};
	}

	/**
	 * Whether the last {@link #apply} read or wrote vector_lock (taken, released, or tested because
	 * the step must wait for it), whether it ran or was blocked.
	 */
	public boolean touchedVectorLock() {
		return s.vectorLockTouched;
	}

	/** The process a step belongs to, for the partial-order reduction: a thread, a CPU, or an irq's environment. */
	public int processOf(int step) {
		int a = Step.subject(step);
		return switch (Step.kind(step)) {
		case Step.THREAD -> a;
		case Step.TAKE, Step.FLOW, Step.MOVER -> scenario.threads.length + a;
		default -> scenario.threads.length + scenario.cpuCount + a;
		};
	}

	public int processCount() {
		return scenario.threads.length + scenario.cpuCount + scenario.irqs.length;
	}

	// ---- shared helpers -----------------------------------------------------------------------------

	/** CPU c can take a pending vector: online, not stopped, not in a handler, no thread with interrupts off on it. */
	boolean canTake(int c) {
		if (c < 0 || c >= scenario.cpuCount || !s.online(c) || s.stopMachineOwner() >= 0) {
			return false;
		}
		if (scenario.hasVmd && s.flowVmd(c) >= 0) {
			return false;
		}
		if (moverActive(c)) {
			return false; // a deferred move runs in an interrupt on c, interrupts off
		}
		return !irqsOffByThread(c, -1);
	}

	/** Whether CPU c runs a deferred move in an interrupt (pending moves only). */
	boolean moverActive(int c) {
		return scenario.hasPendingMoves && s.threadFlag(scenario.mover(c), MachineState.T_MOVER_ACTIVE);
	}

	/** Some thread other than {@code except} runs on CPU c with local interrupts disabled. */
	boolean irqsOffByThread(int c, int except) {
		int[] words = irqsOffWords[c];
		long[] bits = irqsOffBits[c];
		long[] w = s.w;
		for (int i = 0; i < words.length; i++) {
			long on = w[words[i]] & bits[i];
			if (on != 0 && (except < 0 || words[i] != irqsOffWord[except] || (on & ~irqsOffBit[except]) != 0)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Where the T_IRQS_OFF flags of the threads on each CPU sit in a state: the words, and in each
	 * the bits, so that the test above reads one or two words instead of every thread's flags.
	 */
	private final int[][] irqsOffWords;
	private final long[][] irqsOffBits;
	/** Each thread's own T_IRQS_OFF word and bit (0 for a device thread, which has none). */
	private final int[] irqsOffWord;
	private final long[] irqsOffBit;

	private void locateIrqsOffFlags() {
		int threads = scenario.threads.length;
		for (int t = 0; t < threads; t++) {
			int handle = scenario.layout.threadFlags[t];
			if (BitFields.width(handle) > 0) {
				irqsOffWord[t] = handle >>> 16;
				irqsOffBit[t] = (long) MachineState.T_IRQS_OFF << ((handle >>> 8) & 0xff);
			}
		}
		for (int c = 0; c < scenario.cpuCount; c++) {
			java.util.Map<Integer, Long> byWord = new java.util.TreeMap<>();
			for (int t : scenario.threadsOnCpu[c]) {
				if (irqsOffBit[t] != 0) {
					byWord.merge(irqsOffWord[t], irqsOffBit[t], (a, b) -> a | b);
				}
			}
			irqsOffWords[c] = byWord.keySet().stream().mapToInt(Integer::intValue).toArray();
			irqsOffBits[c] = byWord.values().stream().mapToLong(Long::longValue).toArray();
		}
	}

	void violate(Property p) {
		s.addViolation(p.bit());
	}

	boolean validCpu(int c) {
		return c >= 0 && c < scenario.cpuCount;
	}

	/** The lowest-numbered online CPU other than {@code except}, or -1. */
	int lowestOnline(int except) {
		for (int c = 0; c < scenario.cpuCount; c++) {
			if (c != except && s.online(c)) {
				return c;
			}
		}
		return -1;
	}

	/** The lowest pool vector free on CPU c (the matrix allocator's choice, simplified), or -1. */
	int lowestFreeVector(int c) {
		for (int k = 0; k < scenario.vectors.length; k++) {
			if (s.owner(c, k) < 0) {
				return k;
			}
		}
		return -1;
	}

	/** Frees the previous vector of irq j if it still owns it. */
	void releasePrevious(int j) {
		int pc = s.prevCpu(j);
		int pk = s.prevVec(j);
		if (validCpu(pc) && pk != s.noVec && s.owner(pc, pk) == j) {
			s.setOwner(pc, pk, -1);
		}
	}

	void clearPrevious(int j) {
		s.setPrevCpu(j, s.noCpu);
		s.setPrevVec(j, s.noVec);
		s.setFlag(j, MachineState.F_MOVE | MachineState.F_CLEANUP | MachineState.F_TIMER, false);
	}

	/**
	 * irq_chip_unmask_parent(): the parent irqchip stops holding irq j; a raise it held is delivered
	 * now. Answers whether one was held (for the caller's event).
	 */
	boolean unmaskParent(int j) {
		boolean held = s.flag(j, MachineState.F_PARENT_PENDING);
		s.setFlag(j, MachineState.F_PARENT_MASKED | MachineState.F_PARENT_PENDING, false);
		if (held) {
			retrigger(j);
			s.setCredit(j, s.credit(j) + 1); // the held raise is delivered now
		}
		return held;
	}

	/** irq_retrigger(): an IPI sets the vector pending on the irq's current target (a VMD child's goes through its VMD). */
	void retrigger(int j) {
		int target = scenario.irqs[j].isVmdChild() ? scenario.irqs[j].vmdParent : j;
		int c = s.cpu(target);
		if (validCpu(c) && s.vec(target) != s.noVec) {
			s.setPending(c, s.vec(target));
		}
	}
}
