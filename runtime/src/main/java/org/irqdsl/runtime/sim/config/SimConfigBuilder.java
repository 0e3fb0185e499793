package org.irqdsl.runtime.sim.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a {@link SimConfig} in Java, for tests, benchmarks and generators:
 * <pre>
 * SimConfig c = SimConfigBuilder.scenario("torn_update").cpus(4)
 *     .device(SimConfigBuilder.msi("nic").affinityUpdate(AffinityUpdate.TWO_STEP))
 *     .initially("nic.msi[0]", 1, 0x30)
 *     .cpuThread(1, SimConfigBuilder.setAffinity("nic.msi[0]", 2, 0x31))
 *     .deviceThread("nic", SimConfigBuilder.raise("msi[0]"))
 *     .expectNo(Property.LOST_INTERRUPT)
 *     .build();
 * </pre>
 */
public final class SimConfigBuilder {

	private final String scenario;
	private String platform = "";
	private final List<CpuSpec> cpus = new ArrayList<>();
	private VectorRange vectors = VectorRange.X86_DEFAULT;
	private final List<DeviceSpec> devices = new ArrayList<>();
	private final List<Placement> initially = new ArrayList<>();
	private final List<ThreadSpec> threads = new ArrayList<>();
	private final List<Expectation> expectations = new ArrayList<>();
	private HotUnplug hotUnplug;

	private SimConfigBuilder(String scenario) {
		this.scenario = scenario;
	}

	public static SimConfigBuilder scenario(String name) {
		return new SimConfigBuilder(name);
	}

	public SimConfigBuilder platform(String name) {
		this.platform = name;
		return this;
	}

	/** CPUs 0..count-1, all online. */
	public SimConfigBuilder cpus(int count) {
		cpus.clear();
		for (int i = 0; i < count; i++) {
			cpus.add(new CpuSpec(i, true));
		}
		return this;
	}

	public SimConfigBuilder offlineAtStart(int cpu) {
		cpus.replaceAll(c -> c.id() == cpu ? new CpuSpec(cpu, false) : c);
		return this;
	}

	public SimConfigBuilder vectors(int first, int last) {
		this.vectors = new VectorRange(first, last);
		return this;
	}

	public SimConfigBuilder device(Device device) {
		devices.add(device.build());
		return this;
	}

	public SimConfigBuilder initially(String entry, int cpu, int vector) {
		initially.add(new Placement(ref(entry), cpu, vector));
		return this;
	}

	public SimConfigBuilder cpuThread(int cpu, Op... ops) {
		threads.add(new ThreadSpec.CpuThread(cpu, Arrays.asList(ops)));
		return this;
	}

	/** A device thread; its ops are {@link #raise(String)}s of that device's entries. */
	public SimConfigBuilder deviceThread(String device, LocalRaise... raises) {
		List<Op> ops = new ArrayList<>();
		for (LocalRaise r : raises) {
			ops.add(new Op.Raise(EntryRef.parseLocal(device, r.entry).orElseThrow(
					() -> new IllegalArgumentException("not an entry: " + r.entry)), r.times));
		}
		threads.add(new ThreadSpec.DeviceThread(device, ops));
		return this;
	}

	/** The platform's CPU hot-unplug procedure (default: mainline migrate_one_irq()). */
	public SimConfigBuilder hotUnplug(HotUnplug h) {
		this.hotUnplug = h;
		return this;
	}

	public SimConfigBuilder expectNo(Property p) {
		expectations.add(new Expectation(p, false));
		return this;
	}

	public SimConfigBuilder expect(Property p) {
		expectations.add(new Expectation(p, true));
		return this;
	}

	public SimConfig build() {
		return new SimConfig(scenario, platform, cpus, vectors, devices, initially, threads, expectations, hotUnplug);
	}

	// ---- operations ---------------------------------------------------------------------------------

	public static Op setAffinity(String entry, int cpu, int vector) {
		return new Op.SetAffinity(ref(entry), cpu, vector);
	}

	public static Op setAffinity(String entry, int cpu) {
		return new Op.SetAffinity(ref(entry), cpu, null);
	}

	/** set-affinity ... pending: the move runs at the next interrupt on the current target. */
	public static Op setAffinityPending(String entry, int cpu, int vector) {
		return new Op.SetAffinity(ref(entry), cpu, vector, true);
	}

