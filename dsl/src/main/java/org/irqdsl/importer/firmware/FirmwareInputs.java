package org.irqdsl.importer.firmware;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.irqdsl.importer.ImportException;
import org.irqdsl.importer.InputText;

/** Reads the firmware inputs of {@code irqdsl import}: --dtb FILE, --dts FILE (compiled with dtc), --acpi DIR. */
public final class FirmwareInputs {

	/** A DTB of a large SoC is a few hundred KiB; QEMU pads its dump to 1 MiB. */
	private static final long MAX_DTB = 16L * 1024 * 1024;

	private FirmwareInputs() {
	}

	public static FirmwareFacts dtb(Path file) throws ImportException {
		byte[] data = bytes(file, "a device tree blob");
		DtNode root = Fdt.parse(file.toString(), data);
		return DeviceTreeReader.read("dtb", String.format("%-11s%s (%d nodes)", "dtb:", file, root.all().size()), root);
	}

	/** Device tree source, compiled to a blob by dtc (Debian's device-tree-compiler); an #include needs cpp first. */
	public static FirmwareFacts dts(Path file) throws ImportException {
		bytes(file, "device tree source");
		byte[] blob = Dtc.compile(file);
		DtNode root = Fdt.parse(file + " (compiled by dtc)", blob);
		return DeviceTreeReader.read("dts", String.format("%-11s%s (%d nodes, compiled by dtc)", "dts:", file, root.all().size()), root);
	}

	public static FirmwareFacts acpi(Path dir) throws ImportException {
		return AcpiReader.read(dir);
	}

	private static byte[] bytes(Path file, String what) throws ImportException {
		try {
			if (Files.isDirectory(file)) {
				throw new ImportException(file + ": is a folder, expected " + what);
			}
			if (Files.size(file) > MAX_DTB) {
				throw new ImportException(file + ": larger than " + MAX_DTB / 1048576 + " MiB, expected " + what);
			}
			return Files.readAllBytes(file);
		} catch (IOException e) {
			throw new ImportException(file + ": " + InputText.ioProblem(e));
		}
	}

	/** Runs dtc; its first error line becomes the import's error. */
	static final class Dtc {

		private Dtc() {
		}

		static byte[] compile(Path dts) throws ImportException {
			Process p;
			try {
				p = new ProcessBuilder("dtc", "-q", "-I", "dts", "-O", "dtb", "-o", "-", dts.toString()).start();
			} catch (IOException e) {
				throw new ImportException(dts + ": cannot run dtc (" + e.getMessage()
						+ "); install the device tree compiler (Debian: device-tree-compiler) or give the blob with --dtb");
			}
			try (InputStream out = p.getInputStream(); InputStream err = p.getErrorStream()) {
				ByteArrayOutputStream blob = new ByteArrayOutputStream();
				ByteArrayOutputStream msg = new ByteArrayOutputStream();
				Thread errReader = new Thread(() -> {
					try {
						err.transferTo(msg);
					} catch (IOException e) {
						// the exit status tells
					}
				});
				errReader.start();
				out.transferTo(blob);
				if (!p.waitFor(60, TimeUnit.SECONDS)) {
					p.destroyForcibly();
					throw new ImportException(dts + ": dtc did not finish within 60 s");
				}
				errReader.join();
				if (p.exitValue() != 0) {
					String first = msg.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).findFirst().orElse("exit status " + p.exitValue());
					throw new ImportException("dtc: " + first + (first.contains("#include") || msg.toString(StandardCharsets.UTF_8).contains("syntax error")
							? " (a .dts with #include needs the C preprocessor first: cpp -nostdinc -undef -x assembler-with-cpp -I include ...)" : ""));
				}
				return blob.toByteArray();
			} catch (IOException e) {
				throw new ImportException(dts + ": dtc: " + e.getMessage());
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new ImportException(dts + ": interrupted while dtc ran");
			}
		}
	}
}
