package org.irqdsl.importer;

import org.irqdsl.analysis.PciAddress;

/**
 * One PCI function as {@code lspci -vv} shows it, with the facts the importer uses and the line
 * each came from.
 *
 * @param address      the function's address ({@code [domain:]bus:device.function})
 * @param printed      the address as lspci printed it ("00:1f.2" or "0000:00:1f.2")
 * @param headerLine   the line of the record's header
 * @param className    "RAID bus controller" (null with {@code lspci -n})
 * @param classCode    "0104" ({@code -nn} or {@code -n} only)
 * @param vendorDevice "8086:9a0b" ({@code -nn} or {@code -n} only)
 * @param description  the rest of the header (vendor and device names)
 * @param driver       "Kernel driver in use", with its line
 * @param disIntx      Control: DisINTx+ (the kernel sets it when it enables MSI or MSI-X), null if not shown
 * @param capabilities whether the capability list could be read
 * @param msi          the MSI capability, null when absent (or not visible)
 * @param msix         the MSI-X capability, null when absent (or not visible)
 * @param msiAddress   the MSI capability's message address, null when lspci did not print it
 */
public record PciFunction(PciAddress address, String printed, int headerLine, String className, String classCode,
		String vendorDevice, String description, String driver, int driverLine, Boolean disIntx, int controlLine,
		Capabilities capabilities, int capabilitiesLine, MsiCap msi, MsixCap msix, MsiAddress msiAddress) {

	/** Whether lspci could show the capability list. */
	public enum Capabilities {
		/** listed (possibly none: Status Cap-) */
		VISIBLE,
		/** {@code Capabilities: <access denied>}: lspci ran without root */
		ACCESS_DENIED,
		/** no detail lines at all: plain {@code lspci} without -v */
		NO_DETAILS
	}

	/** {@code Capabilities: [50] MSI: Enable+ Count=1/8 Maskable- 64bit+}. */
	public record MsiCap(boolean enabled, int countEnabled, int countCapable, boolean maskable, boolean address64, int line) {
	}

	/** {@code Capabilities: [b0] MSI-X: Enable+ Count=130 Masked-} (Count is the table size). */
	public record MsixCap(boolean enabled, int tableSize, int line) {
	}

	/**
	 * The line ls-caps.c cap_msi() prints below the MSI capability: {@code Address: fee00218  Data: 0000}
	 * (64-bit capabilities print 16 hex digits). What the kernel last wrote, also while MSI is disabled.
	 */
	public record MsiAddress(long address, int data, int line) {
	}

	/** "Non-Volatile memory controller [0108]: Samsung ... [144d:a80a]" as one line for comments. */
	public String summary() {
		StringBuilder b = new StringBuilder();
		if (className != null) {
			b.append(className);
		}
		if (classCode != null) {
			b.append(b.length() > 0 ? " " : "").append('[').append(classCode).append(']');
		}
		if (description != null && !description.isBlank()) {
			b.append(b.length() > 0 ? ": " : "").append(description.strip());
		}
		return b.toString();
	}
}
