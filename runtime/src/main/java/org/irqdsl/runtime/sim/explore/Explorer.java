package org.irqdsl.runtime.sim.explore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.irqdsl.runtime.sim.Limits;
import org.irqdsl.runtime.sim.Progress;
import org.irqdsl.runtime.sim.ProgressListener;
import org.irqdsl.runtime.sim.config.Property;
import org.irqdsl.runtime.sim.model.EventSink;
import org.irqdsl.runtime.sim.model.Independence;
import org.irqdsl.runtime.sim.model.Machine;
import org.irqdsl.runtime.sim.model.MachineState;
import org.irqdsl.runtime.sim.model.Quiescence;
import org.irqdsl.runtime.sim.model.Scenario;
import org.irqdsl.runtime.sim.model.Symmetry;

/**
 * Breadth-first exploration of every interleaving of a scenario's threads and environment, with
 * full-state hashing, optionally reduced by ample sets of independent components: in each state
 * only the enabled steps of one component are expanded (the one with the fewest among those whose
 * steps did not touch vector_lock in that state), which preserves every quiescent state and hence
 * every violation (violations are sticky bits of the state, and every path ends in a quiescent
 * state). Properties are checked at every step (the violation bits a step sets) and at
 * quiescence. docs/simulator.md, "Exploration".
 */
public final class Explorer {

	private static final int CHECK_EVERY = 1 << 10;
	private static final Property[] NO_PROPERTIES = {};

	/** Where {@link VisitedSet#prefetch}'s loads end up, so that the JIT keeps them. */
	@SuppressWarnings("unused")
	private static volatile long sink;

	private final Scenario scenario;
	private final Limits limits;
	private final ProgressListener listener;
	private final Machine machine;
	private final Quiescence quiescence;
	private final Independence independence;
	private final MachineState view;
	private final List<Long> quiescentHashes;
	/** The scenario's interchangeable components, or null; used to reduce only when {@link #symmetryReduction}. */
	private final Symmetry symmetry;
	private boolean symmetryReduction;
	private boolean lockAwareReduction;
	private long progressIntervalNanos = 1_000_000_000L;

	public Explorer(Scenario scenario, Limits limits, ProgressListener listener) {
		this(scenario, limits, listener, false);
	}

	/** With {@code collectQuiescent}, the hash of every quiescent state is kept (tests compare reductions). */
	public Explorer(Scenario scenario, Limits limits, ProgressListener listener, boolean collectQuiescent) {
		this.scenario = scenario;
		this.limits = limits;
		this.listener = listener;
		this.machine = new Machine(scenario);
		this.quiescence = new Quiescence(scenario);
		this.independence = new Independence(scenario);
		this.view = new MachineState(scenario);
		this.quiescentHashes = collectQuiescent ? new ArrayList<>() : null;
		this.symmetry = Symmetry.of(scenario, independence);
		this.symmetryReduction = limits.partialOrderReduction();
		this.lockAwareReduction = limits.partialOrderReduction();
	}

	/**
	 * Which of the reductions run besides the ample sets of independent components (all three follow
	 * {@link Limits#partialOrderReduction()} by default): the symmetry reduction and the lock-aware
	 * choice (docs/simulator.md). For the cross-check tests and the benchmark.
	 */
	public Explorer reductions(boolean symmetry, boolean lockAware) {
		this.symmetryReduction = symmetry;
		this.lockAwareReduction = lockAware;
		return this;
	}

	/** How often progress is reported (default: every second). */
	public Explorer progressInterval(Duration interval) {
		this.progressIntervalNanos = interval.toNanos();
		return this;
	}

	/** Hashes of the quiescent states seen (only with {@code collectQuiescent}). */
	public List<Long> quiescentStates() {
		return quiescentHashes == null ? List.of() : Collections.unmodifiableList(quiescentHashes);
	}

