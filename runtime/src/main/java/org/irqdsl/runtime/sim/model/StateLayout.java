package org.irqdsl.runtime.sim.model;

/**
 * Where each part of a state lives in its {@code long[]}: fixed bit fields, sized from the scenario
 * (a CPU number takes bitsFor(cpus + 1) bits, a vector index bitsFor(pool), an irq reference
 * bitsFor(irqs)). A state of a small scenario is a handful of longs; see docs/simulator.md.
 */
public final class StateLayout {

	public final int words;
	final int cpuBits;
	final int vecBits;
	final int irqBits;
	final int threadBits;

	// global
	final int vectorLockOwner;
	/** Owners of the other locks procedures name (index 1.. of {@link LockNames}). */
	final int[] lockOwner;
	final int stopMachineOwner;
	final int violations;
	// per CPU
	final int[] online;
	final int[] irr;
	final int[][] owner;
	final int[] flowVmd;
	final int[] flowHolding;
	// per irq
	/** IRQD_SETAFFINITY_PENDING's target (only with pending moves). */
	final int[] pendCpu;
	final int[] pendVec;
	final int[] cpu;
	final int[] vec;
	final int[] prevCpu;
	final int[] prevVec;
	final int[] flags;
	final int[] depth;
	final int[] credit;
	final int[] devCpu;
	final int[] devVec;
	final int[] queuedCpu;
	final int[] queuedVec;
	// per thread
	final int[] op;
	final int[] stage;
	final int[] micro;
	final int[] cursor;
	final int[] path;
	final int[] threadFlags;

	StateLayout(Scenario s) {
		BitFields f = new BitFields();
		int cpus = s.cpuCount;
		int k = s.vectors.length;
		int irqs = s.irqs.length;
		int threads = s.threads.length;
		cpuBits = BitFields.bitsFor(cpus + 1);
		vecBits = BitFields.bitsFor(k);
		irqBits = BitFields.bitsFor(irqs);
		threadBits = BitFields.bitsFor(s.slots());

		vectorLockOwner = f.add(threadBits);
		lockOwner = new int[s.locks.count()];
		lockOwner[0] = vectorLockOwner;
		for (int i = 1; i < lockOwner.length; i++) {
			lockOwner[i] = f.add(threadBits);
		}
		stopMachineOwner = f.add(s.hasOffline ? threadBits : 0);
		violations = f.add(5);

		online = new int[cpus];
		irr = new int[cpus];
		owner = new int[cpus][k];
		flowVmd = new int[cpus];
		flowHolding = new int[cpus];
		for (int c = 0; c < cpus; c++) {
			online[c] = f.add(1);
			irr[c] = f.add(k);
			for (int v = 0; v < k; v++) {
				owner[c][v] = f.add(s.ownable[c][v] ? irqBits : 0);
			}
			flowVmd[c] = f.add(s.hasVmd ? irqBits : 0);
			flowHolding[c] = f.add(s.hasVmd ? irqBits : 0);
		}

		cpu = new int[irqs];
		vec = new int[irqs];
		prevCpu = new int[irqs];
		prevVec = new int[irqs];
		flags = new int[irqs];
		depth = new int[irqs];
		credit = new int[irqs];
		devCpu = new int[irqs];
		devVec = new int[irqs];
		queuedCpu = new int[irqs];
		queuedVec = new int[irqs];
		pendCpu = new int[irqs];
		pendVec = new int[irqs];
		for (int j = 0; j < irqs; j++) {
			boolean queued = s.irqs[j].mayQueue();
			cpu[j] = f.add(cpuBits);
			vec[j] = f.add(vecBits);
			prevCpu[j] = f.add(cpuBits);
			prevVec[j] = f.add(vecBits);
			flags[j] = f.add(MachineState.FLAG_COUNT);
			depth[j] = f.add(2);
			credit[j] = f.add(2);
			devCpu[j] = f.add(cpuBits);
			devVec[j] = f.add(vecBits);
			queuedCpu[j] = f.add(queued ? cpuBits : 0);
			queuedVec[j] = f.add(queued ? vecBits : 0);
			pendCpu[j] = f.add(s.hasPendingMoves ? cpuBits : 0);
			pendVec[j] = f.add(s.hasPendingMoves ? vecBits : 0);
		}

		// micro holds the next micro-op index + 1 of the longest compiled path (a user's procedure may be long)
		int longestPath = 0;
		for (IrqInfo irq : s.irqs) {
			for (Micro[] p : irq.paths) {
				longestPath = Math.max(longestPath, p.length);
			}
		}
		int microBits = BitFields.bitsFor(longestPath + 2);
		int slots = s.slots();
		op = new int[slots];
		stage = new int[slots];
		micro = new int[slots];
		cursor = new int[slots];
		path = new int[slots];
		threadFlags = new int[slots];
		for (int t = 0; t < threads; t++) {
			ThreadProgram p = s.threads[t];
			boolean moves = !p.device;
			op[t] = f.add(BitFields.bitsFor(p.ops.length));
			stage[t] = f.add(p.device ? 0 : 3);
			micro[t] = f.add(moves ? microBits : 0);
			cursor[t] = f.add(moves ? irqBits : 0);
			path[t] = f.add(moves ? 3 : 0);
			threadFlags[t] = f.add(moves ? 6 : 0);
		}
		for (int t = threads; t < slots; t++) { // movers: a move in progress in an interrupt on their CPU
			op[t] = f.add(0);
			stage[t] = f.add(0);
			micro[t] = f.add(microBits);
			cursor[t] = f.add(irqBits);
			path[t] = f.add(3);
			threadFlags[t] = f.add(6);
		}
		words = f.words();
	}

	/** Bits a state uses (before rounding up to whole longs). */
	public int wordsBytes() {
		return words * Long.BYTES;
	}
}
