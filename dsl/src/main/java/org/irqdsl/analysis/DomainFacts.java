package org.irqdsl.analysis;

import java.util.List;
import java.util.Optional;

import org.irqdsl.irqDsl.AffinityUpdate;
import org.irqdsl.irqDsl.Domain;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.irqDsl.MsiParentOps;
import org.irqdsl.irqDsl.YesNo;
import org.irqdsl.runtime.kernel.BusSelectMatch;
import org.irqdsl.runtime.kernel.DomainBusToken;
import org.irqdsl.runtime.kernel.DomainKind;
import org.irqdsl.runtime.kernel.IrqDomainFlag;
import org.irqdsl.runtime.kernel.MsiFlag;

/** What one declared irq domain means in kernel terms, with the defaults of its kind filled in. */
public final class DomainFacts {

	private DomainFacts() {
	}

	public static Optional<DomainKind> kind(Domain d) {
		return DomainKind.byName(d.getKind());
	}

	/** The domain's own bus token: declared, else its kind's. */
	public static Optional<DomainBusToken> ownBusToken(Domain d) {
		if (d.getBusToken() != null) {
			return DomainBusToken.byName(d.getBusToken());
		}
		return kind(d).map(DomainKind::busToken);
	}

	/** Whether the domain's irqchip can mask one interrupt: declared with chip-mask, else the kind's. */
	public static boolean chipCanMask(Domain d) {
		if (Written.isWritten(d, IrqDslPackage.Literals.DOMAIN__CHIP_MASK)) {
			return d.getChipMask() == YesNo.YES;
		}
		return kind(d).map(DomainKind::chipCanMask).orElse(false);
	}

	/** The affinity-update strategy the domain declares, if it declares one. */
	public static Optional<AffinityUpdate> declaredStrategy(Domain d) {
		return Written.isWritten(d, IrqDslPackage.Literals.DOMAIN__AFFINITY_UPDATE) ? Optional.of(d.getAffinityUpdate())
				: Optional.empty();
	}

	/** What the domain's {@code affinity-update} line says, as written ("two-step", "procedure p", "library x"). */
	public static Optional<String> declaredUpdate(Domain d) {
		if (d.getProcedure() != null) {
			return Optional.of("procedure " + (d.getProcedure().eIsProxy() ? "?" : d.getProcedure().getName()));
		}
		if (d.getLibrary() != null) {
			return Optional.of("library " + d.getLibrary());
		}
		return declaredStrategy(d).map(AffinityUpdate::getLiteral);
	}

	/** An interrupt-remapping domain: a DMAR/AMDVI kind, or one that declares the atomic remap update. */
	public static boolean isRemapping(Domain d) {
		return kind(d).map(DomainKind::isRemapping).orElse(false)
				|| declaredStrategy(d).map(s -> s == AffinityUpdate.REMAP).orElse(false);
	}

	/** A domain whose message never changes on set_affinity (IRQ_DOMAIN_FLAG_MSI_IMMUTABLE, GIC ITS). */
	public static boolean isImmutable(Domain d) {
		return d.getDomainFlags().contains(IrqDomainFlag.IRQ_DOMAIN_FLAG_MSI_IMMUTABLE.name())
				|| declaredStrategy(d).map(s -> s == AffinityUpdate.IMMUTABLE).orElse(false)
				|| kind(d).map(k -> k == DomainKind.GIC_ITS).orElse(false);
	}

	public static long supportedFlags(MsiParentOps ops) {
		return flags(ops.getSupported());
	}

	public static long requiredFlags(MsiParentOps ops) {
		return flags(ops.getRequired());
	}

	/** bus_select_token; the kernel's zero value (DOMAIN_BUS_ANY) when not written. */
	public static DomainBusToken busSelectToken(MsiParentOps ops) {
		return ops.getBusSelectToken() == null ? DomainBusToken.DOMAIN_BUS_ANY
				: DomainBusToken.byName(ops.getBusSelectToken()).orElse(DomainBusToken.DOMAIN_BUS_ANY);
	}

	public static long busSelectMask(MsiParentOps ops) {
		long mask = 0;
		for (String name : ops.getBusSelectMask()) {
			mask |= BusSelectMatch.byName(name).map(BusSelectMatch::mask).orElse(0L);
		}
		return mask;
	}

	/** The bits a list of flag names stands for; unknown names (reported elsewhere) count as none. */
	public static long flags(List<String> names) {
		long mask = 0;
		for (String name : names) {
			mask |= MsiFlag.maskOf(name).orElse(0L);
		}
		return mask;
	}
}
