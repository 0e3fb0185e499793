package org.irqdsl.importer.firmware;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.irqdsl.importer.ImportException;

/**
 * Reads a flattened device tree blob (the DTB format of the Devicetree Specification v0.4, chapter
 * 5; the kernel's scripts/dtc/libfdt). Every structure offset is checked against the blob, so a
 * truncated or corrupt file is refused with its offset instead of read past its end.
 */
public final class Fdt {

	static final int MAGIC = 0xd00dfeed;
	private static final int HEADER = 40;
	private static final int BEGIN_NODE = 1;
	private static final int END_NODE = 2;
	private static final int PROP = 3;
	private static final int NOP = 4;
	private static final int END = 9;
	private static final int MAX_DEPTH = 64;

	private final String origin;
	private final ByteBuffer b;
	private int stringsOff;
	private int stringsSize;

	private Fdt(String origin, byte[] data) {
		this.origin = origin;
		this.b = ByteBuffer.wrap(data); // big-endian, as the format
	}

	/** The root node of the blob; {@code origin} names the file in error messages. */
	public static DtNode parse(String origin, byte[] data) throws ImportException {
		return new Fdt(origin, data).parse();
	}

	private ImportException bad(int offset, String what) {
		return new ImportException(String.format("%s: offset 0x%x: %s", origin, offset, what));
	}

	private DtNode parse() throws ImportException {
		int size = b.capacity();
		int magic = size >= 4 ? b.getInt(0) : 0;
		if (magic != MAGIC && (size >= 4 || looksLikeDts())) {
			throw bad(0, String.format("not a device tree blob: magic 0x%08x, expected 0xd00dfeed%s", magic,
					looksLikeDts() ? " (this is device tree source: use --dts)" : ""));
		}
		if (size < HEADER) {
			throw bad(size, "truncated: " + size + " bytes, shorter than the 40-byte DTB header");
		}
		long total = Integer.toUnsignedLong(b.getInt(4));
		int structOff = b.getInt(8);
		stringsOff = b.getInt(12);
		int version = b.getInt(20);
		int lastCompatible = b.getInt(24);
		stringsSize = b.getInt(32);
		int structSize = b.getInt(36);
		if (total > size) {
			throw bad(4, "truncated: the header's totalsize is " + total + " bytes, the file has " + size);
		}
		if (version < 16 || lastCompatible > 17) {
			throw bad(20, "DTB version " + version + " (last compatible " + lastCompatible + "): expected version 16 or 17");
		}
		if (structOff < HEADER || structOff > total || structSize < 0 || structOff + (long) structSize > total) {
			throw bad(8, String.format("structure block at 0x%x size 0x%x lies outside the %d-byte blob", structOff, structSize, total));
		}
		if (stringsOff < HEADER || stringsOff > total || stringsSize < 0 || stringsOff + (long) stringsSize > total) {
			throw bad(12, String.format("strings block at 0x%x size 0x%x lies outside the %d-byte blob", stringsOff, stringsSize, total));
		}
		int end = structOff + structSize;
		int p = structOff;
		DtNode root = null;
		DtNode current = null;
		int depth = 0;
		while (true) {
			if (p + 4 > end) {
				throw bad(p, "structure block ends without FDT_END");
			}
			int token = b.getInt(p);
			int at = p;
			p += 4;
			switch (token) {
			case BEGIN_NODE -> {
				int nul = findNul(p, end, at, "node name");
				String name = new String(b.array(), p, nul - p, StandardCharsets.UTF_8);
				p = align(nul + 1);
				if (current == null && root != null) {
					throw bad(at, "a second root node");
				}
				if (++depth > MAX_DEPTH) {
					throw bad(at, "nodes nested deeper than " + MAX_DEPTH);
				}
				DtNode n = new DtNode(current == null ? "" : name, current);
				if (current == null) {
					root = n;
				} else {
					current.children().add(n);
				}
				current = n;
			}
			case END_NODE -> {
				if (current == null) {
					throw bad(at, "FDT_END_NODE without a node");
				}
				current = current.parent();
				depth--;
			}
			case PROP -> {
				if (current == null) {
					throw bad(at, "a property outside any node");
				}
				if (p + 8 > end) {
					throw bad(at, "property header runs past the structure block");
				}
				int len = b.getInt(p);
				int nameOff = b.getInt(p + 4);
				p += 8;
				if (len < 0 || p + (long) len > end) {
					throw bad(at, "property of " + Integer.toUnsignedString(len) + " bytes runs past the structure block");
				}
				byte[] value = new byte[len];
				System.arraycopy(b.array(), p, value, 0, len);
				current.put(propertyName(nameOff, at), value);
				p = align(p + len);
			}
			case NOP -> {
			}
			case END -> {
				if (current != null || root == null) {
					throw bad(at, root == null ? "FDT_END before the root node" : "FDT_END inside node " + current.path());
				}
				return root;
			}
			default -> throw bad(at, String.format("unknown structure token 0x%08x (expected FDT_BEGIN_NODE, FDT_PROP, FDT_END_NODE, FDT_NOP or FDT_END)", token));
			}
		}
	}

	private String propertyName(int nameOff, int at) throws ImportException {
		if (nameOff < 0 || nameOff >= stringsSize) {
			throw bad(at, String.format("property name offset 0x%x outside the %d-byte strings block", nameOff, stringsSize));
		}
		int start = stringsOff + nameOff;
		int nul = findNul(start, stringsOff + stringsSize, at, "property name");
		return new String(b.array(), start, nul - start, StandardCharsets.UTF_8);
	}

	private int findNul(int from, int end, int at, String what) throws ImportException {
		for (int i = from; i < end; i++) {
			if (b.get(i) == 0) {
				return i;
			}
		}
		throw bad(at, what + " without a terminating NUL");
	}

	private static int align(int p) {
		return (p + 3) & ~3;
	}

	private boolean looksLikeDts() {
		String head = new String(b.array(), 0, Math.min(64, b.capacity()), StandardCharsets.ISO_8859_1);
		return head.contains("/dts-v1/");
	}
}
