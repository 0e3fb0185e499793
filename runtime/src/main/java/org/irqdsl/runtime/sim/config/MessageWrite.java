package org.irqdsl.runtime.sim.config;

import java.util.ArrayList;
import java.util.List;

import org.irqdsl.runtime.kernel.KernelProcedures;

/**
 * How one step of an affinity-update procedure reaches the device: the one place that expands a
 * {@code write message} or {@code write temp-message} into what the bus does (read by the
 * simulator's compiled paths and by the nonmaskable-msi-without-remap check alike).
 * <p>
 * The bus's message write is a procedure {@code for msi-write}: the bus's own, or the library's
 * that its {@link MsiWrite} mode names (config words: address_lo, address_hi, then data, as
 * __pci_write_msi_msg() does; for a temporary message the address words keep the old CPU). An MSI-X entry is always written whole:
 * __pci_write_msi_msg() (drivers/pci/msi/msi.c) masks an unmasked MSI-X entry around the update
 * (da181dc974ad, v5.14), so its word writes collapse into one.
 */
public final class MessageWrite {

	/** One expanded step; {@code temp} when it writes the temporary (old CPU, new vector) message. */
	public record Step(ProcedureStep.Action action, String lock, boolean temp) {
	}

	private MessageWrite() {
	}

	public static List<Step> expand(ProcedureStep step, MsiWrite mode, Procedure bus, EntryKind kind) {
		boolean temp = step.action() == ProcedureStep.Action.WRITE_TEMP_MESSAGE;
		if (step.action() != ProcedureStep.Action.WRITE_MESSAGE && !temp) {
			return List.of(new Step(step.action(), step.lock(), false));
		}
		Procedure write = bus != null && !bus.paths().isEmpty() ? bus : KernelProcedures.forMsiWrite(mode);
		List<Step> out = new ArrayList<>();
		for (ProcedureStep s : write.paths().get(0).steps()) {
			out.add(new Step(s.action(), s.lock(), temp));
		}
		return kind == EntryKind.MSIX ? whole(out) : out;
	}

	/** MSI-X: the word writes of one message become one whole-message write at the last word. */
	private static List<Step> whole(List<Step> steps) {
		List<Step> out = new ArrayList<>();
		int last = -1;
		for (int i = 0; i < steps.size(); i++) {
			if (isWord(steps.get(i).action())) {
				last = i;
			}
		}
		for (int i = 0; i < steps.size(); i++) {
			Step s = steps.get(i);
			if (!isWord(s.action())) {
				out.add(s);
			} else if (i == last) {
				out.add(new Step(ProcedureStep.Action.WRITE_MESSAGE, null, s.temp()));
			}
		}
		return out;
	}

	private static boolean isWord(ProcedureStep.Action a) {
		return a == ProcedureStep.Action.WRITE_ADDRESS_LO || a == ProcedureStep.Action.WRITE_ADDRESS_HI
				|| a == ProcedureStep.Action.WRITE_DATA;
	}

	/** What request_irq()'s first message write does under this bus: the mode its procedure amounts to. */
	public static MsiWrite requestMode(MsiWrite mode, Procedure bus) {
		if (bus == null || bus.paths().isEmpty()) {
			return mode;
		}
		List<ProcedureStep.Action> actions = bus.paths().get(0).steps().stream().map(ProcedureStep::action).toList();
		if (actions.contains(ProcedureStep.Action.QUEUE_WORK)) {
			return MsiWrite.WORK_QUEUE;
		}
		if (actions.contains(ProcedureStep.Action.QUEUE_FIRMWARE_COMMAND)) {
			return MsiWrite.FIRMWARE_QUEUED;
		}
		if (actions.contains(ProcedureStep.Action.FIRMWARE_WRITE)) {
			return MsiWrite.FIRMWARE_SYNC;
		}
		return actions.contains(ProcedureStep.Action.WRITE_DATA) && actions.contains(ProcedureStep.Action.WRITE_ADDRESS_LO)
				? MsiWrite.CONFIG_WORDS
				: MsiWrite.ATOMIC;
	}
}
