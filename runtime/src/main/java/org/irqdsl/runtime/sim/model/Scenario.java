package org.irqdsl.runtime.sim.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.irqdsl.runtime.sim.config.ConfigProblem;
import org.irqdsl.runtime.sim.config.CpuSpec;
import org.irqdsl.runtime.sim.config.DeviceSpec;
import org.irqdsl.runtime.sim.config.EntryKind;
import org.irqdsl.runtime.sim.config.EntryRef;
import org.irqdsl.runtime.sim.config.Op;
import org.irqdsl.runtime.sim.config.Placement;
import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.sim.config.SimConfigChecks;
import org.irqdsl.runtime.sim.config.SimConfigException;
import org.irqdsl.runtime.sim.config.ThreadSpec;
import org.irqdsl.runtime.sim.config.VmdChild;

/**
 * A {@link SimConfig} compiled for exploration: CPUs, irqs and vectors numbered densely, threads as
 * resolved operations, the vector pool (every vector the scenario names plus spares from the vector
 * range for allocations), and the state layout.
 */
public final class Scenario {

	/** Most vectors the pool may hold: a CPU's IRR is one field of the state. */
	public static final int MAX_VECTORS = 62;

	public final SimConfig config;
	public final int cpuCount;
	/** Kernel CPU number of each CPU index. */
	public final int[] cpuIds;
	public final IrqInfo[] irqs;
	/** Vector number of each pool index, ascending. */
	public final int[] vectors;
	public final ThreadProgram[] threads;
	public final StateLayout layout;
	public final boolean hasOffline;
	public final boolean hasVmd;
	/**
	 * Some set-affinity is {@code pending}: each CPU then has a mover slot after the threads (index
	 * threads.length + cpu) that runs a deferred move in the interrupt on that CPU.
	 */
	public final boolean hasPendingMoves;
	/** Some move may hold a lock across steps (a procedure with a lock step, as the two-step update). */
	public final boolean vectorLockHeldAcrossSteps;
	/** How a CPU hot-unplug migrates interrupts (mainline migrate_one_irq() unless the config says). */
	public final org.irqdsl.runtime.sim.config.HotUnplug hotUnplug;
	/** The locks the procedures name; 0 is vector_lock. */
	final LockNames locks;
	/** Threads running on each CPU index. */
	final int[][] threadsOnCpu;
	/** Which (CPU, pool vector) may ever have an owner: the others get no field in the state. */
	final boolean[][] ownable;
	private final long[] initial;

	private Scenario(SimConfig config) throws SimConfigException {
		this.config = config;
		List<ConfigProblem> problems = SimConfigChecks.check(config);
		if (!problems.isEmpty()) {
			throw new SimConfigException(problems);
		}
		cpuCount = config.cpus().size();
		cpuIds = config.cpus().stream().mapToInt(CpuSpec::id).toArray();
		Map<EntryRef, Integer> irqIndex = new LinkedHashMap<>();
		config.initially().forEach(p -> irqIndex.putIfAbsent(p.entry(), irqIndex.size()));
		for (DeviceSpec d : config.devices()) {
			if (d.vmd() != null) {
				for (VmdChild c : d.vmd().children()) {
					irqIndex.putIfAbsent(new EntryRef(d.name(), EntryKind.MSIX, c.vmdVector()), irqIndex.size());
					irqIndex.putIfAbsent(c.entry(), irqIndex.size());
				}
			}
		}
		for (ThreadSpec t : config.threads()) {
			for (Op op : t.ops()) {
				EntryRef e = entryOf(op);
				if (e != null) {
					irqIndex.putIfAbsent(e, irqIndex.size());
				}
			}
		}
		irqs = new IrqInfo[irqIndex.size()];
		for (Map.Entry<EntryRef, Integer> e : irqIndex.entrySet()) {
			DeviceSpec spec = config.device(e.getKey().device()).orElseThrow();
			irqs[e.getValue()] = new IrqInfo(e.getValue(), e.getKey(), config.devices().indexOf(spec), spec);
		}
		linkVmds(irqIndex);
		hotUnplug = config.hotUnplug() != null ? config.hotUnplug()
				: org.irqdsl.runtime.kernel.KernelProcedures.MIGRATE_ONE_IRQ;
		locks = new LockNames();
		for (IrqInfo irq : irqs) {
			irq.paths = MovePath.compile(irq, irq.procedure, locks);
		}
		vectors = vectorPool(irqIndex.size());
		threads = compileThreads(irqIndex);
		hasOffline = config.threads().stream().flatMap(t -> t.ops().stream()).anyMatch(
				op -> op instanceof Op.OfflineCpu || op instanceof Op.OnlineCpu);
		hasVmd = config.devices().stream().anyMatch(d -> d.vmd() != null);
		hasPendingMoves = config.threads().stream().flatMap(t -> t.ops().stream())
				.anyMatch(op -> op instanceof Op.SetAffinity s && s.pending());
		vectorLockHeldAcrossSteps = java.util.Arrays.stream(irqs).anyMatch(i -> i.procedure.takesLocks());
		threadsOnCpu = new int[cpuCount][];
		for (int c = 0; c < cpuCount; c++) {
			final int cpu = c;
			threadsOnCpu[c] = java.util.Arrays.stream(threads).filter(t -> t.cpu == cpu).mapToInt(t -> t.index).toArray();
		}
		ownable = ownableSlots();
		layout = new StateLayout(this);
		initial = buildInitial();
	}

