package org.irqdsl.generator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import static org.irqdsl.analysis.JsonNames.literal;

import org.irqdsl.analysis.DevicePath;
import org.irqdsl.analysis.ProcedureInEffect;
import org.irqdsl.analysis.Procedures;
import org.irqdsl.analysis.DomainFacts;
import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.analysis.Written;
import org.irqdsl.irqDsl.Bus;
import org.irqdsl.irqDsl.Concurrently;
import org.irqdsl.irqDsl.CpuOperation;
import org.irqdsl.irqDsl.CpuThread;
import org.irqdsl.irqDsl.Device;
import org.irqdsl.irqDsl.DeviceThread;
import org.irqdsl.irqDsl.DisableIrq;
import org.irqdsl.irqDsl.Domain;
import org.irqdsl.irqDsl.EnableIrq;
import org.irqdsl.irqDsl.FreeIrq;
import org.irqdsl.irqDsl.Initially;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.irqDsl.OfflineCpu;
import org.irqdsl.irqDsl.OnlineCpu;
import org.irqdsl.irqDsl.Platform;
import org.irqdsl.irqDsl.Raise;
import org.irqdsl.irqDsl.RequestIrq;
import org.irqdsl.irqDsl.Scenario;
import org.irqdsl.irqDsl.ScenarioThread;
import org.irqdsl.irqDsl.SetAffinity;
import org.irqdsl.irqDsl.Vmd;
import org.irqdsl.runtime.kernel.MsiFlag;
import org.irqdsl.runtime.kernel.MsiLib;
import org.irqdsl.runtime.sim.config.AffinityUpdate;
import org.irqdsl.runtime.sim.config.ConfigProblem;
import org.irqdsl.runtime.sim.config.CpuSpec;
import org.irqdsl.runtime.sim.config.DeviceSpec;
import org.irqdsl.runtime.sim.config.EntryKind;
import org.irqdsl.runtime.sim.config.EntryRef;
import org.irqdsl.runtime.sim.config.Expectation;
import org.irqdsl.runtime.sim.config.JsonName;
import org.irqdsl.runtime.sim.config.MsiWrite;
import org.irqdsl.runtime.sim.config.Op;
import org.irqdsl.runtime.sim.config.Placement;
import org.irqdsl.runtime.sim.config.Property;
import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.sim.config.SimConfigChecks;
import org.irqdsl.runtime.sim.config.ThreadSpec;
import org.irqdsl.runtime.sim.config.VmdChild;
import org.irqdsl.runtime.sim.config.VmdSpec;
import org.irqdsl.runtime.sim.config.VmdTeardown;

/**
 * Maps one scenario and its platform to the simulator's config ({@link SimConfig}): the
 * platform's CPUs with their online state, every device the scenario touches with what its path
 * to the CPU decides (strategy, remapping, message write, cleanup, retrigger, parent masking, VMD
 * children), the initial placements, the threads and the expectations. What the simulator cannot
 * model is returned as {@link GenerationProblem}s at the element that says it.
 * <p>
 * A device's strategy is decided by the nearest domain on its path that says anything about it:
 * a declared {@code affinity-update}, else an interrupt-remapping kind (DMAR, AMDVI: {@code remap},
 * the message targets the IRTE), else an immutable message (GIC ITS, IRQ_DOMAIN_FLAG_MSI_IMMUTABLE);
 * a path where none does is {@code direct} (DESIGN.md, normative core).
 */
public final class IrqDslSimConfigGenerator {

	private final Scenario scenario;
	private final PlatformFacts facts;
	private final List<GenerationProblem> problems = new ArrayList<>();
	private final List<String> notes = new ArrayList<>();
	/** Devices the config declares, by name, in the order they are first used. */
	private final Map<String, DeviceSpec> devices = new LinkedHashMap<>();
	private final Map<String, EntryKind> kinds = new LinkedHashMap<>();
	private final List<Placement> placements = new ArrayList<>();
	private final List<Device> vmds = new ArrayList<>();
	private SimVectorWindow window;

