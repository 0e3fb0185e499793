package org.irqdsl.runtime.sim.model;

/**
 * One piece of an affinity move. A step runs the PREFIX pieces, then one CONSUMING piece that does
 * something (a consuming piece that changes nothing, e.g. rewriting an unchanged word, is skipped),
 * then the SUFFIX pieces that follow it: the kernel does those without a window in between that
 * could change a verdict.
 */
enum MicroOp {
	/** lock(vector_lock) in msi_set_affinity(). */
	LOCK_VECTOR(Kind.PREFIX),
	/** The fix: unlock before the IRR check, so the retrigger can take vector_lock. */
	UNLOCK_VECTOR_FIRST(Kind.PREFIX),
	/** The first draft of seed 003: unlock only after the retrigger. */
	UNLOCK_VECTOR_AFTER(Kind.SUFFIX),
	/** irq_move_irq() masks a maskable entry around the move. */
	MASK(Kind.PREFIX),
	UNMASK(Kind.SUFFIX),
	/** One 32-bit config word: address_lo (selects the CPU). */
	WRITE_ADDRESS(Kind.CONSUMING),
	/** One 32-bit config word: data (the vector). */
	WRITE_DATA(Kind.CONSUMING),
	/** The whole message (old cpu, new vector) by an atomic, firmware or queued write. */
	WRITE_TMP_MESSAGE(Kind.CONSUMING),
	/** The whole message (new cpu, new vector) by an atomic, firmware or queued write. */
	WRITE_MESSAGE(Kind.CONSUMING),
	/** lapic_vector_set_in_irr(new vector) on this CPU. */
	IRR_CHECK(Kind.CONSUMING),
	/** apic_retrigger_irq() when the IRR check hit. */
	RETRIGGER(Kind.SUFFIX),
	/** modify_irte(): atomic. */
	UPDATE_IRTE(Kind.CONSUMING),
	/** The controller's translation changes (GIC ITS MOVI); the message does not. */
	CONTROLLER_MOVE(Kind.CONSUMING),
	/** Immediate cleanup, or the IMSIC lazy timer, after the last write. */
	FINISH(Kind.SUFFIX);

	enum Kind {
		PREFIX, CONSUMING, SUFFIX
	}

	final Kind kind;

	MicroOp(Kind kind) {
		this.kind = kind;
	}
}