	public static Op requestIrq(String entry) {
		return new Op.RequestIrq(ref(entry), null, null);
	}

	public static Op requestIrq(String entry, int cpu, int vector) {
		return new Op.RequestIrq(ref(entry), cpu, vector);
	}

	public static Op freeIrq(String entry) {
		return new Op.FreeIrq(ref(entry));
	}

	public static Op enableIrq(String entry) {
		return new Op.EnableIrq(ref(entry));
	}

	public static Op disableIrq(String entry) {
		return new Op.DisableIrq(ref(entry));
	}

	public static Op offline(int cpu, boolean forwardPending) {
		return new Op.OfflineCpu(cpu, forwardPending);
	}

	public static Op online(int cpu) {
		return new Op.OnlineCpu(cpu);
	}

	public static LocalRaise raise(String localEntry) {
		return new LocalRaise(localEntry, 1);
	}

	public static LocalRaise raise(String localEntry, int times) {
		return new LocalRaise(localEntry, times);
	}

	/** A raise of the thread's own device's entry ({@code msi[0]}). */
	public record LocalRaise(String entry, int times) {
	}

	private static EntryRef ref(String entry) {
		return EntryRef.parse(entry).orElseThrow(() -> new IllegalArgumentException("not an entry: " + entry));
	}

	// ---- devices ------------------------------------------------------------------------------------

	/** A PCI MSI device with one entry, not maskable, config-word writes, direct update. */
	public static Device msi(String name) {
		return new Device(name, EntryKind.MSI);
	}

	/** A PCI MSI-X device with one entry (always maskable). */
	public static Device msix(String name) {
		return new Device(name, EntryKind.MSIX).maskable(true);
	}

	/** A device under construction. */
	public static final class Device {
		private final String name;
		private final EntryKind capability;
		private int count = 1;
		private boolean maskable;
		private MsiWrite msiWrite = MsiWrite.CONFIG_WORDS;
		private AffinityUpdate affinityUpdate = AffinityUpdate.DIRECT;
		private VectorCleanup vectorCleanup = VectorCleanup.ON_FIRST_ARRIVAL;
		private Retrigger retrigger = Retrigger.LOCK_FREE;
		private Boolean remap;
		private boolean parentMasks;
		private VmdSpec vmd;
		private Procedure procedure;
		private Procedure msiWriteProcedure;

		private Device(String name, EntryKind capability) {
			this.name = name;
			this.capability = capability;
		}

		public String name() {
			return name;
		}

		public boolean isMsix() {
			return capability == EntryKind.MSIX;
		}

		public Device count(int n) {
			this.count = n;
			return this;
		}

		public Device maskable(boolean m) {
			this.maskable = m;
			return this;
		}

		public Device msiWrite(MsiWrite w) {
			this.msiWrite = w;
			return this;
		}

		public Device affinityUpdate(AffinityUpdate u) {
			this.affinityUpdate = u;
			return this;
		}

		public Device vectorCleanup(VectorCleanup c) {
			this.vectorCleanup = c;
			return this;
		}

		public Device retrigger(Retrigger r) {
			this.retrigger = r;
			return this;
		}

		public Device remap(boolean r) {
			this.remap = r;
			return this;
		}

		/** The device's own affinity-update procedure (instead of the library's the keyword names). */
		public Device procedure(Procedure p) {
			this.procedure = p;
			return this;
		}

		/** How the bus writes the message, as a procedure for msi-write (instead of {@link #msiWrite}). */
		public Device msiWriteProcedure(Procedure p) {
			this.msiWriteProcedure = p;
			return this;
		}

		public Device parentMasks(boolean p) {
			this.parentMasks = p;
			return this;
		}

		/** Makes this device a VMD whose children are {@code "dev.msi-x[i]@vmdVector"}. */
		public Device vmd(VmdTeardown freeIrq, String... children) {
			List<VmdChild> list = new ArrayList<>();
			for (String c : children) {
				String[] parts = c.split("@");
				list.add(new VmdChild(ref(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0));
			}
			this.vmd = new VmdSpec(freeIrq, list);
			return this;
		}

		DeviceSpec build() {
			return new DeviceSpec(name, null, capability, count, maskable, msiWrite, affinityUpdate, vectorCleanup,
					retrigger, remap != null ? remap : affinityUpdate == AffinityUpdate.REMAP, parentMasks, vmd, procedure, msiWriteProcedure);
		}
	}
}
