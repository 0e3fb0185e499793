package org.irqdsl.runtime.sim.config;

/** How free_irq() of a VMD child retires the descriptor the flow handler may still use (seed 004). */
public enum VmdTeardown implements JsonName {
	/** vmd_msi_free() waits in synchronize_srcu() before the descriptor is freed. */
	GRACE_PERIOD("grace-period"),
	/** kfree_rcu(vmdirq) only: the irq descriptor itself is freed at once. */
	NO_GRACE_PERIOD("no-grace-period");

	private final String jsonName;

	VmdTeardown(String jsonName) {
		this.jsonName = jsonName;
	}

	@Override
	public String jsonName() {
		return jsonName;
	}
}
