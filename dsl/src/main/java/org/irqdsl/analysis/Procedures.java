package org.irqdsl.analysis;

import java.util.ArrayList;
import java.util.List;

import org.irqdsl.irqDsl.ActionStep;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.irqDsl.LockStep;
import org.irqdsl.irqDsl.MaskLevel;
import org.irqdsl.irqDsl.MaskStep;
import org.irqdsl.irqDsl.Platform;
import org.irqdsl.irqDsl.ProcedureGuard;
import org.irqdsl.irqDsl.ProcedurePath;
import org.irqdsl.irqDsl.ProcedureRuns;
import org.irqdsl.irqDsl.ProcedureStep;
import org.irqdsl.irqDsl.WriteStep;
import org.irqdsl.runtime.kernel.DomainKind;
import org.irqdsl.runtime.kernel.KernelProcedures;
import org.irqdsl.runtime.sim.config.Guard;
import org.irqdsl.runtime.sim.config.HotUnplug;
import org.irqdsl.runtime.sim.config.Procedure;
import org.irqdsl.runtime.sim.config.ProcedureStep.Action;

/** A procedure written in the language, as the simulator runs it; and the platform's hot-unplug procedure. */
public final class Procedures {

	private Procedures() {
	}

	public static Procedure toRuntime(org.irqdsl.irqDsl.Procedure p) {
		List<org.irqdsl.runtime.sim.config.ProcedurePath> paths = new ArrayList<>();
		for (ProcedurePath path : p.getPaths()) {
			List<Guard> guards = new ArrayList<>();
			for (ProcedureGuard g : path.getGuards()) {
				guards.add(new Guard(JsonNames.literal(Guard.Condition.class, g.getCondition().getLiteral()), g.isNegated()));
			}
			List<org.irqdsl.runtime.sim.config.ProcedureStep> steps = new ArrayList<>();
			for (ProcedureStep s : path.getSteps()) {
				steps.add(step(s));
			}
			paths.add(new org.irqdsl.runtime.sim.config.ProcedurePath(path.getName(), guards, steps));
		}
		Procedure.Runs runs = Written.isWritten(p, IrqDslPackage.Literals.PROCEDURE__RUNS) && p.getRuns() == ProcedureRuns.AT_ONCE
				? Procedure.Runs.AT_ONCE
				: Procedure.Runs.DEFERRED;
		Procedure.Release release = Written.isWritten(p, IrqDslPackage.Literals.PROCEDURE__RELEASE)
				? JsonNames.literal(Procedure.Release.class, p.getRelease().getLiteral())
				: Procedure.Release.ON_FIRST_ARRIVAL;
		return new Procedure(p.getName(), p.getName(), p.getCites() == null ? "" : p.getCites(), runs, paths, release);
	}

	private static org.irqdsl.runtime.sim.config.ProcedureStep step(ProcedureStep s) {
		if (s instanceof LockStep l) {
			return new org.irqdsl.runtime.sim.config.ProcedureStep(l.isUnlock() ? Action.UNLOCK : Action.LOCK, l.getLock());
		}
		if (s instanceof MaskStep m) {
			boolean parent = m.getLevel() == MaskLevel.PARENT;
			return org.irqdsl.runtime.sim.config.ProcedureStep.of(m.isUnmask()
					? (parent ? Action.UNMASK_PARENT : Action.UNMASK_DEVICE)
					: (parent ? Action.MASK_PARENT : Action.MASK_DEVICE));
		}
		if (s instanceof WriteStep w) {
			return org.irqdsl.runtime.sim.config.ProcedureStep.of(switch (w.getPart()) {
			case ADDRESS_LO -> Action.WRITE_ADDRESS_LO;
			case ADDRESS_HI -> Action.WRITE_ADDRESS_HI;
			case DATA -> Action.WRITE_DATA;
			case MESSAGE -> Action.WRITE_MESSAGE;
			case TEMP_MESSAGE -> Action.WRITE_TEMP_MESSAGE;
			});
		}
		ActionStep a = (ActionStep) s;
		return org.irqdsl.runtime.sim.config.ProcedureStep.of(JsonNames.literal(Action.class, a.getAction().getLiteral()));
	}

	/**
	 * The platform's hot-unplug procedure: its {@code hot-unplug} line, else x86 fixup_irqs() when the
	 * platform has a vector domain (arch/x86/kernel/irq.c always retriggers what is pending on the
	 * outgoing CPU), else mainline migrate_one_irq().
	 */
	public static HotUnplug hotUnplug(Platform platform) {
		if (!platform.getHotUnplug().isEmpty()) {
			var choice = platform.getHotUnplug().get(0);
			if (choice.getProcedure() != null && !choice.getProcedure().eIsProxy()) {
				var p = choice.getProcedure();
				return new HotUnplug(p.getName(), p.getCites() == null ? "" : p.getCites(), p.isSleepersFirst(),
						p.isRetriggerPending());
			}
			if (choice.getLibrary() != null) {
				var lib = KernelProcedures.hotUnplug(choice.getLibrary());
				if (lib.isPresent()) {
					return lib.get();
				}
			}
		}
		boolean x86 = platform.getDomains().stream().anyMatch(d -> DomainFacts.kind(d).filter(k -> k == DomainKind.VECTOR).isPresent());
		return x86 ? KernelProcedures.X86_FIXUP_IRQS : KernelProcedures.MIGRATE_ONE_IRQ;
	}
}
