package org.irqdsl.importer.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.irqdsl.importer.ImportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Truncated, corrupt or mislabelled firmware files: one error naming the file and the offset. */
class FirmwareBadInputTest {

	private static byte[] qemuDtb() throws IOException {
		return Files.readAllBytes(FirmwareSamples.dtb("qemu-arm64-virt-gicv3-its"));
	}

	@Test
	void qemusPaddedBlobParsesLikeTheCompactOne() throws Exception {
		byte[] blob = qemuDtb();
		byte[] padded = Arrays.copyOf(blob, 1 << 20);
		ByteBuffer.wrap(padded).putInt(4, padded.length); // totalsize, as QEMU's dumpdtb writes it
		assertThat(Fdt.parse("padded", padded).all()).hasSameSizeAs(Fdt.parse("compact", blob).all());
	}

	@Test
	void truncatedDtbNamesTheOffset() throws Exception {
		byte[] blob = qemuDtb();
		assertThatThrownBy(() -> Fdt.parse("cut.dtb", Arrays.copyOf(blob, blob.length / 2))).isInstanceOf(ImportException.class)
				.hasMessageStartingWith("cut.dtb: offset 0x4: truncated: the header's totalsize is " + blob.length);
		assertThatThrownBy(() -> Fdt.parse("tiny.dtb", Arrays.copyOf(blob, 20))).hasMessageStartingWith("tiny.dtb: offset 0x14: truncated");
	}

	@Test
	void wrongMagicSaysWhatItIs(@TempDir Path dir) throws Exception {
		byte[] blob = qemuDtb();
		blob[0] = 0x7f;
		assertThatThrownBy(() -> Fdt.parse("x.dtb", blob)).hasMessage("x.dtb: offset 0x0: not a device tree blob: magic 0x7f0dfeed, expected 0xd00dfeed");
		Path dts = dir.resolve("board.dts");
		Files.writeString(dts, "/dts-v1/;\n/ { };\n");
		assertThatThrownBy(() -> FirmwareInputs.dtb(dts)).hasMessageEndingWith("(this is device tree source: use --dts)");
	}

	@Test
	void corruptStructureTokenNamesItsOffset() throws Exception {
		byte[] blob = qemuDtb();
		ByteBuffer b = ByteBuffer.wrap(blob);
		int structOff = b.getInt(8);
		// the root's FDT_BEGIN_NODE, then its empty name padded to 4 bytes: the first property token follows
		b.putInt(structOff + 8, 0x77);
		assertThatThrownBy(() -> Fdt.parse("bad.dtb", blob))
				.hasMessage(String.format("bad.dtb: offset 0x%x: unknown structure token 0x00000077 (expected FDT_BEGIN_NODE, FDT_PROP, FDT_END_NODE, FDT_NOP or FDT_END)", structOff + 8));
	}

	@Test
	void propertyRunningPastTheStructureBlock() throws Exception {
		byte[] blob = qemuDtb();
		ByteBuffer b = ByteBuffer.wrap(blob);
		int structOff = b.getInt(8);
		b.putInt(structOff + 12, 0x7fffff00); // the first property's length
		assertThatThrownBy(() -> Fdt.parse("long.dtb", blob)).hasMessageContaining(String.format("long.dtb: offset 0x%x: property of", structOff + 8))
				.hasMessageContaining("runs past the structure block");
	}

	private static byte[] table(String set, String sig) throws IOException {
		return Files.readAllBytes(FirmwareSamples.acpi(set).resolve(sig));
	}

	@Test
	void acpiChecksumMismatch() throws Exception {
		byte[] dmar = table("q35-intel-iommu-intremap", "DMAR");
		dmar[37] ^= 1; // the INTR_REMAP flag flipped, the checksum not fixed
		assertThatThrownBy(() -> AcpiTable.of("DMAR", dmar)).isInstanceOf(ImportException.class)
				.hasMessageStartingWith("DMAR: offset 0x9: DMAR checksum mismatch: the bytes sum to 0x");
	}

	@Test
	void acpiTruncatedAndWrongSignature() throws Exception {
		byte[] madt = table("q35-intel-iommu-intremap", "APIC");
		assertThatThrownBy(() -> AcpiTable.of("APIC", Arrays.copyOf(madt, madt.length - 8)))
				.hasMessage("APIC: offset 0x4: APIC table length " + madt.length + ", but the file has " + (madt.length - 8) + " bytes (truncated)");
		assertThatThrownBy(() -> AcpiTable.of("APIC", Arrays.copyOf(madt, 30))).hasMessageStartingWith("APIC: offset 0x1e: truncated: 30 bytes");
		byte[] elf = Arrays.copyOf(madt, madt.length);
		elf[0] = 0x7f;
		assertThatThrownBy(() -> AcpiTable.of("vmlinux", elf)).hasMessageStartingWith("vmlinux: offset 0x0: not an ACPI table: signature bytes 7f");
	}

	@Test
	void subtableLengthPastTheTableIsRefusedAtItsOffset() throws Exception {
		byte[] dmar = table("q35-intel-iommu-intremap", "DMAR");
		ByteBuffer b = ByteBuffer.wrap(dmar).order(java.nio.ByteOrder.LITTLE_ENDIAN);
		b.putShort(48 + 2, (short) 0x400); // the DRHD's length
		fixChecksum(dmar);
		assertThatThrownBy(() -> Dmar.decode(AcpiTable.of("DMAR", dmar)))
				.hasMessage("DMAR: offset 0x30: DMAR: remapping structure of type 0 with length 1024 does not fit the table");
	}

	@Test
	void acpiFolderWithACorruptTableIsRefusedWhole(@TempDir Path dir) throws Exception {
		Path src = FirmwareSamples.acpi("q35-amd-iommu");
		try (var files = Files.list(src)) {
			for (Path f : files.toList()) {
				Files.copy(f, dir.resolve(f.getFileName()));
			}
		}
		byte[] ivrs = Files.readAllBytes(dir.resolve("IVRS"));
		ivrs[60] ^= 0x10;
		Files.write(dir.resolve("IVRS"), ivrs);
		assertThatThrownBy(() -> FirmwareInputs.acpi(dir)).hasMessageStartingWith(dir.resolve("IVRS") + ": offset 0x9: IVRS checksum mismatch");
		assertThatThrownBy(() -> FirmwareInputs.acpi(dir.resolve("none"))).hasMessageContaining("no such folder");
	}

	static void fixChecksum(byte[] t) {
		t[9] = 0;
		int sum = 0;
		for (byte x : t) {
			sum += x & 0xff;
		}
		t[9] = (byte) -sum;
	}
}
