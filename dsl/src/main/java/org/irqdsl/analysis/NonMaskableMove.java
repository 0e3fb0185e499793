package org.irqdsl.analysis;

import java.util.List;

import org.irqdsl.runtime.sim.config.EntryKind;
import org.irqdsl.runtime.sim.config.Guard;
import org.irqdsl.runtime.sim.config.MessageWrite;
import org.irqdsl.runtime.sim.config.Procedure;

/**
 * What a procedure does to a non-maskable MSI written as 32-bit config words, read from its steps
 * (seed 001): the path a move takes (a started entry, new CPU and new vector, run on the current
 * target when deferred, in process context when at once), and whether that path can show the device
 * a torn message. The simulator replays the same procedure step by step; this reading is what the
 * nonmaskable-msi-without-remap check reports without simulating.
 *
 * @param kind what the path does
 * @param path the path's name (empty when the procedure refuses or no path's guards hold)
 */
public record NonMaskableMove(Kind kind, String path) {

	public enum Kind {
		/** address_lo and data written in separate steps with nothing masked: a raise between them is lost. */
		TORN,
		/** A temporary (old CPU, new vector) message first, then the new one, with the IRR check and retrigger. */
		TWO_STEP,
		/** A temporary message first but no IRR check and retrigger: what lands on the old CPU's new vector is lost. */
		TEMP_UNCHECKED,
		/** The message never tears (no write, one atomic write, a queued write, or masked at the parent). */
		SAFE,
		/** set-affinity is refused. */
		REFUSED
	}

	/** The reading for a device's plain MSI entry, its bus writing the message as the path says. */
	public static NonMaskableMove read(DevicePath path) {
		return read(path.procedure().procedure(), path.parentMasks(), path.msiWriteMode(), path.msiWriteProcedure().orElse(null));
	}

	public static NonMaskableMove read(Procedure p, boolean parentMasks, org.irqdsl.runtime.sim.config.MsiWrite mode,
			Procedure bus) {
		if (p.paths().isEmpty()) {
			return new NonMaskableMove(Kind.REFUSED, "");
		}
		boolean deferred = p.runs() == Procedure.Runs.DEFERRED;
		return p.firstPath(c -> holds(c, deferred)).map(path -> {
			List<MessageWrite.Step> steps = path.steps().stream()
					.flatMap(st -> MessageWrite.expand(st, mode, bus, EntryKind.MSI).stream()).toList();
			return new NonMaskableMove(read(steps, deferred && parentMasks, parentMasks), path.name());
		}).orElse(new NonMaskableMove(Kind.SAFE, ""));
	}

	private static boolean holds(Guard.Condition c, boolean deferred) {
		return switch (c) {
		case MASKABLE, CAN_RESERVE -> false; // kernel/irq/msi.c: no IRQD_CAN_RESERVE without a mask bit
		case VECTOR_CHANGED, CPU_CHANGED, STARTED -> true;
		case ON_CURRENT_TARGET -> deferred;
		case PROCESS_CONTEXT -> !deferred;
		};
	}

	private static Kind read(List<MessageWrite.Step> steps, boolean maskedAtStart, boolean parentMasks) {
		boolean masked = maskedAtStart;
		boolean addressNew = false;
		boolean dataNew = false;
		boolean temp = false;
		boolean checked = false;
		boolean torn = false;
		for (MessageWrite.Step s : steps) {
			switch (s.action()) {
			case MASK_PARENT -> masked |= parentMasks;
			case UNMASK_PARENT -> masked = false;
			case WRITE_DATA -> {
				temp |= !addressNew;
				dataNew = true;
			}
			case WRITE_ADDRESS_LO -> {
				if (!s.temp()) {
					torn |= !dataNew && !masked;
					addressNew = true;
				}
			}
			case WRITE_MESSAGE, WRITE_TEMP_MESSAGE, QUEUE_WORK, QUEUE_FIRMWARE_COMMAND, FIRMWARE_WRITE -> {
				// a whole message at once: never torn; a temporary one first is the two-step's
				if (s.temp()) {
					temp = true;
				} else {
					addressNew = true;
				}
				dataNew = true;
			}
			case CHECK_IRR -> checked = true;
			default -> {
			}
			}
		}
		if (torn) {
			return Kind.TORN;
		}
		if (temp && addressNew) {
			return checked ? Kind.TWO_STEP : Kind.TEMP_UNCHECKED;
		}
		return Kind.SAFE;
	}
}
