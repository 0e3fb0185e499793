package org.irqdsl.runtime.sim.config;

/** A condition a procedure's path tests, as the kernel's code does, possibly negated. */
public record Guard(Condition condition, boolean negated) {

	@Override
	public String toString() {
		return (negated ? "not " : "") + condition.jsonName();
	}

	/** What a guard can test; each is read from the state when the move starts. */
	public enum Condition implements JsonName {
		/** The entry can be masked at the device: MSI-X, or MSI with the per-vector mask bit. */
		MASKABLE("maskable"),
		/**
		 * IRQD_CAN_RESERVE: kernel/irq/msi.c msi_init_virq() clears it unless
		 * msi_check_reservation_mode() holds (PCI/MSI with MSI_FLAG_MUST_REACTIVATE and
		 * {@code is_msix || can_mask}), so on PCI it holds exactly for maskable entries.
		 */
		CAN_RESERVE("can-reserve"),
		/** The new vector differs from the old one. */
		VECTOR_CHANGED("vector-changed"),
		/** The new destination CPU differs from the old one. */
		CPU_CHANGED("cpu-changed"),
		/** irqd_is_started(): request_irq() started the interrupt. */
		STARTED("started"),
		/** The procedure runs on the interrupt's current target CPU (cpu == smp_processor_id()). */
		ON_CURRENT_TARGET("on-current-target"),
		/** The procedure runs in process context (it may sleep), not in interrupt context or stop_machine(). */
		PROCESS_CONTEXT("process-context");

		private final String jsonName;

		Condition(String jsonName) {
			this.jsonName = jsonName;
		}

		@Override
		public String jsonName() {
			return jsonName;
		}
	}
}