	/** Compiles {@code config}; the same problems as {@link SimConfigChecks} when it cannot run. */
	public static Scenario compile(SimConfig config) throws SimConfigException {
		return new Scenario(config);
	}

	/** State slots with thread fields: the threads, then (with pending moves) one mover per CPU. */
	public int slots() {
		return threads.length + (hasPendingMoves ? cpuCount : 0);
	}

	/** The title of a slot: a thread's, or the interrupt on a CPU for a mover slot. */
	public String slotTitle(int t) {
		return t < threads.length ? threads[t].title : "the interrupt on CPU" + cpuIds[t - threads.length] + " (irq_move_irq)";
	}

	/** The mover slot of CPU index {@code c}. */
	int mover(int c) {
		return threads.length + c;
	}

	/** The name of lock {@code i} (0 is vector_lock). */
	public String lockName(int i) {
		return locks.name(i);
	}

	/** A fresh copy of the initial state. */
	public long[] initialState() {
		return initial.clone();
	}

	public int cpuIndex(int id) {
		for (int i = 0; i < cpuIds.length; i++) {
			if (cpuIds[i] == id) {
				return i;
			}
		}
		throw new IllegalArgumentException("no CPU " + id);
	}

	public int vectorIndex(int vector) {
		for (int i = 0; i < vectors.length; i++) {
			if (vectors[i] == vector) {
				return i;
			}
		}
		throw new IllegalArgumentException(String.format("vector 0x%x not in the pool", vector));
	}

	public int irqIndex(String entry) {
		for (IrqInfo irq : irqs) {
			if (irq.name.equals(entry)) {
				return irq.index;
			}
		}
		throw new IllegalArgumentException("no irq " + entry);
	}

	private static EntryRef entryOf(Op op) {
		if (op instanceof Op.SetAffinity s) {
			return s.entry();
		} else if (op instanceof Op.RequestIrq r) {
			return r.entry();
		} else if (op instanceof Op.FreeIrq f) {
			return f.entry();
		} else if (op instanceof Op.EnableIrq e) {
			return e.entry();
		} else if (op instanceof Op.DisableIrq d) {
			return d.entry();
		} else if (op instanceof Op.Raise r) {
			return r.entry();
		}
		return null;
	}