	public ExplorationResult run() {
		long start = System.nanoTime();
		long deadline = start + limits.timeout().toNanos();
		long lastReport = start;
		int words = scenario.layout.words;
		StateStore store = new StateStore(words);
		VisitedSet visited = new VisitedSet(store);
		Map<Property, Violation> found = new EnumMap<>(Property.class);
		long[] current = new long[words];
		int max = machine.maxCandidates();
		int[] candidates = new int[max];
		long[][] successors = new long[max][words];
		int[] successorSteps = new int[max];
		int[] successorComponents = new int[max];
		int[] componentCounts = new int[Math.max(1, independence.lockFreeComponentCount())];
		int[] expand = new int[max];
		int[] hashes = new int[max];
		boolean reduce = limits.partialOrderReduction() && independence.lockFreeComponentCount() > 1;
		// Components that vector_lock may couple in this state: one of their steps touched it.
		boolean lockAware = reduce && scenario.vectorLockHeldAcrossSteps;
		boolean[] lockBound = new boolean[componentCounts.length];
		// vector_lock only delays components: one that takes or holds it may be chosen alone too.
		boolean lockOnlyDelays = lockAware && lockAwareReduction && independence.lockOnlyDelays();
		Symmetry canonical = symmetryReduction ? symmetry : null;

		long budget = limits.effectiveMaxBytes();
		long transitions = 0;
		int depth = 0;
		int levelEnd = 1;
		int quiescent = 0;
		int recorded = 0;
		String incomplete = null;
		int head = 0;
		try {
			if (!roomFor(1, store, visited, budget)) {
				incomplete = memoryLimitReached(budget);
			} else {
				long[] initial = scenario.initialState();
				if (canonical != null) {
					canonical.canonicalize(initial);
				}
				visited.findOrAdd(initial, -1, -1);
			}
			while (incomplete == null && head < store.size()) {
				if (head == levelEnd) {
					depth++;
					levelEnd = store.size();
				}
				if ((head & (CHECK_EVERY - 1)) == 0 && head > 0) {
					long now = System.nanoTime();
					if (now - deadline > 0) {
						incomplete = "timeout of " + org.irqdsl.runtime.sim.Seconds.text(limits.timeout()) + " s reached";
						break;
					}
					if (listener.cancelled()) {
						incomplete = "cancelled";
						break;
					}
					if (now - lastReport >= progressIntervalNanos) {
						lastReport = now;
						listener.onProgress(new Progress(store.size(), transitions, depth, store.size() - head,
								Duration.ofNanos(now - start)));
					}
				}
				// Stop before an expansion whose new chunk or table doubling would not fit the budget.
				if (!roomFor(max, store, visited, budget)) {
					incomplete = memoryLimitReached(budget);
					break;
				}
				store.load(head, current);
				int before = view.bind(current).violations();
				int n = machine.candidates(current, candidates);
				int produced = 0;
				boolean anyLockBound = false;
				for (int i = 0; i < n; i++) {
					long[] next = successors[produced];
					System.arraycopy(current, 0, next, 0, words);
					boolean enabled = machine.apply(next, candidates[i], EventSink.SILENT);
					int component = reduce ? independence.lockFreeComponentOf(machine.processOf(candidates[i])) : 0;
					if (lockAware && machine.touchedVectorLock()) {
						lockBound[component] = true;
						anyLockBound = true;
					}
					if (enabled) {
						successorSteps[produced] = candidates[i];
						successorComponents[produced] = component;
						produced++;
					}
				}
				if (produced == 0) {
					quiescent++;
					if (quiescentHashes != null) {
						quiescentHashes.add(fullHash(canonicalCopy(current)));
					}
					int bad = quiescence.violations(current) & ~recorded;
					for (Property p : bad == 0 ? NO_PROPERTIES : Property.values()) {
						if ((bad & p.bit()) != 0) {
							found.put(p, new Violation(p, path(store, head, -1), true));
							recorded |= p.bit();
						}
					}
					head++;
					continue;
				}
				int lockHolder = -1;
				if (lockOnlyDelays && anyLockBound) {
					int owner = view.bind(current).vectorLockOwner();
					lockHolder = owner < 0 ? FREE : independence.lockFreeComponentOf(owner);
				}
				int chosen = reduce ? chooseComponent(successorComponents, produced, componentCounts, lockBound, lockHolder)
						: -1;
				if (anyLockBound) {
					java.util.Arrays.fill(lockBound, false);
				}
				// The successors expanded, hashed and their table slots touched before any is looked up.
				int expanded = 0;
				for (int i = 0; i < produced; i++) {
					if (chosen >= 0 && successorComponents[i] != chosen) {
						continue;
					}
					// only the successors expanded are mapped to their orbit's representative: the
					// choice of a component does not depend on it (a permutation keeps components' sizes)
					if (canonical != null) {
						canonical.canonicalize(successors[i]);
					}
					int hash = VisitedSet.hash(successors[i]);
					visited.prefetch(hash);
					hashes[expanded] = hash;
					expand[expanded++] = i;
				}
				for (int e = 0; e < expanded; e++) {
					int i = expand[e];
					long[] next = successors[i];
					transitions++;
					int fresh = view.bind(next).violations() & ~before & ~recorded;
					if (fresh != 0) {
						for (Property p : Property.values()) {
							if ((fresh & p.bit()) != 0) {
								found.put(p, new Violation(p, path(store, head, successorSteps[i]), false));
								recorded |= p.bit();
							}
						}
					}
					int index = visited.findOrAdd(next, hashes[e], head, successorSteps[i]);
					if (index < 0 && store.size() >= limits.maxStates() && incomplete == null) {
						incomplete = "state limit of " + String.format("%,d", limits.maxStates()) + " reached";
					}
				}
				if (incomplete != null) {
					break;
				}
				head++;
			}
		} catch (OutOfMemoryError e) {
			// Last resort, when the rest of the program left less heap than the budget assumed: the
			// stored states go (the violations found keep their paths) and the run is incomplete.
			store.release();
			visited.release();
			incomplete = "memory limit reached: the Java heap of " + size(Runtime.getRuntime().maxMemory())
					+ " ran out";
		}
		sink = visited.sink();
		long elapsed = System.nanoTime() - start;
		double bytes = store.bytesPerState() + visited.bytesPerState();
		long held = store.allocatedBytes() + visited.allocatedBytes();
		return new ExplorationResult(found, incomplete == null, incomplete, store.size(), transitions, depth,
				Duration.ofNanos(elapsed), words, bytes, quiescent, held);
	}

