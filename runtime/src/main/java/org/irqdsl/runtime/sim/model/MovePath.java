package org.irqdsl.runtime.sim.model;

import java.util.ArrayList;
import java.util.List;

import org.irqdsl.runtime.sim.config.MsiWrite;
import org.irqdsl.runtime.sim.config.Retrigger;

/**
 * The sequences of micro-ops an affinity move runs after the new target is allocated. Which one a
 * move takes is decided when it starts (x86 msi_set_affinity() may fall back to a direct write).
 */
final class MovePath {

	static final int NONE = 0;
	/** direct and masked (mask/unmask are no-ops on an entry that cannot mask), lazy-move. */
	static final int DIRECT = 1;
	/** x86 msi_set_affinity(): tmp (old cpu, new vector), then (new cpu, new vector), IRR check. */
	static final int TWO_STEP = 2;
	/** Atomic IRTE update. */
	static final int REMAP = 3;
	/** The controller moves it; the message does not change. */
	static final int IMMUTABLE = 4;
	static final int COUNT = 5;

	private MovePath() {
	}

	static void build(IrqInfo irq) {
		boolean words = irq.msiWrite == MsiWrite.CONFIG_WORDS;
		irq.paths[DIRECT] = words
				? ops(MicroOp.MASK, MicroOp.WRITE_ADDRESS, MicroOp.WRITE_DATA, MicroOp.UNMASK, MicroOp.FINISH)
				: ops(MicroOp.MASK, MicroOp.WRITE_MESSAGE, MicroOp.UNMASK, MicroOp.FINISH);
		List<MicroOp> two = new ArrayList<>();
		two.add(MicroOp.LOCK_VECTOR);
		// In config words the tmp message needs one word: data first gives (old cpu, new vector).
		two.addAll(words ? List.of(MicroOp.WRITE_DATA, MicroOp.WRITE_ADDRESS)
				: List.of(MicroOp.WRITE_TMP_MESSAGE, MicroOp.WRITE_MESSAGE));
		if (irq.retrigger == Retrigger.LOCK_FREE) {
			two.addAll(List.of(MicroOp.UNLOCK_VECTOR_FIRST, MicroOp.IRR_CHECK, MicroOp.RETRIGGER, MicroOp.FINISH));
		} else {
			two.addAll(List.of(MicroOp.IRR_CHECK, MicroOp.RETRIGGER, MicroOp.UNLOCK_VECTOR_AFTER, MicroOp.FINISH));
		}
		irq.paths[TWO_STEP] = two.toArray(new MicroOp[0]);
		irq.paths[REMAP] = ops(MicroOp.UPDATE_IRTE);
		irq.paths[IMMUTABLE] = ops(MicroOp.CONTROLLER_MOVE);
	}

	private static MicroOp[] ops(MicroOp... ops) {
		return ops;
	}
}
