package org.irqdsl.validation.checks;

import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.irqDsl.Vmd;
import org.irqdsl.irqDsl.VmdTeardown;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.irqdsl.validation.FixableCheck;
import org.irqdsl.validation.QuickFix;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.CheckReporter;
import org.irqdsl.validation.PlatformCheck;

/** Seed 004: free_irq() frees the descriptor while vmd_flow_handler() still walks the child list. */
public final class VmdFreeWithoutGracePeriod implements PlatformCheck, FixableCheck {

	public static final CheckInfo INFO = CheckInfo.warning("vmd-free-without-grace-period",
			"VMD child freed while the flow handler may still walk it", "seed 004 (Intel VMD driver)",
			"""
			vmd_flow_handler() walks its vector's child list under RCU and calls \
			generic_handle_irq(vmdirq->virq) for each child. free_irq() on a child removes it from the \
			list (list_del_rcu) but irq_free_descs() frees the irq descriptor, which is not freed via \
			RCU: a handler that read `vmdirq->virq` before the removal calls desc->handle_irq on freed \
			memory ("KABOOOOM", tglx). kfree_rcu() of the list entry alone is not enough; the \
			descriptor must outlive a grace period (today: synchronize_srcu() in vmd_msi_free()).

			Fix: `free-irq grace-period`.""");

	@Override
	public CheckInfo info() {
		return INFO;
	}

	@Override
	public void check(PlatformFacts platform, CheckReporter reporter) {
		for (var path : platform.devices()) {
			Vmd vmd = path.device().getVmd();
			if (vmd != null && vmd.getTeardown() == VmdTeardown.NO_GRACE_PERIOD) {
				reporter.report(INFO, "VMD " + path.device().getName()
						+ ": free_irq of a child frees its descriptor without a grace period while vmd_flow_handler() may still walk the child list: use after free (seed 004)",
						vmd, IrqDslPackage.Literals.VMD__TEARDOWN);
			}
		}
	}

	@Override
	public List<QuickFix> fixes(EObject source, int offset) {
		return source instanceof Vmd vmd ? Fixes.replaceValue("Free after a grace period (free-irq grace-period)", vmd,
				IrqDslPackage.Literals.VMD__TEARDOWN, VmdTeardown.GRACE_PERIOD.getLiteral()) : List.of();
	}
}