	private IrqDslSimConfigGenerator(Scenario scenario, PlatformFacts facts) {
		this.scenario = scenario;
		this.facts = facts;
	}

	/** The config of {@code scenario}; its platform's facts are computed here. */
	public static GeneratedSimConfig generate(Scenario scenario) {
		Platform p = scenario.getPlatform();
		if (p == null || p.eIsProxy()) {
			return new GeneratedSimConfig(scenario.getName(), Optional.empty(), List.of(new GenerationProblem(scenario,
					IrqDslPackage.Literals.SCENARIO__PLATFORM, "the scenario's platform is unknown")), List.of());
		}
		return generate(scenario, new PlatformFacts(p));
	}

	/**
	 * The config of {@code scenario}, given its platform's facts (shared with the validator's checks):
	 * generated once per facts, so scenario-not-simulable and the simulation share it.
	 */
	public static GeneratedSimConfig generate(Scenario scenario, PlatformFacts facts) {
		return facts.derived(java.util.List.of(GeneratedSimConfig.class, scenario), GeneratedSimConfig.class,
				() -> new IrqDslSimConfigGenerator(scenario, facts).run());
	}

	private GeneratedSimConfig run() {
		window = SimVectorWindow.of(vectorDomain());
		List<CpuSpec> cpus = cpus();
		collectKinds();
		for (String name : kinds.keySet()) {
			device(name);
		}
		for (Initially init : scenario.getInitially()) {
			entry(init.getEntry()).ifPresent(ref -> placements.add(new Placement(ref, init.getCpu(),
					vector(init.getVector(), init, IrqDslPackage.Literals.INITIALLY__VECTOR))));
		}
		placeVmdVectors(cpus);
		List<ThreadSpec> threads = threads();
		List<Expectation> expectations = scenario.getExpectations().stream()
				.map(e -> new Expectation(literal(Property.class, e.getProperty().getLiteral()), !e.isNegated())).toList();
		if (!problems.isEmpty()) {
			return new GeneratedSimConfig(scenario.getName(), Optional.empty(), problems, notes);
		}
		SimConfig config = new SimConfig(scenario.getName(), facts.platform().getName(), cpus, window.range(),
				new ArrayList<>(devices.values()), placements, threads, expectations,
				Procedures.hotUnplug(facts.platform()));
		// what only the engine knows (its size limits, consistency): reported on the scenario's name
		for (ConfigProblem p : SimConfigChecks.check(config)) {
			problem(scenario, IrqDslPackage.Literals.TOP_LEVEL__NAME, "the simulator cannot run this scenario: " + p.message()
					+ (p.where().isEmpty() ? "" : " (config " + p.where() + ")"));
		}
		return new GeneratedSimConfig(scenario.getName(), problems.isEmpty() ? Optional.of(config) : Optional.empty(),
				problems, notes);
	}

	// ---- CPUs and vectors -----------------------------------------------------------------------------

