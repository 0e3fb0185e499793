package org.irqdsl.runtime.sim.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the schema cannot say: references to declared devices, entries and CPUs, vectors inside the
 * vector range, consistent path settings, and the simulator's size limits. Pointers are those of
 * the config's JSON form, so a config built in Java is reported the same way.
 */
public final class SimConfigChecks {

	/** At most this many distinct entries (irqs) take part in one scenario. */
	public static final int MAX_IRQS = 62;
	/** At most this many threads. */
	public static final int MAX_THREADS = 30;
	/** At most this many CPUs. */
	public static final int MAX_CPUS = 30;

	private final SimConfig config;
	private final List<ConfigProblem> problems = new ArrayList<>();
	private final Set<Integer> cpuIds = new HashSet<>();
	private final Map<String, DeviceSpec> devices = new HashMap<>();
	private final Map<EntryRef, String> vmdChildren = new HashMap<>();
	private final Set<EntryRef> placed = new HashSet<>();
	private final Set<EntryRef> referenced = new LinkedHashSet<>();

	private SimConfigChecks(SimConfig config) {
		this.config = config;
	}

	/** Every problem of {@code config}; empty when the simulator can run it. */
	public static List<ConfigProblem> check(SimConfig config) {
		SimConfigChecks c = new SimConfigChecks(config);
		c.run();
		return c.problems;
	}

	private void run() {
		checkCpus();
		checkVectors();
		checkDevices();
		checkInitially();
		checkThreads();
		if (referenced.size() > MAX_IRQS) {
			problem("", "the scenario uses " + referenced.size() + " entries; the simulator handles at most " + MAX_IRQS);
		}
	}

	private void checkCpus() {
		if (config.cpus().isEmpty()) {
			problem("/cpus", "at least one CPU is needed");
		}
		if (config.cpus().size() > MAX_CPUS) {
			problem("/cpus", "at most " + MAX_CPUS + " CPUs are simulated, found " + config.cpus().size());
		}
		for (CpuSpec cpu : config.cpus()) {
			if (!cpuIds.add(cpu.id())) {
				problem("/cpus", "CPU " + cpu.id() + " listed twice");
			}
		}
		if (config.cpus().stream().noneMatch(CpuSpec::online)) {
			problem("/cpus/offline", "at least one CPU must be online");
		}
	}

	private void checkVectors() {
		VectorRange v = config.vectors();
		if (v.first() > v.last() || v.first() < 0 || v.last() > 255) {
			problem("/vectors", "expected 0 <= first <= last <= 0xff, found " + v);
		}
	}

	/**
	 * Most paths a procedure may have (the state's path field, 3 bits, holds index + 1 and one more
	 * for the empty path), and most distinct locks a scenario's procedures may name.
	 */
	public static final int MAX_PROCEDURE_PATHS = 6;
	public static final int MAX_LOCKS = 4;

	private void checkProcedure(Procedure p, boolean remap, String at) {
		if (p.paths().size() > MAX_PROCEDURE_PATHS) {
			problem(at + "/paths", "at most " + MAX_PROCEDURE_PATHS + " paths are simulated, found " + p.paths().size());
		}
		if (remap && p.writesMessage()) {
			problem(at, "with interrupt remapping the message targets the IRTE and never changes: procedure "
					+ p.name() + " writes the message");
		}
		java.util.Set<String> locks = new java.util.TreeSet<>();
		config.devices().stream().filter(d -> d.procedure() != null)
				.flatMap(d -> d.procedure().paths().stream()).flatMap(path -> path.steps().stream())
				.filter(st -> st.lock() != null).forEach(st -> locks.add(st.lock()));
		locks.add("vector_lock");
		if (locks.size() > MAX_LOCKS) {
			problem(at, "at most " + MAX_LOCKS + " locks (vector_lock included) are simulated, the procedures name "
					+ String.join(", ", locks));
		}
	}

