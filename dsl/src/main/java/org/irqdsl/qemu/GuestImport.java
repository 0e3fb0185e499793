package org.irqdsl.qemu;

import org.irqdsl.importer.ImportException;
import org.irqdsl.importer.Importer;
import org.irqdsl.importer.InputText;
import org.irqdsl.irqDsl.Model;
import org.irqdsl.irqDsl.Platform;

/**
 * The guest's dumps (lspci -vv, /proc/interrupts, the kernel log) made into a platform by
 * {@code irqdsl import}, as the round trip compares it; {@code origin} names the files for messages.
 */
public record GuestImport(String platformText, Platform platform) {

	public static GuestImport of(String lspci, String interrupts, String dmesg, String name, String origin) throws QemuException {
		Importer.Result imported;
		try {
			imported = Importer.run(Importer.Request.of(InputText.of("lspci", origin + "/lspci.txt", lspci),
					InputText.of("interrupts", origin + "/interrupts.txt", interrupts),
					InputText.of("dmesg", origin + "/dmesg.txt", dmesg), name));
		} catch (ImportException e) {
			throw new QemuException("import of the guest's output: " + e.getMessage());
		}
		String file = origin + "/imported.irqdsl";
		Model m = Models.parse(imported.platformText(), file);
		return new GuestImport(imported.platformText(), Models.platform(m, name, file));
	}
}