	/**
	 * The CPUs the scenario can touch: every CPU it names (placements, threads, targets, CPUs taken
	 * offline or online), and the lowest online CPU it does not name, which stands for all the others:
	 * the kernel's choices that the model makes by "lowest online CPU" (request_irq() without a CPU,
	 * the migration target of a hot-unplug, where a VMD's vectors go) pick it exactly as they would
	 * among every CPU. The state then does not grow with CPUs the scenario never names, so a 256-CPU
	 * server simulates like a small machine.
	 */
	private List<CpuSpec> cpus() {
		var present = facts.cpus().present();
		var online = facts.cpus().online();
		java.util.TreeSet<Integer> named = new java.util.TreeSet<>();
		scenario.eAllContents().forEachRemaining(o -> {
			if (o instanceof Initially i) {
				named.add(i.getCpu());
			} else if (o instanceof org.irqdsl.irqDsl.CpuThread t) {
				named.add(t.getCpu());
			} else if (o instanceof org.irqdsl.irqDsl.SetAffinity sa) {
				named.add(sa.getCpu());
			} else if (o instanceof org.irqdsl.irqDsl.OfflineCpu off) {
				named.add(off.getCpu());
			} else if (o instanceof org.irqdsl.irqDsl.OnlineCpu on) {
				named.add(on.getCpu());
			}
		});
		java.util.TreeSet<Integer> simulated = new java.util.TreeSet<>();
		for (int c : named) {
			if (c >= 0 && present.get(c)) {
				simulated.add(c);
			}
		}
		for (int c = online.nextSetBit(0); c >= 0; c = online.nextSetBit(c + 1)) {
			if (present.get(c) && !named.contains(c)) {
				simulated.add(c); // the representative of the CPUs the scenario does not name
				break;
			}
		}
		if (simulated.size() > SimConfigChecks.MAX_CPUS) {
			problem(scenario, IrqDslPackage.Literals.TOP_LEVEL__NAME, "scenario " + scenario.getName() + " names "
					+ (simulated.size() - 1) + " CPUs; the simulator handles at most " + SimConfigChecks.MAX_CPUS
					+ " (the named ones and one that stands for the others)");
			return List.of();
		}
		if (simulated.size() < present.cardinality()) {
			notes.add("scenario " + scenario.getName() + ": simulates CPUs " + simulated.stream().map(String::valueOf)
					.collect(java.util.stream.Collectors.joining(", ")) + " of " + present.cardinality()
					+ " (the CPUs it names, and the lowest other online CPU standing for the rest)");
		}
		List<CpuSpec> out = new ArrayList<>();
		for (int c : simulated) {
			out.add(new CpuSpec(c, online.get(c)));
		}
		return out;
	}

	/** The root domain that gives the vectors: that of the first device the scenario uses with a declared range. */
	private Optional<Domain> vectorDomain() {
		List<Device> used = new ArrayList<>();
		scenario.eAllContents().forEachRemaining(o -> {
			if (o instanceof org.irqdsl.irqDsl.EntryRef r && r.getDevice() != null && !r.getDevice().eIsProxy()) {
				used.add(r.getDevice());
			} else if (o instanceof DeviceThread t && t.getDevice() != null && !t.getDevice().eIsProxy()) {
				used.add(t.getDevice());
			}
		});
		for (Device d : used) {
			Optional<Domain> root = facts.path(vmdOf(d).orElse(d)).flatMap(DevicePath::root)
					.filter(r -> Written.isWritten(r, IrqDslPackage.Literals.DOMAIN__VECTOR_FIRST));
			if (root.isPresent()) {
				return root;
			}
		}
		return Optional.empty();
	}

	private int vector(int value, EObject source, EStructuralFeature feature) {
		Optional<Integer> v = window.toSim(value);
		if (v.isEmpty()) {
			problem(source, feature, window.outside(value));
			return 0;
		}
		return v.get();
	}

	// ---- devices ----------------------------------------------------------------------------------------

	/** The capability each used device's entries come from; a device's MSI and MSI-X entries cannot be mixed. */
	private void collectKinds() {
		scenario.eAllContents().forEachRemaining(o -> {
			if (o instanceof org.irqdsl.irqDsl.EntryRef r && r.getDevice() != null && !r.getDevice().eIsProxy()) {
				kind(r.getDevice(), kindOf(r.getKind()), r, IrqDslPackage.Literals.ENTRY_REF__KIND);
				granted(r.getDevice(), kindOf(r.getKind()), r.getIndex(), r, IrqDslPackage.Literals.ENTRY_REF__INDEX);
			} else if (o instanceof Raise r && r.eContainer() instanceof DeviceThread t && t.getDevice() != null
					&& !t.getDevice().eIsProxy()) {
				kind(t.getDevice(), kindOf(r.getKind()), r, IrqDslPackage.Literals.RAISE__KIND);
				granted(t.getDevice(), kindOf(r.getKind()), r.getIndex(), r, IrqDslPackage.Literals.RAISE__INDEX);
			}
		});
	}

