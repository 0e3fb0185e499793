package org.irqdsl.runtime.sim.model;

import java.util.Arrays;

/**
 * Which processes (threads, each CPU's interrupt side, each irq's environment) can ever touch the
 * same state: a static over-approximation of every step's footprint, by objects (a CPU with its
 * IRR, vector table, online bit and the interrupt-off state of threads on it; an irq with its
 * device entry and descriptor; vector_lock; stop_machine). Processes linked by a shared object
 * form one component; steps of different components touch disjoint objects forever, so they are
 * independent (they commute and neither enables nor disables the other). The explorer uses the
 * finer partition computed without vector_lock ({@link #lockFreeComponentOf}) and refines it per
 * state; the trace builder projects on the coarser one. docs/simulator.md, "Exploration".
 */
public final class Independence {

	private final int[] component;
	private final int componentCount;
	private final int[] lockFreeComponent;
	private final int lockFreeComponentCount;
	private final boolean lockOnlyDelays;

	public Independence(Scenario scenario) {
		component = components(scenario, scenario.vectorLockHeldAcrossSteps);
		componentCount = count(component);
		lockFreeComponent = components(scenario, false);
		lockFreeComponentCount = count(lockFreeComponent);
		lockOnlyDelays = lockOnlyDelays(scenario);
	}

	/**
	 * Whether vector_lock can do no more between lock-free components than delay one another: it is
	 * the only lock, every move path that takes it releases it and never takes it again while
	 * holding it (no recursive locking, no hung holder: a take-again retrigger is excluded), and a
	 * holder can always go on by its own steps: no stop_machine(), no VMD flow handler, no deferred
	 * move in another interrupt, at most one scenario thread per CPU (nothing else on its CPU turns
	 * interrupts off under it). Then the explorer may also choose alone a component that takes or
	 * holds the lock (docs/simulator.md, "Lock-aware reduction").
	 */
	private static boolean lockOnlyDelays(Scenario scenario) {
		if (scenario.locks.count() != 1 || scenario.hasOffline || scenario.hasVmd || scenario.hasPendingMoves) {
			return false;
		}
		for (int[] onCpu : scenario.threadsOnCpu) {
			if (onCpu.length > 1) {
				return false;
			}
		}
		for (IrqInfo irq : scenario.irqs) {
			for (Micro[] path : irq.paths) {
				if (!releasesWithoutRetaking(path)) {
					return false;
				}
			}
		}
		return true;
	}

	/** The path takes vector_lock at most once at a time, retriggers (apic_retrigger_irq() takes it) only without it, and ends without it. */
	private static boolean releasesWithoutRetaking(Micro[] path) {
		boolean held = false;
		for (Micro m : path) {
			switch (m.op()) {
			case LOCK -> {
				if (held) {
					return false;
				}
				held = true;
			}
			case UNLOCK -> held = false;
			case RETRIGGER -> {
				if (held) {
					return false;
				}
			}
			default -> {
			}
			}
		}
		return !held;
	}

	/** See {@link #lockOnlyDelays(Scenario)}: the explorer's lock-aware reduction applies. */
	public boolean lockOnlyDelays() {
		return lockOnlyDelays;
	}

	private static int count(int[] component) {
		int n = 0;
		for (int c : component) {
			n = Math.max(n, c + 1);
		}
		return n;
	}

