package org.irqdsl.validation.checks;

import java.util.List;
import java.util.stream.Collectors;

import org.irqdsl.analysis.DomainHierarchy;
import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.irqDsl.Domain;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.CheckReporter;
import org.irqdsl.validation.PlatformCheck;

/** A hierarchy must end at a root domain near the CPU (Documentation/core-api/irq/irq-domain.rst). */
public final class DomainCycle implements PlatformCheck {

	public static final CheckInfo INFO = CheckInfo.error("domain-cycle", "Cycle in the irq-domain hierarchy",
			"Documentation/core-api/irq/irq-domain.rst",
			"""
			Each domain's `parent` is the next domain towards the CPU; following parents must end at a \
			root (a domain with no parent, such as VECTOR, GIC_ITS or IMSIC). A cycle has no root: \
			allocation would recurse forever and no interrupt reaches a CPU.

			Fix: break the cycle by removing one `parent`.""");

	@Override
	public CheckInfo info() {
		return INFO;
	}

	@Override
	public void check(PlatformFacts platform, CheckReporter reporter) {
		for (Domain domain : platform.platform().getDomains()) {
			List<Domain> cycle = DomainHierarchy.cycleFrom(domain);
			if (!cycle.isEmpty() && cycle.get(0) == domain) {
				String names = cycle.stream().map(Domain::getName).collect(Collectors.joining(" -> "));
				reporter.report(INFO, "irq-domain hierarchy has a cycle: " + names + " -> " + domain.getName()
						+ "; no root domain reaches a CPU", domain, IrqDslPackage.Literals.DOMAIN__PARENT);
			}
		}
	}
}