	private void checkDevices() {
		for (int i = 0; i < config.devices().size(); i++) {
			DeviceSpec d = config.devices().get(i);
			String at = "/devices/" + i;
			if (devices.putIfAbsent(d.name(), d) != null) {
				problem(at + "/name", "device \"" + d.name() + "\" declared twice");
			}
			if (d.capability() == EntryKind.MSIX && !d.maskable()) {
				problem(at + "/maskable", "MSI-X entries are always maskable (PCI spec); remove \"maskable\": false");
			}
			if (d.procedure() != null) {
				checkProcedure(d.procedure(), d.remap(), at + "/procedure");
			} else if (d.remap() && d.affinityUpdate().writesMessage()) {
				problem(at + "/affinityUpdate", "with interrupt remapping the message targets the IRTE and never changes: "
						+ "expected \"remap\", found \"" + d.affinityUpdate().jsonName() + "\"");
			}
			if (d.procedure() == null && !d.remap() && d.affinityUpdate() == AffinityUpdate.REMAP) {
				problem(at + "/remap", "\"affinityUpdate\": \"remap\" needs interrupt remapping on the path (\"remap\": true)");
			}
		}
		for (int i = 0; i < config.devices().size(); i++) {
			DeviceSpec d = config.devices().get(i);
			if (d.vmd() == null) {
				continue;
			}
			String at = "/devices/" + i + "/vmd";
			if (d.capability() != EntryKind.MSIX) {
				problem("/devices/" + i + "/capability", "a VMD multiplexes its children on its MSI-X vectors: expected \"msi-x\"");
			}
			for (int c = 0; c < d.vmd().children().size(); c++) {
				VmdChild child = d.vmd().children().get(c);
				String cat = at + "/children/" + c;
				if (resolve(child.entry(), cat + "/entry")) {
					if (child.entry().device().equals(d.name())) {
						problem(cat + "/entry", "a VMD's own entry cannot be its child");
					} else if (vmdChildren.putIfAbsent(child.entry(), d.name()) != null) {
						problem(cat + "/entry", child.entry() + " is already a child of VMD " + vmdChildren.get(child.entry()));
					}
				}
				if (child.vmdVector() >= d.count()) {
					problem(cat + "/vmdVector", d.name() + " has " + d.count() + " MSI-X vector(s): expected 0.."
							+ (d.count() - 1) + ", found " + child.vmdVector());
				} else {
					referenced.add(new EntryRef(d.name(), EntryKind.MSIX, child.vmdVector()));
				}
			}
		}
	}

	private void checkInitially() {
		Map<String, EntryRef> targets = new HashMap<>();
		for (int i = 0; i < config.initially().size(); i++) {
			Placement p = config.initially().get(i);
			String at = "/initially/" + i;
			if (resolve(p.entry(), at + "/entry")) {
				if (vmdChildren.containsKey(p.entry())) {
					problem(at + "/entry", p.entry() + " is a child of VMD " + vmdChildren.get(p.entry())
							+ ": it has no CPU or vector of its own (MSI_FLAG_NO_AFFINITY)");
				}
				if (!placed.add(p.entry())) {
					problem(at + "/entry", p.entry() + " placed twice");
				}
			}
			checkCpu(p.cpu(), at + "/cpu");
			checkVector(p.vector(), at + "/vector");
			EntryRef other = targets.putIfAbsent(p.cpu() + ":" + p.vector(), p.entry());
			if (other != null) {
				problem(at + "/vector", String.format("cpu %d vector 0x%x already belongs to %s", p.cpu(), p.vector(), other));
			}
		}
	}

	private void checkThreads() {
		if (config.threads().size() > MAX_THREADS) {
			problem("/threads", "at most " + MAX_THREADS + " threads are simulated, found " + config.threads().size());
		}
		Set<EntryRef> requested = new HashSet<>();
		for (int t = 0; t < config.threads().size(); t++) {
			ThreadSpec thread = config.threads().get(t);
			String at = "/threads/" + t;
			if (thread instanceof ThreadSpec.CpuThread cpuThread) {
				checkCpu(cpuThread.cpu(), at + "/cpu");
			} else if (thread instanceof ThreadSpec.DeviceThread deviceThread && !devices.containsKey(deviceThread.device())) {
				problem(at + "/device", "no device \"" + deviceThread.device() + "\" (devices: " + deviceNames() + ")");
				continue;
			}
			for (int o = 0; o < thread.ops().size(); o++) {
				checkOp(thread.ops().get(o), at + "/ops/" + o, requested);
			}
		}
	}

