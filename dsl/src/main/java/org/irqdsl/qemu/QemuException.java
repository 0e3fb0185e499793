package org.irqdsl.qemu;

/** A one-line reason the qemu command cannot go on (bad input, missing kernel or QEMU). */
public final class QemuException extends Exception {

	private static final long serialVersionUID = 1L;

	public QemuException(String message) {
		super(message);
	}
}