	/** Each process's component, vector_lock linking every process that may touch it when {@code lockCouples}. */
	private static int[] components(Scenario scenario, boolean lockCouples) {
		int cpus = scenario.cpuCount;
		int irqs = scenario.irqs.length;
		int threads = scenario.threads.length;
		int vectorLock = cpus + irqs;
		int stopMachine = vectorLock + 1;
		int objects = stopMachine + 1;
		int processes = threads + cpus + irqs;
		long[] possible = possibleCpus(scenario);
		UnionFind uf = new UnionFind(processes + objects);
		for (ThreadProgram p : scenario.threads) {
			int t = p.index;
			if (!p.device) {
				uf.union(t, processes + p.cpu);
				if (scenario.hasOffline) {
					uf.union(t, processes + stopMachine);
				}
			}
			for (CompiledOp op : p.ops) {
				switch (op.code()) {
				case OFFLINE, ONLINE -> {
					for (int o = 0; o < objects; o++) {
						uf.union(t, processes + o);
					}
				}
				default -> {
					int j = op.irq();
					touchIrq(uf, t, processes, cpus, j, possible);
					if (scenario.irqs[j].isVmdChild()) {
						touchIrq(uf, t, processes, cpus, scenario.irqs[j].vmdParent, possible);
					}
					if (lockCouples && op.code() != CompiledOp.OpCode.RAISE) {
						uf.union(t, processes + vectorLock);
					}
				}
				}
			}
		}
		for (int c = 0; c < cpus; c++) {
			int process = threads + c;
			uf.union(process, processes + c);
			if (lockCouples && scenario.hasPendingMoves) {
				uf.union(process, processes + vectorLock); // a deferred move in an interrupt on c takes locks
			}
			if (scenario.hasOffline) {
				uf.union(process, processes + stopMachine);
			}
			for (int j = 0; j < irqs; j++) {
				if ((possible[j] & (1L << c)) != 0) {
					uf.union(process, processes + cpus + j);
					for (int child : scenario.irqs[j].vmdChildren) {
						uf.union(process, processes + cpus + child);
					}
				}
			}
		}
		for (int j = 0; j < irqs; j++) {
			int process = threads + cpus + j;
			touchIrq(uf, process, processes, cpus, j, possible);
			if (scenario.hasOffline) {
				uf.union(process, processes + stopMachine);
			}
			if (lockCouples) {
				uf.union(process, processes + vectorLock);
			}
		}
		int[] component = new int[processes];
		int[] ids = new int[processes + objects];
		Arrays.fill(ids, -1);
		int next = 0;
		for (int p = 0; p < processes; p++) {
			int root = uf.find(p);
			if (ids[root] < 0) {
				ids[root] = next++;
			}
			component[p] = ids[root];
		}
		return component;
	}

	private static void touchIrq(UnionFind uf, int process, int processes, int cpus, int j, long[] possible) {
		uf.union(process, processes + cpus + j);
		for (int c = 0; c < cpus; c++) {
			if ((possible[j] & (1L << c)) != 0) {
				uf.union(process, processes + c);
			}
		}
	}

	/** CPUs an irq may ever target or have pending on: where it starts and where moves may take it. */
	private static long[] possibleCpus(Scenario scenario) {
		long all = scenario.cpuCount == 64 ? -1L : (1L << scenario.cpuCount) - 1;
		long[] possible = new long[scenario.irqs.length];
		for (var placement : scenario.config.initially()) {
			possible[irqOf(scenario, placement.entry().toString())] |= 1L << scenario.cpuIndex(placement.cpu());
		}
		for (ThreadProgram p : scenario.threads) {
			for (CompiledOp op : p.ops) {
				if (op.code() == CompiledOp.OpCode.SET_AFFINITY || op.code() == CompiledOp.OpCode.REQUEST_IRQ) {
					possible[op.irq()] |= op.cpu() >= 0 ? 1L << op.cpu() : all;
				}
			}
		}
		for (int j = 0; j < scenario.irqs.length; j++) {
			if (scenario.hasOffline) {
				possible[j] = all;
			}
		}
		for (IrqInfo irq : scenario.irqs) {
			if (irq.isVmdChild()) {
				possible[irq.index] |= possible[irq.vmdParent];
			}
		}
		return possible;
	}

	private static int irqOf(Scenario scenario, String name) {
		return scenario.irqIndex(name);
	}

	/** The component of a process ({@link Machine#processOf}). */
	public int componentOf(int process) {
		return component[process];
	}

	public int componentCount() {
		return componentCount;
	}

	/**
	 * The component of a process when vector_lock is left out of the footprints: the finer
	 * partition the explorer refines per state. Two steps of different such components share at
	 * most vector_lock; in a state where the chosen component's steps neither touch vector_lock nor
	 * wait for it, they are independent of every other step (docs/simulator.md, "Exploration").
	 * The same as {@link #componentOf} when no move holds vector_lock across steps.
	 */
	public int lockFreeComponentOf(int process) {
		return lockFreeComponent[process];
	}

	public int lockFreeComponentCount() {
		return lockFreeComponentCount;
	}

	private static final class UnionFind {
		private final int[] parent;

		UnionFind(int n) {
			parent = new int[n];
			for (int i = 0; i < n; i++) {
				parent[i] = i;
			}
		}

		int find(int x) {
			while (parent[x] != x) {
				parent[x] = parent[parent[x]];
				x = parent[x];
			}
			return x;
		}

		void union(int a, int b) {
			parent[find(a)] = find(b);
		}
	}
}