	private void linkVmds(Map<EntryRef, Integer> irqIndex) {
		for (DeviceSpec d : config.devices()) {
			if (d.vmd() == null) {
				continue;
			}
			Map<Integer, List<Integer>> children = new LinkedHashMap<>();
			for (VmdChild c : d.vmd().children()) {
				int parent = irqIndex.get(new EntryRef(d.name(), EntryKind.MSIX, c.vmdVector()));
				int child = irqIndex.get(c.entry());
				irqs[child].vmdParent = parent;
				irqs[child].vmdTeardown = d.vmd().freeIrq();
				children.computeIfAbsent(parent, k -> new ArrayList<>()).add(child);
			}
			children.forEach((parent, list) -> irqs[parent].vmdChildren = list.stream().mapToInt(Integer::intValue).toArray());
		}
	}

	/**
	 * Every vector the scenario names, plus spares from the vector range for allocations: as many as
	 * the most allocations one CPU may see (those aimed at it plus those whose CPU is chosen at run
	 * time), plus one. The allocator takes the lowest pool vector free on the target CPU
	 * ({@link Machine#lowestFreeVector}) and no op names a spare, so when a CPU allocates, fewer
	 * spares are taken there than it has allocated before: one is free, and as the spares are the
	 * lowest of the range, every choice is the one a pool of one spare per allocation made. Each
	 * spare costs a bit of IRR and an owner field on every CPU in every state.
	 */
	private int[] vectorPool(int irqCount) throws SimConfigException {
		TreeSet<Integer> named = new TreeSet<>();
		config.initially().forEach(p -> named.add(p.vector()));
		Map<Integer, Integer> aimedAt = new HashMap<>();
		int anyCpu = 0;
		for (ThreadSpec t : config.threads()) {
			for (Op op : t.ops()) {
				if (op instanceof Op.SetAffinity s) {
					if (s.vector() != null) {
						named.add(s.vector());
					} else {
						aimedAt.merge(s.cpu(), 1, Integer::sum);
					}
				} else if (op instanceof Op.RequestIrq r) {
					if (r.vector() != null) {
						named.add(r.vector());
					} else if (r.cpu() != null) {
						aimedAt.merge(r.cpu(), 1, Integer::sum);
					} else {
						anyCpu++;
					}
				} else if (op instanceof Op.OfflineCpu) {
					anyCpu += irqCount; // fixup_irqs() moves them to a CPU chosen then
				}
			}
		}
		int allocations = 1 + anyCpu + aimedAt.values().stream().mapToInt(Integer::intValue).max().orElse(0);
		if (named.size() > MAX_VECTORS) {
			throw new SimConfigException(List.of(new ConfigProblem("", "the scenario names " + named.size()
					+ " vectors; the simulator handles at most " + MAX_VECTORS)));
		}
		TreeSet<Integer> pool = new TreeSet<>(named);
		int spares = Math.min(allocations, MAX_VECTORS - named.size());
		for (int v = config.vectors().first(); v <= config.vectors().last() && spares > 0; v++) {
			if (pool.add(v)) {
				spares--;
			}
		}
		return pool.stream().mapToInt(Integer::intValue).toArray();
	}

