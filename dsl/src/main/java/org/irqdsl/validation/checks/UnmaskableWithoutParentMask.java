package org.irqdsl.validation.checks;

import org.irqdsl.analysis.DevicePath;
import org.irqdsl.analysis.DomainFacts;
import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.irqDsl.Domain;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.irqDsl.MsiCapability;
import org.irqdsl.runtime.kernel.MsiFlag;
import org.irqdsl.runtime.kernel.MsiLib;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.irqdsl.validation.FixableCheck;
import org.irqdsl.validation.QuickFix;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.CheckReporter;
import org.irqdsl.validation.DeviceCheck;

/**
 * Seed 002 (Marc Zyngier and tglx on MSI_FLAG_PCI_MSI_MASK_PARENT, May 2023): device-level MSI
 * masking "ranges from not possible over flaky to properly working"; only a parent irqchip that
 * masks reliably stops a rogue device.
 */
public final class UnmaskableWithoutParentMask implements DeviceCheck, FixableCheck {

	public static final CheckInfo INFO = CheckInfo.warning("unmaskable-without-parent-mask",
			"Device cannot mask and the parent does not mask", "seed 002 (PCI/MSI parent mask)",
			"""
			disable_irq() and the lazy-disable path mask an interrupt when it arrives while disabled. \
			For an MSI entry without the per-vector mask capability the device cannot do it, so the \
			interrupt machinery must mask at the parent irqchip: the parent advertises \
			MSI_FLAG_PCI_MSI_MASK_PARENT (GIC ITS, GICv2m, IMSIC do) and its root chip can mask one \
			interrupt. Without both, a rogue device keeps sending messages that reach the CPU while the \
			interrupt is disabled and "spams the PCIe bus" (tglx). x86's local APIC cannot mask a \
			single vector ("I wish I could disable individual vectors at the local APIC level").

			A device that also has MSI-X, under a parent that supports MSI-X, is not reported: \
			drivers take MSI-X first, and MSI-X entries can always be masked.

			Fix: a device with maskable MSI, or a parent that masks (MSI_FLAG_PCI_MSI_MASK_PARENT in \
			`required`, `chip-mask yes` on a root that can).""")
			// the device's domain path to the root walks the hierarchy: a cycle has no root
			.requires(DomainCycle.INFO);

	@Override
	public CheckInfo info() {
		return INFO;
	}

	@Override
	public void checkDevice(PlatformFacts platform, DevicePath path, CheckReporter reporter) {
		MsiCapability msi = path.device().getMsi();
		if (!path.usesMsi() || path.entriesMaskable(false) || path.msiParent().isEmpty() || path.msiParent().get().getOps() == null) {
			return;
		}
		Domain parent = path.msiParent().get();
		boolean maskParent = path.has(MsiLib.PCI_MSI_TEMPLATE_FLAGS, MsiFlag.MSI_FLAG_PCI_MSI_MASK_PARENT);
		boolean rootMasks = path.root().map(DomainFacts::chipCanMask).orElse(false);
		if (maskParent && rootMasks) {
			return;
		}
		String why = !maskParent
				? "MSI parent " + parent.getName() + " does not take masking (no MSI_FLAG_PCI_MSI_MASK_PARENT in effect)"
				: "the root irqchip " + path.root().get().getName() + " cannot mask an interrupt";
		reporter.report(INFO, Labels.device(path.device()) + ": MSI cannot be masked at the device and " + why
				+ ": a rogue device cannot be silenced after disable_irq (seed 002)", msi,
				null);
	}

	@Override
	public List<QuickFix> fixes(EObject source, int offset) {
		return source instanceof MsiCapability msi ? List.of(Fixes.markMaskable(msi)) : List.of();
	}
}
