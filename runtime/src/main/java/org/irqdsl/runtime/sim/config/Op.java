package org.irqdsl.runtime.sim.config;

/** One operation of a scenario thread. */
public sealed interface Op {

	/** The operation's name in the config ({@code "op"}). */
	String opName();

	/** {@code set-affinity ENTRY cpu N (vector V)?}: a deferred move, run in interrupt context on the thread's CPU. */
	/**
	 * irq_set_affinity(). {@code pending}: the write only records the new target
	 * (IRQD_SETAFFINITY_PENDING) and a deferred procedure runs at the next interrupt on the current
	 * target, as GENERIC_PENDING_IRQ kernels do (kernel/irq/manage.c irq_set_affinity_locked(),
	 * kernel/irq/migration.c irq_move_irq()); without it the thread's CPU runs the move itself.
	 */
	record SetAffinity(EntryRef entry, int cpu, Integer vector, boolean pending) implements Op {
		public SetAffinity(EntryRef entry, int cpu, Integer vector) {
			this(entry, cpu, vector, false);
		}

		@Override
		public String opName() {
			return "set-affinity";
		}
	}

	/** {@code request_irq ENTRY}: activate, write the message, start up; the driver then enables the device. */
	record RequestIrq(EntryRef entry, Integer cpu, Integer vector) implements Op {
		@Override
		public String opName() {
			return "request_irq";
		}
	}

	/** {@code free_irq ENTRY}: shut down, deactivate, free the descriptor. */
	record FreeIrq(EntryRef entry) implements Op {
		@Override
		public String opName() {
			return "free_irq";
		}
	}

	/** {@code enable_irq ENTRY}. */
	record EnableIrq(EntryRef entry) implements Op {
		@Override
		public String opName() {
			return "enable_irq";
		}
	}

	/** {@code disable_irq ENTRY} (lazy: the line is masked when an interrupt arrives while disabled). */
	record DisableIrq(EntryRef entry) implements Op {
		@Override
		public String opName() {
			return "disable_irq";
		}
	}

	/** {@code offline cpu N (forward-pending)?}: take_cpu_down() in stop_machine() context. */
	record OfflineCpu(int cpu, boolean forwardPending) implements Op {
		@Override
		public String opName() {
			return "offline";
		}
	}

	/** {@code online cpu N}. */
	record OnlineCpu(int cpu) implements Op {
		@Override
		public String opName() {
			return "online";
		}
	}

	/** {@code raise msi[i] (times n)?} on a device thread. */
	record Raise(EntryRef entry, int times) implements Op {
		@Override
		public String opName() {
			return "raise";
		}
	}
}