	/**
	 * An MSI entry past the first exists only when MSI_FLAG_MULTI_PCI_MSI survives the parent's flags
	 * (msi_lib_init_dev_msi_info(): flags &= supported); otherwise pci_alloc_irq_vectors() gets one
	 * vector and msi[1..] is never granted, so it is not simulated as if it were.
	 */
	private void granted(Device device, EntryKind kind, int index, EObject source, EStructuralFeature feature) {
		if (kind != EntryKind.MSI || index < 1) {
			return;
		}
		facts.path(device).filter(p -> p.msiParent().isPresent()
				&& !p.has(MsiLib.PCI_MSI_TEMPLATE_FLAGS, MsiFlag.MSI_FLAG_MULTI_PCI_MSI)).ifPresent(p -> problem(source, feature,
						device.getName() + ".msi[" + index + "] is never granted: MSI_FLAG_MULTI_PCI_MSI is not in effect under MSI parent "
								+ p.msiParent().get().getName() + " (msi_lib: flags &= supported), so the device gets one MSI vector"));
	}

	private void kind(Device device, EntryKind kind, EObject source, EStructuralFeature feature) {
		EntryKind before = kinds.putIfAbsent(device.getName(), kind);
		if (before != null && before != kind) {
			problem(source, feature, "the simulator models one capability per device: " + device.getName() + " is used with "
					+ before.jsonName() + " and " + kind.jsonName() + " entries in this scenario");
		}
	}

	private void device(String name) {
		Device device = deviceNamed(name);
		if (device == null || devices.containsKey(name)) {
			return;
		}
		if (device.getVmd() != null) {
			vmdDevice(device);
			return;
		}
		Optional<Device> vmd = vmdOf(device);
		if (vmd.isPresent()) {
			int before = problems.size();
			vmdDevice(vmd.get());
			if (!devices.containsKey(name) && problems.size() == before) {
				problem(device, IrqDslPackage.Literals.DEVICE__NAME, device.getName()
						+ " is behind VMD " + vmd.get().getName() + " but has no MSI or MSI-X entry for it to multiplex");
			}
			return;
		}
		DevicePath path = facts.path(device).orElse(null);
		if (path == null) {
			return;
		}
		EntryKind kind = kinds.getOrDefault(name, device.getVmd() != null ? EntryKind.MSIX : EntryKind.MSI);
		devices.put(name, spec(path, kind, null));
	}

	private DeviceSpec spec(DevicePath path, EntryKind kind, VmdSpec vmd) {
		Device d = path.device();
		boolean msix = kind == EntryKind.MSIX;
		int count = msix ? (d.getMsix() == null ? 1 : Math.max(d.getMsix().getCount(), 1))
				: (d.getMsi() == null ? 1 : Math.max(d.getMsi().getCount(), 1));
		ProcedureInEffect proc = path.procedure();
		AffinityUpdate update = proc.keyword().orElse(AffinityUpdate.DIRECT);
		return new DeviceSpec(d.getName(), d.getAddress(), kind, count, path.entriesMaskable(msix),
				path.msiWriteMode(), update, path.vectorCleanup(), path.retrigger(),
				path.movesByRemapEntry(), path.parentMasks(), vmd, proc.procedure(), path.msiWriteProcedure().orElse(null));
	}

	// ---- VMD (seed 004) -----------------------------------------------------------------------------

	/** The VMD whose child bus holds {@code device}, unless the VMD bypasses (the child then has its own path). */
	private static Optional<Device> vmdOf(Device device) {
		if (device.eContainer() instanceof Bus bus && bus.eContainer() instanceof Vmd vmd && !vmd.isBypass()
				&& vmd.eContainer() instanceof Device parent) {
			return Optional.of(parent);
		}
		return Optional.empty();
	}

