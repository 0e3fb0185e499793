package org.irqdsl.validation.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.irqDsl.Domain;
import org.irqdsl.irqDsl.HotUnplugChoice;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.irqDsl.Procedure;
import org.irqdsl.irqDsl.ProcedureKind;
import org.irqdsl.irqDsl.ProcedurePath;
import org.irqdsl.runtime.kernel.KernelProcedures;
import org.irqdsl.runtime.sim.config.SimConfigChecks;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.CheckReporter;
import org.irqdsl.validation.PlatformCheck;

/**
 * A domain's {@code affinity-procedure} / {@code affinity-library} and a platform's
 * {@code hot-unplug-procedure} / {@code hot-unplug-library} must name a procedure of the right
 * kind that the simulator can run (docs/procedures.md).
 */
public final class ProcedureReference implements PlatformCheck {

	public static final CheckInfo INFO = CheckInfo.error("procedure-reference",
			"Procedure unknown, of the wrong kind, or not runnable", "docs/procedures.md",
			"""
			`affinity-library NAME` and `hot-unplug-library NAME` name a procedure of the kernel's \
			library (the message lists them); \
			`affinity-procedure P` must name a procedure `for affinity-update`, `hot-unplug-procedure P` \
			one `for hot-unplug`. An affinity-update procedure has at most 6 paths and no \
			hot-unplug statements; a path after one without guards is never taken; a hot-unplug \
			procedure has no paths.""");

	@Override
	public CheckInfo info() {
		return INFO;
	}

	@Override
	public void check(PlatformFacts facts, CheckReporter reporter) {
		for (Domain d : facts.platform().getDomains()) {
			if (d.getLibrary() != null) {
				library(d.getLibrary(), KernelProcedures.affinityProcedures(), "affinity-update", d,
						IrqDslPackage.Literals.DOMAIN__LIBRARY, reporter);
			}
			if (d.getProcedure() != null && !d.getProcedure().eIsProxy()) {
				shape(d.getProcedure(), ProcedureKind.AFFINITY_UPDATE, d, IrqDslPackage.Literals.DOMAIN__PROCEDURE,
						reporter);
			}
		}
		java.util.Set<EObject> seenBuses = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		for (org.irqdsl.analysis.DevicePath path : facts.devices()) {
			for (EObject owner : List.of(path.device(), path.bus())) {
				if (owner == path.bus() && !seenBuses.add(owner)) {
					continue; // a bus is reached from each of its devices: report it once (a device, once by itself)
				}
				Procedure p = owner instanceof org.irqdsl.irqDsl.Device dev ? dev.getMsiWriteProcedure()
						: ((org.irqdsl.irqDsl.Bus) owner).getMsiWriteProcedure();
				if (p != null && !p.eIsProxy()) {
					shape(p, ProcedureKind.MSI_WRITE, owner, owner instanceof org.irqdsl.irqDsl.Device
							? IrqDslPackage.Literals.DEVICE__MSI_WRITE_PROCEDURE : IrqDslPackage.Literals.BUS__MSI_WRITE_PROCEDURE,
							reporter);
				}
			}
		}
		for (HotUnplugChoice h : facts.platform().getHotUnplug()) {
			if (h.getLibrary() != null) {
				library(h.getLibrary(), KernelProcedures.hotUnplugProcedures(), "hot-unplug", h,
						IrqDslPackage.Literals.HOT_UNPLUG_CHOICE__LIBRARY, reporter);
			}
			if (h.getProcedure() != null && !h.getProcedure().eIsProxy()) {
				shape(h.getProcedure(), ProcedureKind.HOT_UNPLUG, h, IrqDslPackage.Literals.HOT_UNPLUG_CHOICE__PROCEDURE,
						reporter);
			}
		}
	}

	private static void library(String name, Map<String, ?> library, String kind, EObject at, EStructuralFeature feature,
			CheckReporter reporter) {
		if (!library.containsKey(name)) {
			reporter.report(INFO, "unknown " + kind + " procedure '" + name + "'; the library has: "
					+ String.join(", ", library.keySet()), at, feature);
		}
	}

	private static void shape(Procedure p, ProcedureKind expected, EObject at, EStructuralFeature feature,
			CheckReporter reporter) {
		List<String> problems = new ArrayList<>();
		if (p.getKind() != expected) {
			problems.add("it is a procedure for " + p.getKind().getLiteral() + ", expected one for " + expected.getLiteral());
		} else if (expected == ProcedureKind.AFFINITY_UPDATE) {
			if (p.getPaths().size() > SimConfigChecks.MAX_PROCEDURE_PATHS) {
				problems.add("it has " + p.getPaths().size() + " paths; at most " + SimConfigChecks.MAX_PROCEDURE_PATHS
						+ " are simulated");
			}
			for (int i = 0; i + 1 < p.getPaths().size(); i++) {
				ProcedurePath path = p.getPaths().get(i);
				if (path.getGuards().isEmpty()) {
					problems.add("path " + p.getPaths().get(i + 1).getName() + " is never taken: path " + path.getName()
							+ " before it has no guard");
					break;
				}
			}
			if (p.isSleepersFirst() || p.isRetriggerPending()) {
				problems.add("migrate-sleeping-writers-first and retrigger-pending belong to a hot-unplug procedure");
			}
		} else if (expected == ProcedureKind.MSI_WRITE) {
			if (p.getPaths().size() != 1 || !p.getPaths().get(0).getGuards().isEmpty()) {
				problems.add("a procedure for msi-write has exactly one path, without guards");
			}
		} else if (!p.getPaths().isEmpty()) {
			problems.add("a hot-unplug procedure has no paths");
		}
		for (String problem : problems) {
			reporter.report(INFO, "procedure " + p.getName() + ": " + problem, at, feature);
		}
	}
}
