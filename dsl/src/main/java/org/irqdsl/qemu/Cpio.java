package org.irqdsl.qemu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A cpio archive in the "newc" format the kernel unpacks as an initramfs
 * (Documentation/driver-api/early-userspace/buffer-format.rst): a 110-byte ASCII header per entry,
 * name and data each padded to 4 bytes, closed by "TRAILER!!!". Parent folders are added first.
 */
public final class Cpio {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final Set<String> names = new LinkedHashSet<>();
	private int ino = 1;

	public Cpio folder(String path) {
		String p = strip(path);
		if (p.isEmpty() || names.contains(p)) {
			return this;
		}
		parents(p);
		entry(p, 040755, new byte[0]);
		return this;
	}

	public Cpio file(String path, byte[] data, boolean executable) {
		String p = strip(path);
		parents(p);
		entry(p, executable ? 0100755 : 0100644, data);
		return this;
	}

	public Cpio symlink(String path, String target) {
		String p = strip(path);
		parents(p);
		entry(p, 0120777, target.getBytes(StandardCharsets.UTF_8));
		return this;
	}

	public boolean has(String path) {
		return names.contains(strip(path));
	}

	public void writeTo(OutputStream o) throws IOException {
		ByteArrayOutputStream copy = new ByteArrayOutputStream();
		copy.write(out.toByteArray());
		header(copy, "TRAILER!!!", 0, 0, 0);
		copy.writeTo(o);
	}

	private void parents(String p) {
		int slash = p.lastIndexOf('/');
		if (slash > 0) {
			folder(p.substring(0, slash));
		}
	}

	private void entry(String p, int mode, byte[] data) {
		names.add(p);
		header(out, p, mode, data.length, ino++);
		out.writeBytes(data);
		pad(out);
	}

	private static void header(ByteArrayOutputStream o, String name, int mode, int size, int ino) {
		byte[] n = (name + "\0").getBytes(StandardCharsets.UTF_8);
		String h = "070701" + hex(ino) + hex(mode) + hex(0) + hex(0) + hex(1) + hex(0) + hex(size) + hex(0) + hex(0) + hex(0)
				+ hex(0) + hex(n.length) + hex(0);
		o.writeBytes(h.getBytes(StandardCharsets.US_ASCII));
		o.writeBytes(n);
		pad(o);
	}

	private static void pad(ByteArrayOutputStream o) {
		while (o.size() % 4 != 0) {
			o.write(0);
		}
	}

	private static String hex(int v) {
		return String.format("%08x", v);
	}

	private static String strip(String path) {
		String p = path;
		while (p.startsWith("/")) {
			p = p.substring(1);
		}
		return p;
	}
}