	/** The VMD and every child interrupt on its list, placed by its mapping policy. */
	private void vmdDevice(Device vmdDevice) {
		if (devices.containsKey(vmdDevice.getName())) {
			return;
		}
		DevicePath path = facts.path(vmdDevice).orElse(null);
		if (path == null) {
			return;
		}
		Vmd vmd = vmdDevice.getVmd();
		int count = vmdDevice.getMsix() == null ? 1 : Math.max(vmdDevice.getMsix().getCount(), 1);
		if (VmdVectorMapping.firstUsable(vmd) >= count) {
			problem(vmd, IrqDslPackage.Literals.VMD__OFFSET_FIRST_VECTOR, "VMD " + vmdDevice.getName() + " has " + count
					+ " MSI-X vector(s) and offset-first-vector leaves none for its children: give the VMD's msi-x a count");
			return;
		}
		List<VmdVectorMapping.Child> children = new ArrayList<>();
		List<DeviceSpec> childSpecs = new ArrayList<>();
		for (Bus bus : vmd.getBuses()) {
			for (Device child : bus.getDevices()) {
				Optional<DevicePath> childPath = facts.path(child);
				if (childPath.isEmpty() || (child.getMsi() == null && child.getMsix() == null)) {
					continue;
				}
				EntryKind kind = kinds.getOrDefault(child.getName(),
						childPath.get().usesMsi() || child.getMsix() == null ? EntryKind.MSI : EntryKind.MSIX);
				DeviceSpec spec = spec(childPath.get(), kind, null);
				childSpecs.add(spec);
				for (int i = 0; i < spec.count(); i++) {
					children.add(new VmdVectorMapping.Child(new EntryRef(child.getName(), kind, i), kind == EntryKind.MSIX));
				}
			}
		}
		List<VmdVectorMapping.Placed> placed = VmdVectorMapping.place(vmd, count, children);
		notes.add(VmdVectorMapping.describe(vmdDevice.getName(), vmd.getMapping(), count, placed));
		VmdSpec spec = new VmdSpec(literal(VmdTeardown.class, vmd.getTeardown().getLiteral()),
				placed.stream().map(p -> new VmdChild(p.entry(), p.vector())).toList());
		devices.put(vmdDevice.getName(), spec(path, EntryKind.MSIX, spec));
		vmds.add(vmdDevice);
		for (DeviceSpec child : childSpecs) {
			devices.putIfAbsent(child.name(), child);
		}
	}

	/**
	 * vmd_enable_domain() requests every VMD vector at probe: each vector carrying a child is placed
	 * (unless the scenario places it) at the lowest vector nothing else uses, on the first online CPU
	 * that runs none of the scenario's threads (seed 004: the flow handler on one CPU, free_irq() on
	 * another), else on the first online CPU.
	 */
	private void placeVmdVectors(List<CpuSpec> cpus) {
		Set<Integer> busy = new HashSet<>();
		scenario.getConcurrently().forEach(b -> b.getThreads().forEach(t -> {
			if (t instanceof CpuThread c) {
				busy.add(c.getCpu());
			}
		}));
		Optional<CpuSpec> cpu = cpus.stream().filter(CpuSpec::online).filter(c -> !busy.contains(c.id())).findFirst()
				.or(() -> cpus.stream().filter(CpuSpec::online).findFirst());
		if (cpu.isEmpty()) {
			return;
		}
		Set<Integer> taken = new HashSet<>();
		placements.stream().filter(p -> p.cpu() == cpu.get().id()).forEach(p -> taken.add(p.vector()));
		scenario.eAllContents().forEachRemaining(o -> {
			if (o instanceof SetAffinity s && Written.isWritten(s, IrqDslPackage.Literals.SET_AFFINITY__VECTOR)) {
				window.toSim(s.getVector()).ifPresent(taken::add);
			}
		});
		for (Device vmd : vmds) {
			DeviceSpec spec = devices.get(vmd.getName());
			for (int v : spec.vmd().children().stream().map(VmdChild::vmdVector).distinct().sorted().toList()) {
				EntryRef ref = new EntryRef(vmd.getName(), EntryKind.MSIX, v);
				if (placements.stream().anyMatch(p -> p.entry().equals(ref))) {
					continue;
				}
				int vector = window.range().first();
				while (taken.contains(vector)) {
					vector++;
				}
				taken.add(vector);
				placements.add(new Placement(ref, cpu.get().id(), vector));
			}
		}
	}

