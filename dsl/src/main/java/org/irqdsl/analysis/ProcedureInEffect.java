package org.irqdsl.analysis;

import java.util.List;
import java.util.Optional;

import org.irqdsl.irqDsl.Domain;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.irqDsl.Platform;
import org.irqdsl.irqDsl.ProcedureRuns;
import org.irqdsl.runtime.kernel.DomainKind;
import org.irqdsl.runtime.kernel.KernelProcedures;
import org.irqdsl.runtime.kernel.KernelRelease;
import org.irqdsl.runtime.sim.config.AffinityUpdate;
import org.irqdsl.runtime.sim.config.Procedure;
import org.irqdsl.runtime.sim.config.Retrigger;

/**
 * The affinity-update procedure in effect for one device, and where it comes from: the one place
 * that decides it. The checks, the hover, the generator and the diagrams all read it
 * ({@link DevicePath#procedure()}).
 *
 * @param procedure the procedure, as the simulator runs it
 * @param domain    the domain it comes from (empty: the default of a path that says nothing)
 * @param origin    where it comes from, in words ("declared by domain vector (affinity-update two-step)")
 * @param declared  the normative keyword the domain wrote, when it came from {@code affinity-update KEYWORD}
 */
public record ProcedureInEffect(Procedure procedure, Optional<Domain> domain, String origin,
		Optional<AffinityUpdate> declared) {

	ProcedureInEffect(Procedure procedure, Optional<Domain> domain, String origin) {
		this(procedure, domain, origin, Optional.empty());
	}

	/** The strategy keyword that names this procedure in the normative core, if one does. */
	public Optional<AffinityUpdate> keyword() {
		for (AffinityUpdate k : AffinityUpdate.values()) {
			for (Retrigger r : Retrigger.values()) {
				if (KernelProcedures.forKeyword(k, r).equals(procedure)) {
					return Optional.of(k);
				}
			}
		}
		return Optional.empty();
	}

	/** Whether the procedure ever rewrites the device's message in two non-atomic halves' reach (not remapped, not routed). */
	public boolean writesMessage() {
		return procedure.writesMessage();
	}

	/** Whether set-affinity is refused (MSI_FLAG_NO_AFFINITY). */
	public boolean refuses() {
		return procedure.paths().isEmpty();
	}

	/**
	 * The procedure for {@code path}: MSI_FLAG_NO_AFFINITY in effect refuses; otherwise the nearest
	 * domain that says anything decides — a declared {@code affinity-update} (keyword, procedure or
	 * library name), else what its kind implies (interrupt remapping, GIC ITS, GICv2m, the x86 vector
	 * domain and the IMSIC by the platform's kernel); a path where no domain says anything gets
	 * msi_domain_set_affinity().
	 */
	static ProcedureInEffect of(DevicePath path, Platform platform) {
		if (path.noAffinity()) {
			return new ProcedureInEffect(KernelProcedures.NO_AFFINITY,
					path.msiParent(), "MSI_FLAG_NO_AFFINITY in effect: set-affinity is refused");
		}
		Runs runs = Runs.of(platform, path.root());
		for (Domain d : path.domains()) {
			Optional<ProcedureInEffect> declared = declared(d, runs);
			if (declared.isPresent()) {
				return declared.get();
			}
			Optional<ProcedureInEffect> implied = implied(d, platform);
			if (implied.isPresent()) {
				return implied.get();
			}
		}
		return new ProcedureInEffect(runs.apply(KernelProcedures.MSI_DOMAIN_SET_AFFINITY), Optional.empty(),
				"no domain on the path declares one: the message is rewritten in place");
	}

	private static Optional<ProcedureInEffect> declared(Domain d, Runs runs) {
		if (d.getProcedure() != null && !d.getProcedure().eIsProxy()) {
			return Optional.of(new ProcedureInEffect(Procedures.toRuntime(d.getProcedure()), Optional.of(d),
					"declared by domain " + d.getName() + " (procedure " + d.getProcedure().getName() + ")"));
		}
		if (d.getLibrary() != null) {
			return KernelProcedures.affinity(d.getLibrary()).map(p -> new ProcedureInEffect(p, Optional.of(d),
					"declared by domain " + d.getName() + " (library " + d.getLibrary() + ")"));
		}
		Optional<org.irqdsl.irqDsl.AffinityUpdate> keyword = DomainFacts.declaredStrategy(d);
		if (keyword.isEmpty()) {
			return Optional.empty();
		}
		AffinityUpdate k = JsonNames.literal(AffinityUpdate.class, keyword.get().getLiteral());
		Retrigger r = Written.isWritten(d, IrqDslPackage.Literals.DOMAIN__RETRIGGER)
				? JsonNames.literal(Retrigger.class, d.getRetrigger().getLiteral())
				: Retrigger.LOCK_FREE;
		Procedure p = KernelProcedures.forKeyword(k, r);
		if (k == AffinityUpdate.DIRECT || k == AffinityUpdate.MASKED) {
			p = runs.apply(p);
		}
		return Optional.of(new ProcedureInEffect(p, Optional.of(d),
				"declared by domain " + d.getName() + " (affinity-update " + keyword.get().getLiteral() + ")", Optional.of(k)));
	}

	private static Optional<ProcedureInEffect> implied(Domain d, Platform platform) {
		Optional<DomainKind> kind = DomainFacts.kind(d);
		String of = "implied by domain " + d.getName() + " : ";
		if (kind.filter(k -> k == DomainKind.DMAR).isPresent()) {
			return Optional.of(new ProcedureInEffect(KernelProcedures.INTEL_IR, Optional.of(d), of + "DMAR"));
		}
		if (kind.filter(k -> k == DomainKind.AMDVI).isPresent()) {
			return Optional.of(new ProcedureInEffect(KernelProcedures.AMD_IR, Optional.of(d), of + "AMDVI"));
		}
		if (DomainFacts.isImmutable(d)) {
			return Optional.of(new ProcedureInEffect(KernelProcedures.GIC_ITS, Optional.of(d),
					of + kind.map(Enum::name).orElse("IRQ_DOMAIN_FLAG_MSI_IMMUTABLE")));
		}
		if (kind.filter(k -> k == DomainKind.GICv2m).isPresent()) {
			return Optional.of(new ProcedureInEffect(KernelProcedures.GICV2M, Optional.of(d), of + "GICv2m"));
		}
		if (kind.filter(k -> k == DomainKind.VECTOR).isPresent()) {
			KernelRelease k = kernel(platform);
			return Optional.of(new ProcedureInEffect(KernelProcedures.x86ForKernel(k), Optional.of(d),
					of + "VECTOR, kernel " + kernelText(platform)));
		}
		if (kind.filter(k -> k == DomainKind.IMSIC).isPresent()) {
			return Optional.of(new ProcedureInEffect(KernelProcedures.imsicForKernel(kernel(platform)), Optional.of(d),
					of + "IMSIC, kernel " + kernelText(platform)));
		}
		return Optional.empty();
	}

	/** The platform's kernel release; without a (readable) {@code kernel} line the newest modelled one. */
	public static KernelRelease kernel(Platform platform) {
		return platform.getKernel().stream().findFirst().flatMap(k -> KernelRelease.parse(k.getVersion()))
				.orElse(KernelProcedures.NEWEST_MODELLED);
	}

	private static String kernelText(Platform platform) {
		return platform.getKernel().stream().findFirst().flatMap(k -> KernelRelease.parse(k.getVersion()))
				.map(KernelRelease::toString)
				.orElse(KernelProcedures.NEWEST_MODELLED + " assumed: no kernel stated");
	}

	/**
	 * Where the generic procedures run: the platform's {@code irq-move}, else deferred under an x86
	 * vector domain (GENERIC_PENDING_IRQ, arch/x86/Kconfig) or an IMSIC from v6.15, else at once.
	 */
	record Runs(Procedure.Runs runs) {

		static Runs of(Platform platform, Optional<Domain> root) {
			List<org.irqdsl.irqDsl.IrqMove> stated = platform.getIrqMove();
			if (!stated.isEmpty()) {
				return new Runs(stated.get(0).getRuns() == ProcedureRuns.AT_ONCE ? Procedure.Runs.AT_ONCE
						: Procedure.Runs.DEFERRED);
			}
			Optional<DomainKind> kind = root.flatMap(DomainFacts::kind);
			boolean deferred = kind.filter(k -> k == DomainKind.VECTOR).isPresent()
					|| (kind.filter(k -> k == DomainKind.IMSIC).isPresent() && !kernel(platform).before(6, 15));
			return new Runs(deferred ? Procedure.Runs.DEFERRED : Procedure.Runs.AT_ONCE);
		}

		Procedure apply(Procedure p) {
			return p.runs() == runs ? p : new Procedure(p.name(), p.function(), p.cites(), runs, p.paths(), p.release());
		}
	}
}