	/**
	 * The (CPU, vector) slots an irq may ever own, so that the per-CPU owner table (vector_irq) has a
	 * field only for those: on a wide scenario most of CPUs × pool vectors are never taken. A slot is
	 * taken by a placement or an op naming its vector on its CPU, or by an allocation on its CPU,
	 * which takes the lowest free vector ({@link Machine#lowestFreeVector}): with at most N named
	 * placements and A allocations on a CPU, fewer than N + A of its slots are ever taken at once,
	 * so an allocation takes one of the N + A lowest. An op whose CPU is chosen at run time (request_irq
	 * without a CPU, fixup_irqs() when a CPU goes offline: the lowest online CPU) counts on every CPU
	 * that may be the lowest online one then. With a VMD, every slot.
	 * {@link MachineState#setOwner} refuses to write an owner into a slot left out.
	 */
	private boolean[][] ownableSlots() {
		int k = vectors.length;
		boolean[][] out = new boolean[cpuCount][k];
		if (config.devices().stream().anyMatch(d -> d.vmd() != null)) {
			for (boolean[] row : out) {
				java.util.Arrays.fill(row, true);
			}
			return out;
		}
		boolean[] alwaysOnline = new boolean[cpuCount];
		for (int c = 0; c < cpuCount; c++) {
			alwaysOnline[c] = config.cpus().get(c).online();
		}
		config.threads().forEach(t -> t.ops().forEach(op -> {
			if (op instanceof Op.OfflineCpu off) {
				alwaysOnline[cpuIndex(off.cpu())] = false;
			}
		}));
		int[] named = new int[cpuCount];
		int[] allocations = new int[cpuCount];
		for (Placement p : config.initially()) {
			int c = cpuIndex(p.cpu());
			out[c][poolIndex(p.vector())] = true;
			named[c]++;
		}
		for (ThreadSpec t : config.threads()) {
			for (Op op : t.ops()) {
				if (op instanceof Op.SetAffinity s) {
					place(out, named, allocations, new int[] {cpuIndex(s.cpu())}, s.vector(), 1);
				} else if (op instanceof Op.RequestIrq r) {
					int[] cpus = r.cpu() != null ? new int[] {cpuIndex(r.cpu())} : lowestOnlineCandidates(alwaysOnline, -1);
					place(out, named, allocations, cpus, r.vector(), 1);
				} else if (op instanceof Op.OfflineCpu off) {
					// fixup_irqs() moves each irq of the CPU to the lowest online CPU left, a vector chosen then
					place(out, named, allocations, lowestOnlineCandidates(alwaysOnline, cpuIndex(off.cpu())), null,
							irqs.length);
				}
			}
		}
		for (int c = 0; c < cpuCount; c++) {
			if (allocations[c] > 0) {
				int lowest = Math.min(k, named[c] + allocations[c]);
				for (int v = 0; v < lowest; v++) {
					out[c][v] = true;
				}
			}
		}
		return out;
	}

	/** Counts {@code times} placements on each of {@code cpus}: of {@code vector}, or allocations when null. */
	private void place(boolean[][] out, int[] named, int[] allocations, int[] cpus, Integer vector, int times) {
		for (int c : cpus) {
			if (vector != null) {
				out[c][poolIndex(vector)] = true;
				named[c] += times;
			} else {
				allocations[c] += times;
			}
		}
	}

	/**
	 * The CPUs {@link Machine#lowestOnline} may answer (other than {@code except}): in index order up
	 * to the first one that is online from the start and no op takes offline.
	 */
	private int[] lowestOnlineCandidates(boolean[] alwaysOnline, int except) {
		List<Integer> out = new ArrayList<>();
		for (int c = 0; c < cpuCount; c++) {
			if (c != except) {
				out.add(c);
				if (alwaysOnline[c]) {
					break;
				}
			}
		}
		return out.stream().mapToInt(Integer::intValue).toArray();
	}

	private ThreadProgram[] compileThreads(Map<EntryRef, Integer> irqIndex) {
		List<ThreadProgram> out = new ArrayList<>();
		for (ThreadSpec t : config.threads()) {
			List<CompiledOp> ops = new ArrayList<>();
			for (Op op : t.ops()) {
				ops.addAll(compileOp(op, irqIndex));
			}
			int cpu = t instanceof ThreadSpec.CpuThread c ? cpuIndexOrFail(c.cpu()) : -1;
			out.add(new ThreadProgram(out.size(), t.title(), cpu, t instanceof ThreadSpec.DeviceThread, ops));
		}
		return out.toArray(new ThreadProgram[0]);
	}

