package org.irqdsl.qemu;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The guest's initramfs: its tools ({@link GuestTools}: busybox, lspci with its shared libraries,
 * pci.ids), the driver modules, and /init ({@link GuestInit}); a gzip'd newc cpio.
 */
public final class Initramfs {

	private Initramfs() {
	}

	/** Writes the archive: the folders, /init, the guest's tools and the driver modules. */
	public static void write(Path target, String init, List<Path> modules, GuestTools tools) throws QemuException {
		Cpio c = new Cpio();
		for (GuestTools.Copy l : tools.symlinks()) {
			c.symlink(l.target(), l.source());
		}
		for (String d : List.of("bin", "sbin", "proc", "sys", "dev", "tmp", "modules", "sys/kernel/tracing")) {
			c.folder(d);
		}
		c.file("init", init.getBytes(StandardCharsets.UTF_8), true);
		for (GuestTools.Copy f : tools.files()) {
			if (!c.has(f.target())) {
				c.file(f.target(), read(Path.of(f.source()), "the guest's tools"), !f.target().endsWith("pci.ids"));
			}
		}
		for (Path m : modules) {
			c.file("modules/" + m.getFileName(), read(m, "the kernel's modules"), false);
		}
		try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(target))) {
			c.writeTo(o);
		} catch (IOException e) {
			throw new QemuException(target + ": cannot write (" + e.getMessage() + ")");
		}
	}

	private static byte[] read(Path p, String from) throws QemuException {
		try {
			return Files.readAllBytes(p.toRealPath());
		} catch (IOException e) {
			throw new QemuException(p + ": cannot read (" + e.getMessage() + "); it comes from " + from
					+ " (scripts/install-system-packages qemu-x86)");
		}
	}

	private static final Pattern LDD_LINE = Pattern.compile("(?:=>\\s*)?(/\\S+)\\s+\\(0x");

	/** The libraries ldd resolves for a program, with the dynamic loader. */
	static List<Path> sharedLibraries(Path program) throws QemuException {
		List<Path> libs = new ArrayList<>();
		try {
			Process p = new ProcessBuilder("ldd", program.toString()).redirectErrorStream(true).start();
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
				throw new QemuException("ldd " + program + " failed: " + out.strip());
			}
			for (String line : out.split("\n")) {
				Matcher m = LDD_LINE.matcher(line);
				if (m.find()) {
					libs.add(Path.of(m.group(1)));
				}
			}
		} catch (IOException e) {
			throw new QemuException("ldd " + program + ": " + e.getMessage());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new QemuException("ldd " + program + ": interrupted");
		}
		return libs;
	}
}
