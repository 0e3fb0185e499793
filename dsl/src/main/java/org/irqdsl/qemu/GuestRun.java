package org.irqdsl.qemu;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Boots the guest and waits for it to power off, showing a progress line (the seconds and the
 * guest's last marker) while it boots: rewritten in place on a terminal, a line per marker otherwise.
 */
public final class GuestRun {

	private GuestRun() {
	}

	public static String boot(List<String> command, Path console, int timeoutSeconds, PrintWriter err, boolean terminal)
			throws QemuException {
		Path log = console.resolveSibling("qemu-stderr.txt");
		Process p;
		try {
			Files.deleteIfExists(console);
			p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		} catch (IOException e) {
			throw new QemuException(command.get(0) + ": cannot start (" + e.getMessage()
					+ "); install it with scripts/install-system-packages qemu-x86");
		}
		long start = System.nanoTime();
		String last = "";
		try {
			while (!p.waitFor(1, TimeUnit.SECONDS)) {
				long s = (System.nanoTime() - start) / 1_000_000_000L;
				String mark = lastMark(console);
				if (terminal) {
					err.print("\rirqdsl qemu: booting, " + s + " s, guest: " + (mark.isEmpty() ? "starting" : mark) + "\u001b[K");
					err.flush();
				} else if (!mark.equals(last)) {
					err.println("irqdsl qemu: " + s + " s: guest: " + mark);
					err.flush();
				}
				last = mark;
				if (s > timeoutSeconds) {
					p.destroyForcibly();
					throw new QemuException("the guest did not power off within " + timeoutSeconds + " s (last: "
							+ (mark.isEmpty() ? "no output" : mark) + "); its console: " + console);
				}
			}
		} catch (InterruptedException e) {
			p.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new QemuException("interrupted");
		}
		long s = (System.nanoTime() - start) / 1_000_000_000L;
		if (terminal) {
			err.print("\r\u001b[K");
		}
		err.println("irqdsl qemu: the guest ran " + s + " s (TCG)");
		String out = read(console);
		if (p.exitValue() != 0) {
			throw new QemuException(command.get(0) + " exited with status " + p.exitValue() + ": " + read(log).strip());
		}
		return out;
	}

	private static String lastMark(Path console) {
		String c = read(console);
		int at = c.lastIndexOf(GuestInit.MARK);
		if (at < 0) {
			return c.contains("Linux version") ? "kernel starting" : "";
		}
		int end = c.indexOf('\n', at);
		return c.substring(at + GuestInit.MARK.length(), end < 0 ? c.length() : end).strip();
	}

	private static String read(Path p) {
		try {
			return Files.exists(p) ? new String(Files.readAllBytes(p), StandardCharsets.UTF_8) : "";
		} catch (IOException e) {
			return "";
		}
	}
}
