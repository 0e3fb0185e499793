package org.irqdsl.validation.checks;

import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.irqDsl.Bus;
import org.irqdsl.irqDsl.Device;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.irqDsl.Vmd;
import org.irqdsl.irqDsl.VmdMapping;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.irqdsl.validation.FixableCheck;
import org.irqdsl.validation.QuickFix;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.CheckReporter;
import org.irqdsl.validation.PlatformCheck;

/** Seed 004: {@code vmdirq->irq = &vmd->irqs[virq % vmd->msix_count]}. */
public final class VmdUnbalancedMapping implements PlatformCheck, FixableCheck {

	public static final CheckInfo INFO = CheckInfo.warning("vmd-unbalanced-mapping",
			"VMD child-to-vector mapping that can crowd one vector", "seed 004 (Intel VMD driver)",
			"""
			VMD multiplexes its children's interrupts onto its own MSI-X vectors; every child on a \
			vector is polled by the flow handler when that vector fires. The first driver spread \
			children with `virq % msix_count`, which "depends on the init ordering and the population \
			of the interrupt descriptor space" (tglx): in the worst case some vectors stay empty while \
			others are crowded. `first-vector` with several children crowds one vector by design. \
			Today's vmd_next_irq() gives each NVMe child the least-loaded vector (`mapping least-loaded`).

			Fix: `mapping least-loaded`.""");

	@Override
	public CheckInfo info() {
		return INFO;
	}

	@Override
	public void check(PlatformFacts platform, CheckReporter reporter) {
		for (var path : platform.devices()) {
			Vmd vmd = path.device().getVmd();
			if (vmd == null) {
				continue;
			}
			int children = 0;
			for (Bus bus : vmd.getBuses()) {
				for (Device d : bus.getDevices()) {
					children += d.getMsi() != null || d.getMsix() != null ? 1 : 0;
				}
			}
			if (vmd.getMapping() == VmdMapping.VIRQ_MODULO) {
				reporter.report(INFO, "VMD " + path.device().getName()
						+ " maps children to its vectors by virq % msix_count: the spread depends on init order and the descriptor space, leaving some vectors empty and others crowded (seed 004); use mapping least-loaded",
						vmd, IrqDslPackage.Literals.VMD__MAPPING);
			} else if (vmd.getMapping() == VmdMapping.FIRST_VECTOR && children > 1) {
				reporter.report(INFO, "VMD " + path.device().getName() + " puts all " + children
						+ " children on its first vector: every interrupt polls them all (seed 004); use mapping least-loaded",
						vmd, IrqDslPackage.Literals.VMD__MAPPING);
			}
		}
	}

	@Override
	public List<QuickFix> fixes(EObject source, int offset) {
		return source instanceof Vmd vmd ? Fixes.replaceValue("Give each child the least-loaded vector (mapping least-loaded)",
				vmd, IrqDslPackage.Literals.VMD__MAPPING, VmdMapping.LEAST_LOADED.getLiteral()) : List.of();
	}
}
