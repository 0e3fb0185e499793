package org.irqdsl.validation.checks;

import org.eclipse.xtext.diagnostics.Severity;
import org.irqdsl.analysis.DevicePath;
import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.irqDsl.Device;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.runtime.kernel.MsiFlag;
import org.irqdsl.runtime.kernel.MsiLib;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.irqdsl.validation.FixableCheck;
import org.irqdsl.validation.QuickFix;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.CheckReporter;
import org.irqdsl.validation.DeviceCheck;

/** msi_lib_init_dev_msi_info() step 5 as seen by a device: what the parent's mask takes away. */
public final class FlagMaskedByParent implements DeviceCheck, FixableCheck {

	public static final CheckInfo INFO = CheckInfo.error("flag-masked-by-parent",
			"A flag the device needs is masked out by its MSI parent", "drivers/irqchip/irq-msi-lib.c, drivers/pci/msi/irqdomain.c",
			"""
			The per-device PCI/MSI-X domain asks for MSI_FLAG_PCI_MSIX, the PCI/MSI domain for \
			MSI_FLAG_MULTI_PCI_MSI; `flags &= supported_flags` drops what the parent does not support.
			- An error when a device that has only MSI-X sits under a parent whose effective flags \
			drop MSI_FLAG_PCI_MSIX: it gets no MSI at all.
			- A warning for a multi-vector MSI (`msi count N`, N > 1) without MSI_FLAG_MULTI_PCI_MSI \
			(and no usable MSI-X): pci_msi_domain_supports() fails and it gets one vector.

			Fix: add the flag to the parent's `supported`, or move the device under a parent that \
			supports it (Intel DMAR and AMD-Vi support MULTI_PCI_MSI, the x86 vector domain does not).""")
			// the device's domain path to the root walks the hierarchy: a cycle has no root
			.requires(DomainCycle.INFO);

	@Override
	public CheckInfo info() {
		return INFO;
	}

	@Override
	public void checkDevice(PlatformFacts platform, DevicePath path, CheckReporter reporter) {
		Device device = path.device();
		if (path.msiParent().isEmpty() || path.msiParent().get().getOps() == null) {
			return;
		}
		String parent = path.msiParent().get().getName();
		boolean msix = device.getMsix() != null && path.has(MsiLib.PCI_MSIX_TEMPLATE_FLAGS, MsiFlag.MSI_FLAG_PCI_MSIX);
		if (device.getMsix() != null && device.getMsi() == null && !msix) {
			reporter.report(INFO, Labels.device(device) + " has only MSI-X, but MSI parent " + parent
					+ " drops MSI_FLAG_PCI_MSIX (flags &= supported_flags): it gets no MSI at all",
					device.getMsix(), null);
		}
		if (device.getMsi() != null && device.getMsi().getCount() > 1 && !msix
				&& !path.has(MsiLib.PCI_MSI_TEMPLATE_FLAGS, MsiFlag.MSI_FLAG_MULTI_PCI_MSI)) {
			reporter.report(INFO, Severity.WARNING, Labels.device(device) + " asks for " + device.getMsi().getCount()
					+ " MSI vectors, but MSI parent " + parent
					+ " drops MSI_FLAG_MULTI_PCI_MSI: it gets one vector", device.getMsi(),
					IrqDslPackage.Literals.MSI_CAPABILITY__COUNT, -1);
		}
	}

	/** Add the dropped flag to the MSI parent's supported_flags. */
	@Override
	public List<QuickFix> fixes(EObject source, int offset) {
		String flag = source instanceof org.irqdsl.irqDsl.MsixCapability ? MsiFlag.MSI_FLAG_PCI_MSIX.name()
				: source instanceof org.irqdsl.irqDsl.MsiCapability ? MsiFlag.MSI_FLAG_MULTI_PCI_MSI.name() : null;
		if (flag == null || !(source.eContainer() instanceof Device device) || !(device.eContainer() instanceof org.irqdsl.irqDsl.Bus bus)
				|| bus.getMsiParent() == null || bus.getMsiParent().getOps() == null) {
			return List.of();
		}
		return Fixes.appendToList("Add " + flag + " to the supported flags of " + bus.getMsiParent().getName(),
				bus.getMsiParent().getOps(), IrqDslPackage.Literals.MSI_PARENT_OPS__SUPPORTED, flag).stream().toList();
	}
}
