package org.irqdsl.qemu;

import java.util.List;
import java.util.function.IntFunction;

/**
 * One row of the device table (docs/qemu.md): a QEMU device model whose MSI shape, as QEMU 7.2
 * builds it, is the described one, and the guest driver that enables it.
 *
 * @param model     the QEMU device model ({@code -device MODEL,...})
 * @param shapeText the shapes it gives, in words (for the table)
 * @param driver    the Linux driver (as /proc/interrupts names its interrupts)
 * @param modules   the driver's kernel modules (modules.dep adds what they need; built-in ones are skipped)
 * @param needsDrive whether the device needs a block backend (an empty image is attached)
 * @param properties the device's properties for a described MSI-X count (empty when fixed)
 * @param source    where QEMU sets the shape (file, function)
 */
public record QemuDevice(String model, String shapeText, String driver, List<String> modules, boolean needsDrive,
		IntFunction<String> properties, String source) {

	public String properties(MsiShape shape) {
		return properties.apply(shape.msixCount());
	}
}
