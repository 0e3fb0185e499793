package org.irqdsl.runtime.sim.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Symmetry reduction: components of the scenario (the lock-free components of {@link Independence}:
 * a CPU thread, the device that raises, the CPUs and the irq it moves) that play the same role are
 * interchangeable, and a state is stored as the representative of its orbit: within each class of
 * isomorphic components the components' local states are sorted. Two components are isomorphic
 * when, with their threads, CPUs and irqs paired in index order, their irqs have the same
 * procedure, paths and attributes, their threads the same operations on paired entities, and
 * swapping them leaves the initial state unchanged. Vectors are never permuted: the allocator's
 * "lowest free vector" depends on their order. Off (null from {@link #of}) whenever a step may
 * choose by CPU order (a CPU offline, a set-affinity or request_irq without a CPU: "lowest online
 * CPU"), with a VMD or with pending moves. docs/simulator.md, "Symmetry reduction".
 */
public final class Symmetry {

	private enum Ref {
		PLAIN, CPU, IRQ_PLUS_ONE
	}

	private record Field(int handle, Ref ref) {
	}

	private final int cpuCount;
	private final int[] lockOwners;
	/** Each class: its components in ascending order (at least two). */
	private final int[][] classes;
	private final int[][] componentThreads;
	private final int[][] componentCpus;
	private final int[][] componentIrqs;
	private final int[] threadComponent;
	private final int[] threadPosition;
	private final int[] cpuComponent;
	private final int[] cpuPosition;
	private final int[] irqComponent;
	private final int[] irqPosition;
	private final Field[][] cpuFields;
	private final Field[][] irqFields;
	private final Field[][] threadFields;
	private final int componentCount;
	/** Where the content of each component went in the last {@link #canonicalize}. */
	private final int[] moved;
	/** Per class, a key buffer per member. */
	private final long[][][] classKeys;
	private static final byte REF_PLAIN = 0;
	private static final byte REF_CPU = 1;
	private static final byte REF_IRQ_PLUS_ONE = 2;
	/** Per component, the state fields of its key in order ({@link #flattenKeys}). */
	private final int[][] keyHandles;
	private final byte[][] keyRefs;
	private final int[] order;
	private long[] scratch = new long[0];

	private Symmetry(Scenario scenario, Independence independence) {
		StateLayout l = scenario.layout;
		cpuCount = scenario.cpuCount;
		lockOwners = l.lockOwner.clone();
		int threads = scenario.threads.length;
		int processes = threads + cpuCount + scenario.irqs.length;
		int count = 0;
		for (int p = 0; p < processes; p++) {
			count = Math.max(count, independence.lockFreeComponentOf(p) + 1);
		}
		componentCount = count;
		List<List<Integer>> t = lists(count);
		List<List<Integer>> c = lists(count);
		List<List<Integer>> q = lists(count);
		threadComponent = new int[threads];
		threadPosition = new int[threads];
		cpuComponent = new int[cpuCount];
		cpuPosition = new int[cpuCount];
		irqComponent = new int[scenario.irqs.length];
		irqPosition = new int[scenario.irqs.length];
		for (int p = 0; p < processes; p++) {
			int k = independence.lockFreeComponentOf(p);
			if (p < threads) {
				threadComponent[p] = k;
				threadPosition[p] = t.get(k).size();
				t.get(k).add(p);
			} else if (p < threads + cpuCount) {
				cpuComponent[p - threads] = k;
				cpuPosition[p - threads] = c.get(k).size();
				c.get(k).add(p - threads);
			} else {
				int j = p - threads - cpuCount;
				irqComponent[j] = k;
				irqPosition[j] = q.get(k).size();
				q.get(k).add(j);
			}
		}
		componentThreads = arrays(t);
		componentCpus = arrays(c);
		componentIrqs = arrays(q);
		cpuFields = new Field[cpuCount][];
		for (int x = 0; x < cpuCount; x++) {
			List<Field> f = new ArrayList<>(List.of(new Field(l.online[x], Ref.PLAIN), new Field(l.irr[x], Ref.PLAIN)));
			for (int owner : l.owner[x]) {
				if (owner != 0) { // a slot no irq may own has no field (Scenario#ownableSlots)
					f.add(new Field(owner, Ref.IRQ_PLUS_ONE));
				}
			}
			cpuFields[x] = f.toArray(new Field[0]);
		}
		irqFields = new Field[scenario.irqs.length][];
		for (int j = 0; j < irqFields.length; j++) {
			irqFields[j] = new Field[] {new Field(l.cpu[j], Ref.CPU), new Field(l.vec[j], Ref.PLAIN),
					new Field(l.prevCpu[j], Ref.CPU), new Field(l.prevVec[j], Ref.PLAIN), new Field(l.flags[j], Ref.PLAIN),
					new Field(l.depth[j], Ref.PLAIN), new Field(l.credit[j], Ref.PLAIN), new Field(l.devCpu[j], Ref.CPU),
					new Field(l.devVec[j], Ref.PLAIN), new Field(l.queuedCpu[j], Ref.CPU),
					new Field(l.queuedVec[j], Ref.PLAIN)};
		}
		threadFields = new Field[threads][];
		for (int x = 0; x < threads; x++) {
			threadFields[x] = new Field[] {new Field(l.op[x], Ref.PLAIN), new Field(l.stage[x], Ref.PLAIN),
					new Field(l.micro[x], Ref.PLAIN), new Field(l.cursor[x], Ref.PLAIN), new Field(l.path[x], Ref.PLAIN),
					new Field(l.threadFlags[x], Ref.PLAIN)};
		}
		moved = new int[count];
		keyHandles = new int[count][];
		keyRefs = new byte[count][];
		flattenKeys();
		order = new int[count];
		classes = classify(scenario);
		classKeys = new long[classes.length][][];
		for (int x = 0; x < classes.length; x++) {
			classKeys[x] = new long[classes[x].length][keyHandles[classes[x][0]].length + lockOwners.length];
		}
	}

	/** The symmetry of a scenario, or null when it has no two interchangeable components or may not be reduced. */
	public static Symmetry of(Scenario scenario, Independence independence) {
		if (scenario.hasOffline || scenario.hasVmd || scenario.hasPendingMoves) {
			return null;
		}
		for (ThreadProgram p : scenario.threads) {
			for (CompiledOp op : p.ops) {
				boolean choosesCpu = op.code() == CompiledOp.OpCode.SET_AFFINITY || op.code() == CompiledOp.OpCode.REQUEST_IRQ;
				if (choosesCpu && op.cpu() < 0) {
					return null; // the lowest online CPU: CPU order matters
				}
			}
		}
		Symmetry s = new Symmetry(scenario, independence);
		return s.classes.length == 0 ? null : s;
	}

	/** Classes of at least two components, each checked isomorphic to the class's first. */
	private int[][] classify(Scenario scenario) {
		boolean[] taken = new boolean[componentCount];
		List<int[]> out = new ArrayList<>();
		long[] initial = scenario.initialState();
		for (int a = 0; a < componentCount; a++) {
			if (taken[a]) {
				continue;
			}
			List<Integer> members = new ArrayList<>(List.of(a));
			for (int b = a + 1; b < componentCount; b++) {
				if (!taken[b] && isomorphic(scenario, a, b) && swapKeeps(initial, a, b)) {
					members.add(b);
					taken[b] = true;
				}
			}
			if (members.size() > 1) {
				out.add(members.stream().mapToInt(Integer::intValue).toArray());
			}
		}
		return out.toArray(new int[0][]);
	}

	private boolean isomorphic(Scenario scenario, int a, int b) {
		if (componentThreads[a].length != componentThreads[b].length || componentCpus[a].length != componentCpus[b].length
				|| componentIrqs[a].length != componentIrqs[b].length) {
			return false;
		}
		for (int p = 0; p < componentCpus[a].length; p++) {
			if (!sameOwnerSlots(scenario.layout, componentCpus[a][p], componentCpus[b][p])) {
				return false;
			}
		}
		for (int p = 0; p < componentIrqs[a].length; p++) {
			if (!sameIrq(scenario.irqs[componentIrqs[a][p]], scenario.irqs[componentIrqs[b][p]])) {
				return false;
			}
		}
		for (int p = 0; p < componentThreads[a].length; p++) {
			ThreadProgram x = scenario.threads[componentThreads[a][p]];
			ThreadProgram y = scenario.threads[componentThreads[b][p]];
			if (x.device != y.device || !sameCpu(x.cpu, y.cpu) || x.ops.length != y.ops.length) {
				return false;
			}
			for (int o = 0; o < x.ops.length; o++) {
				CompiledOp u = x.ops[o];
				CompiledOp v = y.ops[o];
				if (u.code() != v.code() || !sameIrqRef(u.irq(), v.irq()) || !sameCpu(u.cpu(), v.cpu())
						|| u.vector() != v.vector() || u.forwardPending() != v.forwardPending()) {
					return false;
				}
			}
		}
		return true;
	}

	/** Whether CPUs x and y have owner fields for the same vectors (their local states line up). */
	private static boolean sameOwnerSlots(StateLayout l, int x, int y) {
		for (int v = 0; v < l.owner[x].length; v++) {
			if ((l.owner[x][v] == 0) != (l.owner[y][v] == 0)) {
				return false;
			}
		}
		return true;
	}

	private boolean sameCpu(int x, int y) {
		return x < 0 || y < 0 ? x == y : cpuPosition[x] == cpuPosition[y];
	}

	private boolean sameIrqRef(int x, int y) {
		return x < 0 || y < 0 ? x == y : irqPosition[x] == irqPosition[y];
	}

	private static boolean sameIrq(IrqInfo x, IrqInfo y) {
		return x.ref.kind() == y.ref.kind() && x.maskable == y.maskable && x.canReserve == y.canReserve
				&& x.msiWrite == y.msiWrite && x.msiWriteMode == y.msiWriteMode
				&& Objects.equals(x.msiWriteProcedure, y.msiWriteProcedure) && Objects.equals(x.procedure, y.procedure)
				&& x.release == y.release && x.routedByController == y.routedByController && x.parentMasks == y.parentMasks
				&& !x.isVmd() && !y.isVmd() && !x.isVmdChild() && !y.isVmdChild() && Arrays.deepEquals(x.paths, y.paths);
	}

	/** Whether exchanging components a and b maps {@code state} onto itself. */
	private boolean swapKeeps(long[] state, int a, int b) {
		long[] copy = state.clone();
		int[] target = identity();
		target[a] = b;
		target[b] = a;
		permute(copy, target);
		return Arrays.equals(copy, state);
	}

	private int[] identity() {
		int[] id = new int[componentCount];
		for (int i = 0; i < componentCount; i++) {
			id[i] = i;
		}
		return id;
	}

	/** Components that are interchangeable, as classes of component indices (for tests and the documentation). */
	public int[][] classes() {
		return Arrays.stream(classes).map(int[]::clone).toArray(int[][]::new);
	}

	/**
	 * Replaces {@code state} by the representative of its orbit: in each class the components' local
	 * states sorted. Answers whether anything moved; {@link #moved()} tells where each component's
	 * content went.
	 */
	public boolean canonicalize(long[] state) {
		boolean any = false;
		for (int i = 0; i < componentCount; i++) {
			moved[i] = i;
		}
		for (int x = 0; x < classes.length; x++) {
			int[] members = classes[x];
			long[][] keys = classKeys[x];
			int n = members.length;
			for (int i = 0; i < n; i++) {
				key(state, members[i], keys[i]);
				order[i] = i;
			}
			// insertion sort of the members by key: classes are small, and most often already sorted
			boolean sorted = true;
			for (int i = 1; i < n; i++) {
				int o = order[i];
				int k = i - 1;
				while (k >= 0 && compare(keys[order[k]], keys[o]) > 0) {
					order[k + 1] = order[k];
					k--;
					sorted = false;
				}
				order[k + 1] = o;
			}
			if (!sorted) {
				// each member takes the local state (as its key holds it) of the one sorted to its place;
				// the classes' fields are disjoint, so this writes over nothing another class still reads
				for (int i = 0; i < n; i++) {
					if (order[i] != i) {
						write(state, members[i], keys[order[i]]);
					}
					moved[members[order[i]]] = members[i];
				}
				any = true;
			}
		}
		if (any) {
			for (int lock : lockOwners) {
				int owner = (int) BitFields.get(state, lock) - 1;
				if (owner >= 0 && owner < threadComponent.length) {
					int to = moved[threadComponent[owner]];
					BitFields.set(state, lock, componentThreads[to][threadPosition[owner]] + 1);
				}
			}
		}
		return any;
	}

	/** Writes a key (a local state, references by position) into component m's fields. */
	private void write(long[] w, int m, long[] key) {
		int[] handles = keyHandles[m];
		byte[] refs = keyRefs[m];
		for (int i = 0; i < handles.length; i++) {
			long v = key[i];
			switch (refs[i]) {
			case REF_CPU -> v = v < cpuCount ? componentCpus[m][(int) v] : v;
			case REF_IRQ_PLUS_ONE -> v = v == 0 ? 0 : componentIrqs[m][(int) v - 1] + 1;
			default -> {
			}
			}
			BitFields.set(w, handles[i], v);
		}
	}

	/** Where the content of each component went in the last {@link #canonicalize} (identity when nothing moved). */
	public int[] moved() {
		return moved;
	}

	/** The step {@code step} with its thread, CPU or irq taken to the component {@code target[c]} of its component c. */
	public int mapStep(int step, int[] target) {
		int kind = Step.kind(step);
		int subject = Step.subject(step);
		int mapped = switch (kind) {
		case Step.THREAD -> componentThreads[target[threadComponent[subject]]][threadPosition[subject]];
		case Step.TAKE, Step.FLOW, Step.MOVER -> componentCpus[target[cpuComponent[subject]]][cpuPosition[subject]];
		default -> componentIrqs[target[irqComponent[subject]]][irqPosition[subject]];
		};
		return Step.of(kind, mapped, Step.vector(step));
	}

	/** The local state of component m, its references to its own CPUs and irqs by position. */
	private long[] key(long[] w, int m, long[] into) {
		int[] handles = keyHandles[m];
		byte[] refs = keyRefs[m];
		int size = handles.length + lockOwners.length;
		long[] key = into != null && into.length == size ? into : new long[size];
		int i = 0;
		for (; i < handles.length; i++) {
			long v = BitFields.get(w, handles[i]);
			switch (refs[i]) {
			case REF_CPU -> key[i] = v < cpuCount ? cpuPosition[(int) v] : v;
			case REF_IRQ_PLUS_ONE -> key[i] = v == 0 ? 0 : irqPosition[(int) v - 1] + 1;
			default -> key[i] = v;
			}
		}
		for (int lock : lockOwners) {
			int owner = (int) BitFields.get(w, lock) - 1;
			key[i++] = owner >= 0 && threadComponent[owner] == m ? threadPosition[owner] + 1 : 0;
		}
		return key;
	}

	/** The fields of {@link #key}, flattened once: each component's CPUs', irqs' and threads' fields, and how each refers. */
	private void flattenKeys() {
		for (int m = 0; m < componentCount; m++) {
			List<Field> fields = new ArrayList<>();
			for (int c : componentCpus[m]) {
				fields.addAll(List.of(cpuFields[c]));
			}
			for (int j : componentIrqs[m]) {
				fields.addAll(List.of(irqFields[j]));
			}
			for (int t : componentThreads[m]) {
				for (Field f : threadFields[t]) {
					fields.add(new Field(f.handle, Ref.PLAIN));
				}
			}
			keyHandles[m] = new int[fields.size()];
			keyRefs[m] = new byte[fields.size()];
			for (int i = 0; i < fields.size(); i++) {
				keyHandles[m][i] = fields.get(i).handle;
				keyRefs[m][i] = switch (fields.get(i).ref) {
				case PLAIN -> REF_PLAIN;
				case CPU -> REF_CPU;
				case IRQ_PLUS_ONE -> REF_IRQ_PLUS_ONE;
				};
			}
		}
	}

	private long relative(Field f, long v) {
		return switch (f.ref) {
		case PLAIN -> v;
		case CPU -> v < cpuCount ? cpuPosition[(int) v] : v;
		case IRQ_PLUS_ONE -> v == 0 ? 0 : irqPosition[(int) v - 1] + 1;
		};
	}

	private long absolute(Field f, long v, int component) {
		return switch (f.ref) {
		case PLAIN -> v;
		case CPU -> v < cpuCount ? componentCpus[component][cpuPosition[(int) v]] : v;
		case IRQ_PLUS_ONE -> v == 0 ? 0 : componentIrqs[component][irqPosition[(int) v - 1]] + 1;
		};
	}

	private static int compare(long[] a, long[] b) {
		for (int i = 0; i < a.length; i++) {
			if (a[i] != b[i]) {
				return Long.compare(a[i], b[i]);
			}
		}
		return 0;
	}

	/** Moves the content of each component c to component target[c] (paired entities by position). */
	private void permute(long[] w, int[] target) {
		if (scratch.length != w.length) {
			scratch = new long[w.length];
		}
		long[] out = scratch;
		System.arraycopy(w, 0, out, 0, w.length);
		for (int from = 0; from < componentCount; from++) {
			int to = target[from];
			if (to == from) {
				continue;
			}
			for (int p = 0; p < componentCpus[from].length; p++) {
				copy(w, out, cpuFields[componentCpus[from][p]], cpuFields[componentCpus[to][p]], to);
			}
			for (int p = 0; p < componentIrqs[from].length; p++) {
				copy(w, out, irqFields[componentIrqs[from][p]], irqFields[componentIrqs[to][p]], to);
			}
			for (int p = 0; p < componentThreads[from].length; p++) {
				copy(w, out, threadFields[componentThreads[from][p]], threadFields[componentThreads[to][p]], to);
			}
		}
		for (int lock : lockOwners) {
			int owner = (int) BitFields.get(w, lock) - 1;
			if (owner >= 0 && owner < threadComponent.length) {
				int to = target[threadComponent[owner]];
				BitFields.set(out, lock, componentThreads[to][threadPosition[owner]] + 1);
			}
		}
		System.arraycopy(out, 0, w, 0, w.length);
	}

	private void copy(long[] from, long[] to, Field[] source, Field[] dest, int component) {
		for (int i = 0; i < source.length; i++) {
			BitFields.set(to, dest[i].handle, absolute(source[i], BitFields.get(from, source[i].handle), component));
		}
	}

	private static List<List<Integer>> lists(int n) {
		List<List<Integer>> out = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			out.add(new ArrayList<>());
		}
		return out;
	}

	private static int[][] arrays(List<List<Integer>> lists) {
		return lists.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
	}
}
