package org.irqdsl.runtime.sim.model;

/**
 * One piece of a compiled procedure path (see {@link MovePath}). A step runs the PREFIX pieces,
 * then one CONSUMING piece that does something (a consuming piece that changes nothing, e.g.
 * rewriting an unchanged word, is skipped), then the SUFFIX pieces that follow it: the kernel does
 * those without a window in between that could change a verdict.
 */
enum MicroOp {
	/** Take a lock (argument: the lock's index; 0 is vector_lock). */
	LOCK(Kind.PREFIX),
	/** Release a lock; it runs with the step before it. */
	UNLOCK(Kind.SUFFIX),
	MASK_DEVICE(Kind.PREFIX),
	UNMASK_DEVICE(Kind.SUFFIX),
	MASK_PARENT(Kind.PREFIX),
	UNMASK_PARENT(Kind.SUFFIX),
	/** One 32-bit config word: address_lo (selects the CPU). */
	WRITE_ADDRESS(Kind.CONSUMING),
	/** address_hi: nothing the model's CPU numbers need; traced, never changes what the device sends. */
	WRITE_ADDRESS_HI(Kind.CONSUMING),
	/** One 32-bit config word: data (the vector). */
	WRITE_DATA(Kind.CONSUMING),
	/** The whole message (old cpu, new vector) by an atomic, firmware or queued write. */
	WRITE_TMP_MESSAGE(Kind.CONSUMING),
	/** The whole message (new cpu, new vector) by an atomic, firmware or queued write. */
	WRITE_MESSAGE(Kind.CONSUMING),
	/** The message through a work queue (argument 0) or a firmware command queue (1), whatever the bus does. */
	QUEUE_WRITE(Kind.CONSUMING),
	/** The message by a firmware command waited for (a sleeping write). */
	FIRMWARE_WRITE(Kind.CONSUMING),
	/** lapic_vector_set_in_irr(new vector) on this CPU. */
	IRR_CHECK(Kind.CONSUMING),
	/** irq_retrigger() when the IRR check hit. */
	RETRIGGER(Kind.SUFFIX),
	/** modify_irte(): atomic. */
	UPDATE_IRTE(Kind.CONSUMING),
	/** The controller's routing changes (argument 0: GIC ITS MOVI, 1: GIC SPI route); the message does not. */
	CONTROLLER_MOVE(Kind.CONSUMING),
	/** The procedure's release of the old vector, after the last step. */
	FINISH(Kind.SUFFIX);

	enum Kind {
		PREFIX, CONSUMING, SUFFIX
	}

	final Kind kind;

	MicroOp(Kind kind) {
		this.kind = kind;
	}
}
