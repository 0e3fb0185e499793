package org.irqdsl.runtime.sim.config;

import java.util.List;

/** A thread of a scenario's {@code concurrently} block: a CPU running kernel operations, or a device raising. */
public sealed interface ThreadSpec {

	List<Op> ops();

	/** The column title of this thread in a trace: {@code CPU1}, {@code Device nic}. */
	String title();

	record CpuThread(int cpu, List<Op> ops) implements ThreadSpec {
		public CpuThread {
			ops = List.copyOf(ops);
		}

		@Override
		public String title() {
			return "CPU" + cpu;
		}
	}

	record DeviceThread(String device, List<Op> ops) implements ThreadSpec {
		public DeviceThread {
			ops = List.copyOf(ops);
		}

		@Override
		public String title() {
			return "Device " + device;
		}
	}
}
