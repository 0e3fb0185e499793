package org.irqdsl.runtime.sim.config;

/**
 * How an affinity change reaches the device (DESIGN.md, normative core): the strategy declared by
 * the nearest domain on the device's path to the CPU.
 */
public enum AffinityUpdate implements JsonName {
	/** Address and data written as separate 32-bit words: a raise in between uses a torn message. */
	DIRECT("direct"),
	/** Mask, write, unmask; on an entry that cannot mask it degenerates to direct. */
	MASKED("masked"),
	/** x86 msi_set_affinity(): (old cpu, new vector), then (new cpu, new vector), then the IRR check. */
	TWO_STEP("two-step"),
	/** RISC-V IMSIC before v6.15: write, then a lazy timer on the old CPU moves a pending old vector. */
	LAZY_MOVE("lazy-move"),
	/** Interrupt remapping: an atomic IRTE update, the message never changes. */
	REMAP("remap"),
	/** The message never changes (GIC ITS, IRQ_DOMAIN_FLAG_MSI_IMMUTABLE): the controller moves it. */
	IMMUTABLE("immutable");

	private final String jsonName;

	AffinityUpdate(String jsonName) {
		this.jsonName = jsonName;
	}

	@Override
	public String jsonName() {
		return jsonName;
	}

	/** Whether the strategy rewrites the device's message words on a move. */
	public boolean writesMessage() {
		return this != REMAP && this != IMMUTABLE;
	}
}