	private void checkOp(Op op, String at, Set<EntryRef> requested) {
		if (op instanceof Op.SetAffinity s) {
			// a VMD child's set-affinity is simulated: the kernel refuses it with -EINVAL (MoveEngine)
			resolve(s.entry(), at + "/entry");
			checkCpu(s.cpu(), at + "/cpu");
			if (s.vector() != null) {
				checkVector(s.vector(), at + "/vector");
			}
		} else if (op instanceof Op.RequestIrq r) {
			if (resolve(r.entry(), at + "/entry")) {
				if (placed.contains(r.entry())) {
					problem(at + "/entry", r.entry() + " is already requested (see \"initially\")");
				} else if (vmdChildren.containsKey(r.entry())) {
					problem(at + "/entry", r.entry() + " is a child of VMD " + vmdChildren.get(r.entry())
							+ " and requested when the scenario starts");
				} else if (!requested.add(r.entry())) {
					problem(at + "/entry", r.entry() + " requested twice");
				}
			}
			if (r.cpu() != null) {
				checkCpu(r.cpu(), at + "/cpu");
			}
			if (r.vector() != null) {
				checkVector(r.vector(), at + "/vector");
			}
		} else if (op instanceof Op.FreeIrq f) {
			resolve(f.entry(), at + "/entry");
		} else if (op instanceof Op.EnableIrq e) {
			resolve(e.entry(), at + "/entry");
		} else if (op instanceof Op.DisableIrq d) {
			resolve(d.entry(), at + "/entry");
		} else if (op instanceof Op.OfflineCpu off) {
			checkCpu(off.cpu(), at + "/cpu");
		} else if (op instanceof Op.OnlineCpu on) {
			checkCpu(on.cpu(), at + "/cpu");
		} else if (op instanceof Op.Raise r) {
			resolve(r.entry(), at + "/entry");
			if (r.times() < 1) {
				problem(at + "/times", "must be at least 1, found " + r.times());
			}
		}
	}

	/** Whether {@code ref} names an existing entry; reports why not. */
	private boolean resolve(EntryRef ref, String at) {
		DeviceSpec d = devices.get(ref.device());
		if (d == null) {
			problem(at, "no device \"" + ref.device() + "\" (devices: " + deviceNames() + ")");
			return false;
		}
		if (d.capability() != ref.kind()) {
			problem(at, ref.device() + " has " + d.capability().jsonName() + ", not " + ref.kind().jsonName()
					+ ": expected " + ref.device() + "." + d.capability().jsonName() + "[" + ref.index() + "]");
			return false;
		}
		if (ref.index() >= d.count()) {
			problem(at, ref.device() + " has " + d.count() + " " + d.capability().jsonName() + " entr"
					+ (d.count() == 1 ? "y" : "ies") + ": expected index 0.." + (d.count() - 1) + ", found " + ref.index());
			return false;
		}
		referenced.add(ref);
		return true;
	}

	private void checkCpu(int id, String at) {
		if (!cpuIds.contains(id)) {
			problem(at, "CPU " + id + " is not a CPU of the platform (CPUs: "
					+ config.cpus().stream().map(c -> String.valueOf(c.id())).collect(Collectors.joining(", ")) + ")");
		}
	}

	private void checkVector(int vector, String at) {
		if (!config.vectors().contains(vector)) {
			problem(at, String.format("vector 0x%x is outside the vector range %s", vector, config.vectors()));
		}
	}

	private String deviceNames() {
		return config.devices().stream().map(DeviceSpec::name).collect(Collectors.joining(", "));
	}

	private void problem(String where, String message) {
		problems.add(new ConfigProblem(where, message));
	}
}
