package org.irqdsl.importer;

import java.util.Map;

/** Short words for PCI classes (include/linux/pci_ids.h PCI_CLASS_*), to name devices without a driver. */
final class ClassNames {

	private static final Map<String, String> BY_CODE = Map.ofEntries(Map.entry("0101", "ide"), Map.entry("0104", "raid"),
			Map.entry("0106", "sata"), Map.entry("0107", "sas"), Map.entry("0108", "nvme"), Map.entry("0200", "eth"),
			Map.entry("0280", "wlan"), Map.entry("0300", "vga"), Map.entry("0302", "gpu"), Map.entry("0401", "audio"),
			Map.entry("0403", "audio"), Map.entry("0500", "ram"), Map.entry("0600", "host"), Map.entry("0601", "isa"),
			Map.entry("0604", "bridge"), Map.entry("0700", "serial"), Map.entry("0780", "comm"), Map.entry("0880", "sysperiph"),
			Map.entry("0c03", "usb"), Map.entry("0c05", "smbus"), Map.entry("0c80", "serialbus"), Map.entry("1180", "dsp"));

	/** Class-name fragments of lspci without -nn, in the order they are tried. */
	private static final String[][] BY_NAME = { { "Non-Volatile memory", "nvme" }, { "RAID", "raid" }, { "SATA", "sata" },
			{ "IDE", "ide" }, { "Ethernet", "eth" }, { "Network", "wlan" }, { "VGA", "vga" }, { "3D", "gpu" }, { "Audio", "audio" },
			{ "audio", "audio" }, { "Host bridge", "host" }, { "ISA bridge", "isa" }, { "PCI bridge", "bridge" }, { "USB", "usb" },
			{ "SMBus", "smbus" }, { "Serial bus", "serialbus" }, { "Communication", "comm" }, { "Signal processing", "dsp" } };

	private ClassNames() {
	}

	static String shortName(String classCode, String className, String description) {
		if (classCode != null && BY_CODE.containsKey(classCode)) {
			return BY_CODE.get(classCode);
		}
		String text = className != null ? className : description;
		if (text != null) {
			for (String[] pair : BY_NAME) {
				if (text.contains(pair[0])) {
					return pair[1];
				}
			}
		}
		return null;
	}
}
