package org.irqdsl.runtime.sim.config;

/** When the old vector is released after a move (arch/x86/kernel/apic/vector.c). */
public enum VectorCleanup implements JsonName {
	/** irq_complete_move(): freed once the interrupt first arrives on the new target, re-armed while still pending. */
	ON_FIRST_ARRIVAL("on-first-arrival"),
	/** Freed right after the write: a delivery still in flight to the old vector finds no owner. */
	IMMEDIATE("immediate");

	private final String jsonName;

	VectorCleanup(String jsonName) {
		this.jsonName = jsonName;
	}

	@Override
	public String jsonName() {
		return jsonName;
	}
}
