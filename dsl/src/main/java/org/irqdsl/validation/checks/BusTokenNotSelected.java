package org.irqdsl.validation.checks;

import org.irqdsl.analysis.DomainFacts;
import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.irqDsl.Bus;
import org.irqdsl.irqDsl.BusType;
import org.irqdsl.irqDsl.Device;
import org.irqdsl.irqDsl.Domain;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.irqDsl.MsiParentOps;
import org.irqdsl.irqDsl.Platform;
import org.irqdsl.runtime.kernel.DomainBusToken;
import org.irqdsl.runtime.kernel.MsiLib;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.irqdsl.validation.FixableCheck;
import org.irqdsl.validation.QuickFix;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.CheckReporter;
import org.irqdsl.validation.PlatformCheck;

/** msi_lib_irq_domain_select(): the MSI parent must serve the token the bus looks it up with. */
public final class BusTokenNotSelected implements PlatformCheck, FixableCheck {

	public static final CheckInfo INFO = CheckInfo.error("bus-token-not-selected",
			"The MSI parent does not select the bus's token", "drivers/irqchip/irq-msi-lib.c",
			"""
			A bus finds its MSI parent with a bus token: PCI with DOMAIN_BUS_PCI_MSI, CDX with \
			DOMAIN_BUS_NEXUS (drivers/cdx/cdx_msi.c). msi_lib_irq_domain_select() accepts the lookup \
			when the token equals the parent's `bus-token` (bus_select_token) or its bit is in the \
			parent's `select` mask (MATCH_PCI_MSI = BIT(DOMAIN_BUS_PCI_MSI)). A parent with \
			bus_select_token DOMAIN_BUS_ANY and no mask (the x86 vector domain) takes the children \
			pointed at it directly. Otherwise the bus gets no MSI domain and its devices no MSI.

			Fix: add the MATCH_* of the bus to the parent's `select`, or point the bus at the right parent.""");

	@Override
	public CheckInfo info() {
		return INFO;
	}

	/** The token a bus of this type looks its MSI parent up with. */
	public static DomainBusToken lookupToken(Bus bus) {
		return bus.getType() == BusType.CDX ? DomainBusToken.DOMAIN_BUS_NEXUS : DomainBusToken.DOMAIN_BUS_PCI_MSI;
	}

	@Override
	public void check(PlatformFacts platform, CheckReporter reporter) {
		forEachBus(platform.platform(), bus -> {
			Domain parent = bus.getMsiParent();
			if (parent == null || parent.eIsProxy() || parent.getOps() == null) {
				return;
			}
			MsiParentOps ops = parent.getOps();
			DomainBusToken token = lookupToken(bus);
			if (!MsiLib.selects(token, DomainFacts.busSelectToken(ops), DomainFacts.busSelectMask(ops))) {
				reporter.report(INFO, "bus " + bus.getName() + " looks its MSI parent up with " + token.name() + ", but "
						+ Labels.domain(parent) + " selects only bus_select_token " + DomainFacts.busSelectToken(ops).name()
						+ (ops.getBusSelectMask().isEmpty() ? " and has no select mask" : " and " + String.join(", ", ops.getBusSelectMask()))
						+ ": msi_lib_irq_domain_select() rejects it and the devices get no MSI",
						bus, IrqDslPackage.Literals.BUS__MSI_PARENT);
			}
		});
	}

	/** Every bus of a platform, VMD child buses included. */
	static void forEachBus(Platform platform, java.util.function.Consumer<Bus> action) {
		for (Bus bus : platform.getBuses()) {
			walk(bus, action);
		}
	}

	private static void walk(Bus bus, java.util.function.Consumer<Bus> action) {
		action.accept(bus);
		for (Device d : bus.getDevices()) {
			if (d.getVmd() != null) {
				for (Bus child : d.getVmd().getBuses()) {
					walk(child, action);
				}
			}
		}
	}

	/** Let the parent select the bus's token: add its MATCH_* to the select mask. */
	@Override
	public List<QuickFix> fixes(EObject source, int offset) {
		if (!(source instanceof Bus bus) || bus.getMsiParent() == null || bus.getMsiParent().getOps() == null) {
			return List.of();
		}
		MsiParentOps ops = bus.getMsiParent().getOps();
		java.util.Optional<org.irqdsl.runtime.kernel.BusSelectMatch> match = java.util.Arrays
				.stream(org.irqdsl.runtime.kernel.BusSelectMatch.values()).filter(m -> m.token() == lookupToken(bus)).findFirst();
		if (match.isEmpty()) {
			return List.of();
		}
		String label = "Let " + bus.getMsiParent().getName() + " select " + match.get().name();
		java.util.Optional<QuickFix> fix = ops.getBusSelectMask().isEmpty()
				? Fixes.addClause(label, ops, "select " + match.get().name())
				: Fixes.appendToList(label, ops, IrqDslPackage.Literals.MSI_PARENT_OPS__BUS_SELECT_MASK, match.get().name());
		return fix.stream().toList();
	}
}
