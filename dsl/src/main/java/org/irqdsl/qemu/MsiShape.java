package org.irqdsl.qemu;

import org.irqdsl.irqDsl.Device;

/**
 * A PCI function's MSI shape as lspci shows it and the language declares it: the MSI capability
 * (vector count, per-vector masking, 64-bit address) and the MSI-X table size; 0 = no such capability.
 */
public record MsiShape(int msiCount, boolean maskable, boolean address64, int msixCount) {

	public static MsiShape of(Device d) {
		int msi = d.getMsi() == null ? 0 : Math.max(1, d.getMsi().getCount());
		boolean mask = d.getMsi() != null && d.getMsi().isMaskable();
		boolean a64 = d.getMsi() != null && d.getMsi().isAddress64();
		int msix = d.getMsix() == null ? 0 : Math.max(1, d.getMsix().getCount());
		return new MsiShape(msi, mask, a64, msix);
	}

	public boolean hasMsi() {
		return msiCount > 0;
	}

	public boolean hasMsix() {
		return msixCount > 0;
	}

	/** As the language writes it: {@code msi count 1 64-bit msi-x count 65}. */
	@Override
	public String toString() {
		StringBuilder s = new StringBuilder();
		if (hasMsi()) {
			s.append("msi count ").append(msiCount).append(maskable ? " maskable" : "").append(address64 ? " 64-bit" : "");
		}
		if (hasMsix()) {
			s.append(s.isEmpty() ? "" : " ").append("msi-x count ").append(msixCount);
		}
		return s.isEmpty() ? "no MSI" : s.toString();
	}
}
