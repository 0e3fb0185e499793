package org.irqdsl.runtime.sim.config;

/** What the explorer checks; docs/simulator.md gives each exact definition. */
public enum Property implements JsonName {
	/** A raise whose handler never runs by quiescence. */
	LOST_INTERRUPT("lost-interrupt"),
	/** A CPU takes a vector with no owner, or a handler runs with no raise pending. */
	SPURIOUS_INTERRUPT("spurious-interrupt"),
	/** A thread blocks forever (recursive locking included). */
	DEADLOCK("deadlock"),
	/** A handler runs on a freed irq descriptor. */
	USE_AFTER_FREE("use-after-free"),
	/** An interrupt reaches a CPU after disable_irq() although the lazy disable already tried to mask it. */
	DELIVERED_WHILE_DISABLED("delivered-while-disabled");

	private final String jsonName;

	Property(String jsonName) {
		this.jsonName = jsonName;
	}

	@Override
	public String jsonName() {
		return jsonName;
	}

	/** The bit of this property in a state's violation set. */
	public int bit() {
		return 1 << ordinal();
	}
}
