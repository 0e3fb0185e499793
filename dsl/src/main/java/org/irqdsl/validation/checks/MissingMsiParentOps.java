package org.irqdsl.validation.checks;

import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.irqDsl.Domain;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.CheckReporter;
import org.irqdsl.validation.PlatformCheck;

/** msi_lib_init_dev_msi_info() step 1: no parent ops, no per-device MSI domain. */
public final class MissingMsiParentOps implements PlatformCheck {

	public static final CheckInfo INFO = CheckInfo.error("missing-msi-parent-ops",
			"MSI parent without msi_parent_ops", "drivers/irqchip/irq-msi-lib.c",
			"""
			A bus's `msi-parent` must be a domain that declares `msi-parent-ops` (it has \
			IRQ_DOMAIN_FLAG_MSI_PARENT): msi_lib_init_dev_msi_info() fails at once when the parent has \
			no msi_parent_ops (WARN_ON_ONCE(!pops)), and the bus's devices get no MSI.

			Fix: declare `msi-parent-ops { supported ... }` on the parent, or point the bus at the \
			domain that has them.""");

	@Override
	public CheckInfo info() {
		return INFO;
	}

	@Override
	public void check(PlatformFacts platform, CheckReporter reporter) {
		BusTokenNotSelected.forEachBus(platform.platform(), bus -> {
			Domain parent = bus.getMsiParent();
			if (parent != null && !parent.eIsProxy() && parent.getOps() == null) {
				reporter.report(INFO, "bus " + bus.getName() + ": MSI parent " + Labels.domain(parent)
						+ " has no msi-parent-ops: msi_lib_init_dev_msi_info() fails and the devices get no MSI",
						bus, IrqDslPackage.Literals.BUS__MSI_PARENT);
			}
		});
	}
}