	// ---- threads ------------------------------------------------------------------------------------

	private List<ThreadSpec> threads() {
		List<ThreadSpec> out = new ArrayList<>();
		for (Concurrently block : scenario.getConcurrently()) {
			for (ScenarioThread t : block.getThreads()) {
				if (t instanceof CpuThread c) {
					List<Op> ops = new ArrayList<>();
					for (CpuOperation op : c.getOperations()) {
						op(op).ifPresent(ops::add);
					}
					out.add(new ThreadSpec.CpuThread(c.getCpu(), ops));
				} else if (t instanceof DeviceThread d && d.getDevice() != null && !d.getDevice().eIsProxy()) {
					List<Op> ops = new ArrayList<>();
					for (Raise r : d.getOperations()) {
						int times = Written.isWritten(r, IrqDslPackage.Literals.RAISE__TIMES) ? r.getTimes() : 1;
						ops.add(new Op.Raise(new EntryRef(d.getDevice().getName(), kindOf(r.getKind()), r.getIndex()), times));
					}
					out.add(new ThreadSpec.DeviceThread(d.getDevice().getName(), ops));
				}
			}
		}
		return out;
	}

	private Optional<Op> op(CpuOperation op) {
		if (op instanceof SetAffinity s) {
			Integer v = Written.isWritten(s, IrqDslPackage.Literals.SET_AFFINITY__VECTOR)
					? vector(s.getVector(), s, IrqDslPackage.Literals.SET_AFFINITY__VECTOR)
					: null;
			return entry(s.getEntry()).map(ref -> new Op.SetAffinity(ref, s.getCpu(), v, s.isPending()));
		} else if (op instanceof RequestIrq r) {
			return entry(r.getEntry()).map(ref -> new Op.RequestIrq(ref, null, null));
		} else if (op instanceof FreeIrq f) {
			return entry(f.getEntry()).map(Op.FreeIrq::new);
		} else if (op instanceof EnableIrq e) {
			return entry(e.getEntry()).map(Op.EnableIrq::new);
		} else if (op instanceof DisableIrq d) {
			return entry(d.getEntry()).map(Op.DisableIrq::new);
		} else if (op instanceof OfflineCpu off) {
			return Optional.of(new Op.OfflineCpu(off.getCpu(), off.isForward()));
		} else if (op instanceof OnlineCpu on) {
			return Optional.of(new Op.OnlineCpu(on.getCpu()));
		}
		problem(op, null, "the simulator has no model of this operation");
		return Optional.empty();
	}

	// ---- helpers ------------------------------------------------------------------------------------

	private Optional<EntryRef> entry(org.irqdsl.irqDsl.EntryRef ref) {
		if (ref == null || ref.getDevice() == null || ref.getDevice().eIsProxy()) {
			return Optional.empty();
		}
		return Optional.of(new EntryRef(ref.getDevice().getName(), kindOf(ref.getKind()), ref.getIndex()));
	}

	private Device deviceNamed(String name) {
		return facts.device(name).orElse(null);
	}

	private static EntryKind kindOf(org.irqdsl.irqDsl.EntryKind kind) {
		return kind == org.irqdsl.irqDsl.EntryKind.MSIX ? EntryKind.MSIX : EntryKind.MSI;
	}

	private void problem(EObject source, EStructuralFeature feature, String message) {
		problems.add(new GenerationProblem(source, feature, message));
	}
}
