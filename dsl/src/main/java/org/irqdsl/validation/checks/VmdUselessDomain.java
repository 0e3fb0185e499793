package org.irqdsl.validation.checks;

import java.util.HashSet;
import java.util.Set;

import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.irqDsl.Device;
import org.irqdsl.irqDsl.Domain;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.runtime.kernel.DomainKind;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.CheckReporter;
import org.irqdsl.validation.PlatformCheck;

/** Seed 004 (tglx on the first VMD driver, Nov 2015): "It's just wasting memory and has no value at all." */
public final class VmdUselessDomain implements PlatformCheck {

	public static final CheckInfo INFO = CheckInfo.warning("vmd-useless-domain", "VMD irq domain with no purpose",
			"seed 004 (Intel VMD driver)",
			"""
			The first VMD driver created a linear irq domain sized by the VMD's MSI-X vectors and made \
			it the parent of the children's PCI/MSI domain. The children's MSI domain never follows \
			down the hierarchy on allocation, so that intermediate domain limits nothing and serves \
			nothing: "we can avoid the vmd_irqdomain creation completely ... Creating the msi domain \
			with a NULL parent is possible" (tglx). Reported for a VMD_MSI domain that no bus uses as \
			its `msi-parent`, and for a VMD that `bypass`es (VMD_FEAT_CAN_BYPASS_MSI_REMAP: no VMD \
			domain is created, children use the VMD's own parent) while a child bus still names a \
			VMD_MSI domain.

			Fix: delete the intermediate domain; with bypass, drop the child bus's msi-parent.""");

	@Override
	public CheckInfo info() {
		return INFO;
	}

	@Override
	public void check(PlatformFacts platform, CheckReporter reporter) {
		Set<Domain> usedAsMsiParent = new HashSet<>();
		BusTokenNotSelected.forEachBus(platform.platform(), bus -> usedAsMsiParent.add(bus.getMsiParent()));
		for (Domain domain : platform.platform().getDomains()) {
			if (DomainKind.byName(domain.getKind()).orElse(null) == DomainKind.VMD_MSI && !usedAsMsiParent.contains(domain)) {
				reporter.report(INFO, Labels.domain(domain)
						+ " is no bus's msi-parent: the children's MSI domain does not follow down the hierarchy on allocation, so this domain wastes memory and has no value (seed 004); create the MSI domain with a NULL parent",
						domain, IrqDslPackage.Literals.DOMAIN__NAME);
			}
		}
		BusTokenNotSelected.forEachBus(platform.platform(), bus -> {
			if (bus.eContainer() instanceof org.irqdsl.irqDsl.Vmd vmd && vmd.isBypass() && bus.getMsiParent() != null
					&& DomainKind.byName(bus.getMsiParent().getKind()).orElse(null) == DomainKind.VMD_MSI) {
				Device device = (Device) vmd.eContainer();
				reporter.report(INFO, "VMD " + device.getName()
						+ " bypasses MSI remapping (VMD_FEAT_CAN_BYPASS_MSI_REMAP): no VMD domain is created and its children use the VMD's own parent, so msi-parent "
						+ bus.getMsiParent().getName() + " of bus " + bus.getName() + " has no purpose (seed 004)",
						bus, IrqDslPackage.Literals.BUS__MSI_PARENT);
			}
		});
	}
}
