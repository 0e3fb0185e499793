package org.irqdsl.runtime.sim.config;

/** Where the two-step update retriggers a pending interrupt (seed 003). */
public enum Retrigger implements JsonName {
	/** The merged fix: vector_lock is dropped before the IRR check; apic_retrigger_irq() takes it uncontended. */
	LOCK_FREE("lock-free"),
	/** The first draft: apic_retrigger_irq() called while msi_set_affinity() still holds vector_lock. */
	TAKES_VECTOR_LOCK("takes-vector-lock");

	private final String jsonName;

	Retrigger(String jsonName) {
		this.jsonName = jsonName;
	}

	@Override
	public String jsonName() {
		return jsonName;
	}
}
