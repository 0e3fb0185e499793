package org.irqdsl.runtime.sim.config;

import java.util.List;
import java.util.Optional;

/**
 * One scenario for the simulator, as the generator writes it from an .irqdsl file: the platform
 * resolved to what matters for delivery (CPUs, devices with their path's strategy and policies),
 * the initial placements, the concurrent threads and the expectations. JSON form:
 * {@code irqdsl-sim-config.schema.json}; read with {@link SimConfigReader}, written with
 * {@link SimConfigWriter}.
 */
public record SimConfig(String scenario, String platform, List<CpuSpec> cpus, VectorRange vectors,
		List<DeviceSpec> devices, List<Placement> initially, List<ThreadSpec> threads,
		List<Expectation> expectations, HotUnplug hotUnplug) {

	/** A config whose CPU hot-unplug is mainline migrate_one_irq() (no two-stage migration, no retrigger). */
	public SimConfig(String scenario, String platform, List<CpuSpec> cpus, VectorRange vectors, List<DeviceSpec> devices,
			List<Placement> initially, List<ThreadSpec> threads, List<Expectation> expectations) {
		this(scenario, platform, cpus, vectors, devices, initially, threads, expectations, null);
	}

	/** The value of the config's {@code "format"} field. */
	public static final String FORMAT = "irqdsl-sim-config/1";

	public SimConfig {
		cpus = List.copyOf(cpus);
		devices = List.copyOf(devices);
		initially = List.copyOf(initially);
		threads = List.copyOf(threads);
		expectations = List.copyOf(expectations);
	}

	public Optional<DeviceSpec> device(String name) {
		return devices.stream().filter(d -> d.name().equals(name)).findFirst();
	}
}
