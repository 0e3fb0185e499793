package org.irqdsl.validation.checks;

import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.irqDsl.Domain;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.irqDsl.Retrigger;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.irqdsl.validation.FixableCheck;
import org.irqdsl.validation.QuickFix;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.CheckReporter;
import org.irqdsl.validation.PlatformCheck;

/** Seed 003 (Evan Green's lockdep splat, Jan 2020): apic_retrigger_irq() under msi_set_affinity()'s vector_lock. */
public final class RetriggerTakesHeldLock implements PlatformCheck, FixableCheck {

	public static final CheckInfo INFO = CheckInfo.error("retrigger-takes-held-lock",
			"Retrigger takes vector_lock while the two-step update holds it", "seed 003 (torn MSI pair fix)",
			"""
			The x86 two-step update (msi_set_affinity) runs under vector_lock and, when the new vector \
			is pending on the old CPU, retriggers the interrupt. The first version called \
			apic_retrigger_irq(), which takes vector_lock again: on the CPU hot-unplug path \
			(take_cpu_down -> fixup_irqs -> irq_migrate_all_off_this_cpu -> msi_set_affinity) lockdep \
			reported "possible recursive locking detected" and the machine hung.

			Fix: `retrigger lock-free` (retrigger after vector_lock is dropped, as the merged fix does).""");

	@Override
	public CheckInfo info() {
		return INFO;
	}

	@Override
	public void check(PlatformFacts platform, CheckReporter reporter) {
		for (Domain domain : platform.platform().getDomains()) {
			if (domain.eIsSet(IrqDslPackage.Literals.DOMAIN__RETRIGGER) && domain.getRetrigger() == Retrigger.LOCKED) {
				reporter.report(INFO, Labels.domain(domain)
						+ ": the retrigger takes vector_lock, already held by msi_set_affinity(): recursive locking and deadlock on the CPU hot-unplug path (seed 003)",
						domain, IrqDslPackage.Literals.DOMAIN__RETRIGGER);
			}
		}
	}

	@Override
	public List<QuickFix> fixes(EObject source, int offset) {
		return source instanceof Domain domain ? Fixes.replaceValue("Retrigger after dropping vector_lock (retrigger lock-free)",
				domain, IrqDslPackage.Literals.DOMAIN__RETRIGGER, Retrigger.UNLOCKED.getLiteral()) : List.of();
	}
}
