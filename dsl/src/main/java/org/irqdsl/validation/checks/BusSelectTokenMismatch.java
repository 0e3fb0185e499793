package org.irqdsl.validation.checks;

import org.irqdsl.analysis.DomainFacts;
import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.irqDsl.Domain;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.runtime.kernel.DomainBusToken;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.CheckReporter;
import org.irqdsl.validation.PlatformCheck;

/** msi_lib_init_dev_msi_info(): WARN_ON_ONCE(real_parent->bus_token != pops->bus_select_token). */
public final class BusSelectTokenMismatch implements PlatformCheck {

	public static final CheckInfo INFO = CheckInfo.error("bus-select-token-mismatch",
			"bus_select_token differs from the domain's own bus token", "drivers/irqchip/irq-msi-lib.c",
			"""
			msi_parent_ops::bus_select_token names the bus token of the real parent domain itself; \
			msi_lib_init_dev_msi_info() refuses every child (WARN_ON_ONCE) when the two differ. A \
			domain's token comes from its kind (DMAR: DOMAIN_BUS_DMAR, GIC_ITS/IMSIC: DOMAIN_BUS_NEXUS, \
			VECTOR: DOMAIN_BUS_ANY...) or its own `bus-token`.

			Fix: make `bus-token` in msi-parent-ops the domain's own token.""");

	@Override
	public CheckInfo info() {
		return INFO;
	}

	@Override
	public void check(PlatformFacts platform, CheckReporter reporter) {
		for (Domain domain : platform.platform().getDomains()) {
			if (domain.getOps() == null || domain.getOps().getBusSelectToken() == null) {
				continue;
			}
			DomainBusToken own = DomainFacts.ownBusToken(domain).orElse(null);
			DomainBusToken select = DomainBusToken.byName(domain.getOps().getBusSelectToken()).orElse(null);
			if (own != null && select != null && own != select) {
				reporter.report(INFO, Labels.domain(domain) + " has bus token " + own.name()
						+ " but its msi-parent-ops bus-token is " + select.name()
						+ ": msi_lib_init_dev_msi_info() refuses every child", domain.getOps(),
						IrqDslPackage.Literals.MSI_PARENT_OPS__BUS_SELECT_TOKEN);
			}
		}
	}
}
