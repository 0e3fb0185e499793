package org.irqdsl.validation.checks;

import org.eclipse.xtext.diagnostics.Severity;
import org.irqdsl.analysis.DevicePath;
import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.irqDsl.AffinityUpdate;
import org.irqdsl.analysis.NonMaskableMove;
import org.irqdsl.analysis.ProcedureInEffect;
import org.irqdsl.irqDsl.Device;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.irqDsl.MsiCapability;
import org.irqdsl.irqDsl.MsiWrite;
import org.irqdsl.irqDsl.Platform;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.irqdsl.validation.FixableCheck;
import org.irqdsl.validation.QuickFix;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.CheckReporter;
import org.irqdsl.validation.DeviceCheck;

/**
 * Seed 001 (tglx on the RISC-V IMSIC, Dec 2024) and commit 6f1a4891a592 ("x86/apic/msi: Plug
 * non-maskable MSI affinity race"): the address and data of a non-maskable MSI are written as
 * separate 32-bit words; a device interrupt between the writes uses (new address, old data), lands
 * on a vector nobody owns, and is lost.
 */
public final class NonMaskableMsiWithoutRemap implements DeviceCheck, FixableCheck {

	public static final CheckInfo INFO = CheckInfo.warning("nonmaskable-msi-without-remap",
			"Non-maskable MSI moved without interrupt remapping",
			"seed 001 (RISC-V IMSIC affinity thread); commit 6f1a4891a592",
			"""
			An MSI entry without the per-vector mask capability cannot be masked while its message is \
			rewritten. When no interrupt-remapping domain (DMAR, AMDVI) sits on its path to the CPU, an \
			affinity change rewrites the message in the device itself, one 32-bit config word at a time \
			(address_lo, address_hi, data). A device interrupt raised between those writes uses a torn \
			message — the new CPU's address with the old vector — and ends up on a vector nobody owns: \
			the interrupt is lost ("interrupt nirvana space", tglx).

			The check reads the procedure in effect for the device (docs/procedures.md) and the path a \
			move of a non-maskable entry takes: a warning when that path writes address_lo before data \
			with nothing masked (`direct`, `masked` on an entry without a mask bit, `lazy-move`, x86 \
			before v5.6, from v5.17, and from v6.7 where !irqd_can_reserve() sends non-maskable MSI \
			down the direct path), or writes a temporary message without the IRR check. Under the \
			two-step path (x86 msi_set_affinity(): old address + new vector, then the new address, then \
			a pending check on the old CPU) no interrupt is lost and it is reported as information: \
			spurious interrupts are the price. Interrupt remapping, a controller that routes the \
			message (GIC ITS, GICv2m), a parent that masks around a deferred move, MSI_FLAG_NO_AFFINITY \
			and an `atomic` message write do not tear. A device that also has MSI-X, under a parent that \
			supports MSI-X, is not reported: drivers take MSI-X first and never use the MSI entry.

			Fix: make the MSI `maskable` (a device with the capability), put a remap domain on the path \
			(enable interrupt remapping), or use `affinity-update two-step`.""")
			// the device's domain path to the root walks the hierarchy: a cycle has no root
			.requires(DomainCycle.INFO);

	@Override
	public CheckInfo info() {
		return INFO;
	}

	@Override
	public void checkDevice(PlatformFacts platform, DevicePath path, CheckReporter reporter) {
		MsiCapability msi = path.device().getMsi();
		if (!path.usesMsi() || path.entriesMaskable(false) || path.msiParent().isEmpty()) {
			return;
		}
		ProcedureInEffect proc = path.procedure();
		NonMaskableMove move = NonMaskableMove.read(path);
		String where = Labels.device(path.device());
		String named = Labels.procedure(proc, move);
		switch (move.kind()) {
		case TORN -> reporter.report(INFO,
				where + ": MSI cannot be masked and its path to the CPU has no interrupt remapping; " + named
						+ " writes address and data as separate 32-bit words, so an interrupt raised in between uses a torn message and is lost (seed 001, commit 6f1a4891a592)",
				msi, null);
		case TEMP_UNCHECKED -> reporter.report(INFO,
				where + ": MSI cannot be masked; " + named
						+ " writes a temporary (old CPU, new vector) message but never checks the old CPU's IRR for the new vector: an interrupt that lands there is lost (seed 001)",
				msi, null);
		case TWO_STEP -> reporter.report(INFO, Severity.INFO,
				where + ": non-maskable MSI without interrupt remapping is moved by the two-step update" + (proc.declared().isPresent() ? "" : " of " + named)
						+ " (old address + new vector, then the new address, then a pending check on the old CPU, as x86 msi_set_affinity() does): no interrupt is lost, spurious interrupts are the price (seed 001)",
				msi, null, -1);
		default -> {
			// remapped, routed by the controller, atomic, masked at the parent or refused: never torn
		}
		}
	}

	/**
	 * Mark the MSI maskable, or move it with the two-step update (the domain that declares the
	 * strategy, else the root) — not offered when the device is already moved by two-step (the info).
	 */
	@Override
	public List<QuickFix> fixes(EObject source, int offset) {
		if (!(source instanceof MsiCapability msi)) {
			return List.of();
		}
		List<QuickFix> fixes = new ArrayList<>();
		fixes.add(Fixes.markMaskable(msi));
		Platform platform = EcoreUtil2.getContainerOfType(msi, Platform.class);
		if (platform != null) {
			new PlatformFacts(platform).path(EcoreUtil2.getContainerOfType(msi, Device.class))
					.filter(p -> NonMaskableMove.read(p).kind() != NonMaskableMove.Kind.TWO_STEP)
					.flatMap(p -> p.strategyDomain().or(p::root))
					.flatMap(domain -> Fixes.setStrategy(domain, AffinityUpdate.TWO_STEP.getLiteral()))
					.ifPresent(fixes::add);
		}
		return fixes;
	}
}