	/** Whether expanding a state into up to {@code extra} new ones keeps the explorer's structures within {@code budget} bytes. */
	private static boolean roomFor(int extra, StateStore store, VisitedSet visited, long budget) {
		long more = store.bytesToAdd(extra) + visited.bytesToAdd(extra);
		return more == 0 || store.allocatedBytes() + visited.allocatedBytes() + more <= budget;
	}

	private static String memoryLimitReached(long budget) {
		return "memory limit of " + size(budget) + " reached";
	}

	/** Bytes as whole MB (MiB) from 1 MB on, else as bytes. */
	static String size(long bytes) {
		return bytes >= 1 << 20 ? String.format("%,d MB", bytes >> 20) : String.format("%,d bytes", bytes);
	}

	/** {@code lockHolder} when vector_lock is free. */
	private static final int FREE = -2;

	/**
	 * The component with the fewest enabled steps (ties: the lowest) among those none of whose
	 * steps touched vector_lock in this state, whose enabled steps form an ample set; -1 (expand
	 * everything) when there is none. With the lock-aware reduction ({@code lockHolder} is the
	 * component holding vector_lock, or {@link #FREE}; -1 when it does not apply) a component whose
	 * steps touched the lock is eligible too when the lock is free or its own.
	 */
	private static int chooseComponent(int[] components, int produced, int[] counts, boolean[] lockBound,
			int lockHolder) {
		for (int i = 0; i < produced; i++) {
			counts[components[i]]++;
		}
		int best = -1;
		for (int i = 0; i < produced; i++) {
			int c = components[i];
			if (lockBound[c] && !(lockHolder == FREE || lockHolder == c)) {
				continue;
			}
			if (best < 0 || counts[c] < counts[best] || (counts[c] == counts[best] && c < best)) {
				best = c;
			}
		}
		for (int i = 0; i < produced; i++) {
			counts[components[i]] = 0;
		}
		return best;
	}

	/** The state itself, or its orbit's representative when the scenario has a symmetry (so that tests compare like with like). */
	private long[] canonicalCopy(long[] state) {
		if (symmetry == null) {
			return state;
		}
		long[] copy = state.clone();
		symmetry.canonicalize(copy);
		return copy;
	}

	/**
	 * The steps from the initial state to the stored state {@code index} (and {@code lastStep} after
	 * it), as a real interleaving: with the symmetry reduction each stored step was taken from an
	 * orbit's representative, and is mapped back through the permutations that led there.
	 */
	private int[] path(StateStore store, int index, int lastStep) {
		int[] steps = storedPath(store, index, lastStep);
		if (!symmetryReduction || symmetry == null) {
			return steps;
		}
		long[] state = scenario.initialState();
		int[] toReal = inverse(symmetry.canonicalize(state) ? symmetry.moved().clone() : null, componentsOf(symmetry));
		for (int i = 0; i < steps.length; i++) {
			int step = steps[i];
			steps[i] = symmetry.mapStep(step, toReal);
			machine.apply(state, step, EventSink.SILENT);
			if (symmetry.canonicalize(state)) {
				int[] moved = symmetry.moved();
				int[] next = new int[toReal.length];
				for (int c = 0; c < toReal.length; c++) {
					next[moved[c]] = toReal[c];
				}
				toReal = next;
			}
		}
		return steps;
	}

	private static int componentsOf(Symmetry symmetry) {
		return symmetry.moved().length;
	}

	/** The inverse of a permutation (null: the identity of n). */
	private static int[] inverse(int[] permutation, int n) {
		int[] out = new int[n];
		for (int c = 0; c < n; c++) {
			out[permutation == null ? c : permutation[c]] = c;
		}
		return out;
	}

	private static int[] storedPath(StateStore store, int index, int lastStep) {
		int length = lastStep >= 0 ? 1 : 0;
		for (int i = index; store.parent(i) >= 0; i = store.parent(i)) {
			length++;
		}
		int[] steps = new int[length];
		int k = length - 1;
		if (lastStep >= 0) {
			steps[k--] = lastStep;
		}
		for (int i = index; store.parent(i) >= 0; i = store.parent(i)) {
			steps[k--] = store.step(i);
		}
		return steps;
	}

	private static long fullHash(long[] state) {
		long h = 1125899906842597L;
		for (long w : state) {
			h = 31 * h + w;
			h ^= h >>> 27;
		}
		return h;
	}
}
