package org.irqdsl.importer.firmware;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.irqdsl.importer.Evidence;
import org.irqdsl.importer.ImportException;
import org.irqdsl.importer.SourceRef;

/**
 * One ACPI table (ACPI 6.5 section 5.2.6, the 36-byte System Description Table Header), checked:
 * signature of four printable characters, a length that is the file's, a checksum over the whole
 * table that sums to zero. Fields are read little-endian; a read past the table's end is an error
 * naming the file and offset.
 */
public final class AcpiTable {

	public static final int HEADER = 36;

	private final String file;
	private final String signature;
	private final ByteBuffer b;

	private AcpiTable(String file, String signature, byte[] data) {
		this.file = file;
		this.signature = signature;
		this.b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
	}

	/** The table in {@code data}, read from {@code file}. */
	public static AcpiTable of(String file, byte[] data) throws ImportException {
		if (data.length < HEADER) {
			throw new ImportException(String.format("%s: offset 0x%x: truncated: %d bytes, shorter than the 36-byte ACPI table header", file,
					data.length, data.length));
		}
		String sig = new String(data, 0, 4, StandardCharsets.ISO_8859_1);
		if (!sig.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
			throw new ImportException(String.format("%s: offset 0x0: not an ACPI table: signature bytes %02x %02x %02x %02x are not ASCII",
					file, data[0], data[1], data[2], data[3]));
		}
		long length = Integer.toUnsignedLong(ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getInt(4));
		if (length != data.length) {
			throw new ImportException(String.format("%s: offset 0x4: %s table length %d, but the file has %d bytes%s", file, sig, length,
					data.length, length > data.length ? " (truncated)" : ""));
		}
		int sum = 0;
		for (byte x : data) {
			sum += x & 0xff;
		}
		if ((sum & 0xff) != 0) {
			throw new ImportException(String.format("%s: offset 0x9: %s checksum mismatch: the bytes sum to 0x%02x, expected 0x00 (checksum byte 0x%02x)",
					file, sig, sum & 0xff, data[9] & 0xff));
		}
		return new AcpiTable(file, sig, data);
	}

	public String signature() {
		return signature;
	}

	public String file() {
		return file;
	}

	public int length() {
		return b.capacity();
	}

	public int revision() {
		return u8(8);
	}

	public String oemId() {
		return new String(b.array(), 10, 6, StandardCharsets.ISO_8859_1).trim();
	}

	private void need(int offset, int size) throws ImportException {
		if (offset < 0 || offset + size > b.capacity()) {
			throw new ImportException(String.format("%s: offset 0x%x: %s: a %d-byte field runs past the table's end (%d bytes)", file, offset,
					signature, size, b.capacity()));
		}
	}

	public int u8(int offset) {
		return b.get(offset) & 0xff;
	}

	public int u8Checked(int offset) throws ImportException {
		need(offset, 1);
		return u8(offset);
	}

	public int u16(int offset) throws ImportException {
		need(offset, 2);
		return b.getShort(offset) & 0xffff;
	}

	public long u32(int offset) throws ImportException {
		need(offset, 4);
		return Integer.toUnsignedLong(b.getInt(offset));
	}

	public long u64(int offset) throws ImportException {
		need(offset, 8);
		return b.getLong(offset);
	}

	/** A subtable's length field that is too small or reaches past the end: an error at its offset. */
	public ImportException bad(int offset, String what) {
		return new ImportException(String.format("%s: offset 0x%x: %s: %s", file, offset, signature, what));
	}

	/** Evidence citing this table at an offset, as iasl -d prints offsets: {@code DMAR+0x30}. */
	public Evidence at(int offset, String what) {
		return new Evidence(what, new SourceRef(String.format("acpi:%s+0x%x", signature, offset), 0));
	}
}