	private List<CompiledOp> compileOp(Op op, Map<EntryRef, Integer> irqIndex) {
		List<CompiledOp> out = new ArrayList<>();
		if (op instanceof Op.SetAffinity s) {
			out.add(new CompiledOp(CompiledOp.OpCode.SET_AFFINITY, irqIndex.get(s.entry()), cpuIndexOrFail(s.cpu()),
					s.vector() == null ? -1 : poolIndex(s.vector()), s.pending(), "set-affinity " + s.entry() + " cpu " + s.cpu()
							+ (s.vector() == null ? "" : String.format(" vector 0x%x", s.vector())) + (s.pending() ? " pending" : "")));
		} else if (op instanceof Op.RequestIrq r) {
			out.add(new CompiledOp(CompiledOp.OpCode.REQUEST_IRQ, irqIndex.get(r.entry()),
					r.cpu() == null ? -1 : cpuIndexOrFail(r.cpu()), r.vector() == null ? -1 : poolIndex(r.vector()), false,
					"request_irq " + r.entry()));
		} else if (op instanceof Op.FreeIrq f) {
			out.add(new CompiledOp(CompiledOp.OpCode.FREE_IRQ, irqIndex.get(f.entry()), -1, -1, false, "free_irq " + f.entry()));
		} else if (op instanceof Op.EnableIrq e) {
			out.add(new CompiledOp(CompiledOp.OpCode.ENABLE_IRQ, irqIndex.get(e.entry()), -1, -1, false,
					"enable_irq " + e.entry()));
		} else if (op instanceof Op.DisableIrq d) {
			out.add(new CompiledOp(CompiledOp.OpCode.DISABLE_IRQ, irqIndex.get(d.entry()), -1, -1, false,
					"disable_irq " + d.entry()));
		} else if (op instanceof Op.OfflineCpu off) {
			out.add(new CompiledOp(CompiledOp.OpCode.OFFLINE, -1, cpuIndexOrFail(off.cpu()), -1, off.forwardPending(),
					"offline cpu " + off.cpu() + (off.forwardPending() ? " forward-pending" : "")));
		} else if (op instanceof Op.OnlineCpu on) {
			out.add(new CompiledOp(CompiledOp.OpCode.ONLINE, -1, cpuIndexOrFail(on.cpu()), -1, false, "online cpu " + on.cpu()));
		} else if (op instanceof Op.Raise r) {
			for (int i = 0; i < r.times(); i++) {
				out.add(new CompiledOp(CompiledOp.OpCode.RAISE, irqIndex.get(r.entry()), -1, -1, false, "raise " + r.entry().local()));
			}
		}
		return out;
	}

	private int cpuIndexOrFail(int id) {
		return cpuIndex(id);
	}

	private int poolIndex(int vector) {
		return java.util.Arrays.binarySearch(vectors, vector);
	}

	private long[] buildInitial() {
		long[] w = new long[layout.words];
		MachineState s = new MachineState(this);
		s.bind(w);
		for (int c = 0; c < cpuCount; c++) {
			s.setOnline(c, config.cpus().get(c).online());
		}
		for (IrqInfo irq : irqs) {
			int j = irq.index;
			s.setCpu(j, s.noCpu);
			s.setVec(j, s.noVec);
			s.setPrevCpu(j, s.noCpu);
			s.setPrevVec(j, s.noVec);
			s.setDevCpu(j, s.noCpu);
			s.setDevVec(j, s.noVec);
			s.setQueuedCpu(j, s.noCpu);
			s.setQueuedVec(j, s.noVec);
		}
		for (Placement p : config.initially()) {
			int j = -1;
			for (IrqInfo irq : irqs) {
				if (irq.ref.equals(p.entry())) {
					j = irq.index;
				}
			}
			int c = cpuIndex(p.cpu());
			int k = poolIndex(p.vector());
			s.setCpu(j, c);
			s.setVec(j, k);
			s.setOwner(c, k, j);
			s.setFlag(j, MachineState.F_ALIVE | MachineState.F_STARTED, true);
			if (irqs[j].routedByController) {
				s.setDevCpu(j, s.controllerHandle);
			} else {
				s.setDevCpu(j, c);
				s.setDevVec(j, k);
			}
		}
		for (IrqInfo irq : irqs) {
			if (irq.isVmdChild()) {
				s.setFlag(irq.index, MachineState.F_ALIVE | MachineState.F_STARTED | MachineState.F_ON_LIST, true);
				s.setDevCpu(irq.index, s.controllerHandle);
			}
		}
		return w;
	}
}
