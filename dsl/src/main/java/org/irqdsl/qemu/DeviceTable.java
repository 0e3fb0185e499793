package org.irqdsl.qemu;

import java.util.List;
import java.util.Optional;

/**
 * The QEMU devices a described device is mapped onto, by MSI shape: the same MSI or MSI-X
 * capability, the same count, the same per-vector masking. Measured with `lspci -vv` in a q35
 * guest of QEMU 7.2 (docs/qemu.md has the table and the measurement).
 */
public final class DeviceTable {

	/** The largest MSI-X table QEMU's nvme accepts for msix_qsize (hw/nvme/ctrl.c: 1..2048). */
	static final int NVME_MAX_MSIX = 2048;

	public static final QemuDevice ICH9_AHCI = new QemuDevice("ahci", "msi count 1 64-bit (no mask bit)", "ahci",
			List.of("ahci", "sd_mod"), true, n -> "",
			"hw/ide/ich.c pci_ich9_ahci_realize(): msi_init(dev, ICH9_MSI_CAP_OFFSET, 1, true, false)");
	public static final QemuDevice IOH3420 = new QemuDevice("ioh3420", "msi count 2 maskable (32-bit)", "pcieport",
			List.of(), false, n -> "",
			"hw/pci-bridge/ioh3420.c: msi_init(d, 0x60, 2, false, true) (PCIe root port, driver pcieport)");
	public static final QemuDevice NVME = new QemuDevice("nvme", "msi-x count N (1..2048), no MSI", "nvme",
			List.of("nvme"), true,
			n -> ",msix_qsize=" + n + ",max_ioqpairs=" + Math.max(1, n - 1),
			"hw/nvme/ctrl.c nvme_init_pci(): msix_init(pci_dev, n->params.msix_qsize, ...)");
	public static final QemuDevice E1000E = new QemuDevice("e1000e", "msi count 1 64-bit and msi-x count 5", "e1000e",
			List.of("e1000e"), false, n -> "",
			"hw/net/e1000e.c: msi_init(..., 1, true, false), msix_init(E1000E_MSIX_VEC_NUM = 5)");

	public static final List<QemuDevice> ROWS = List.of(ICH9_AHCI, IOH3420, NVME, E1000E);

	private DeviceTable() {
	}

	/** The QEMU device with exactly this MSI shape, if any. */
	public static Optional<QemuDevice> match(MsiShape s) {
		if (s.hasMsi() && !s.hasMsix() && s.msiCount() == 1 && !s.maskable() && s.address64()) {
			return Optional.of(ICH9_AHCI);
		}
		if (s.hasMsi() && !s.hasMsix() && s.msiCount() == 2 && s.maskable() && !s.address64()) {
			return Optional.of(IOH3420);
		}
		if (!s.hasMsi() && s.hasMsix() && s.msixCount() <= NVME_MAX_MSIX) {
			return Optional.of(NVME);
		}
		if (s.hasMsi() && s.msiCount() == 1 && !s.maskable() && s.address64() && s.msixCount() == 5) {
			return Optional.of(E1000E);
		}
		return Optional.empty();
	}

	/** Why no row fits, for the unmatched-device report. */
	public static String whyUnmatched(MsiShape s) {
		if (!s.hasMsi() && !s.hasMsix()) {
			return "it declares no MSI or MSI-X capability: nothing to compare";
		}
		if (s.hasMsix() && s.msixCount() > NVME_MAX_MSIX) {
			return "msi-x count " + s.msixCount() + " is above what QEMU's nvme offers (" + NVME_MAX_MSIX + ")";
		}
		return "no QEMU device has the MSI shape \"" + s + "\" (the table in docs/qemu.md lists the shapes there are)";
	}
}
