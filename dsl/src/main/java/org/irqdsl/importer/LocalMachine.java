package org.irqdsl.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Gathers the dumps of the machine the command runs on, without root: {@code lspci -D -vvnn} when
 * pciutils is installed, /proc/interrupts, the kernel log from {@code dmesg} (which reads
 * /dev/kmsg), else {@code journalctl -k -b}, else /var/log/kern.log, and the running kernel's
 * release from /proc/sys/kernel/osrelease. Says what it could not see, and why.
 */
public final class LocalMachine {

	private static final long TIMEOUT_SECONDS = 30;

	/** The dumps found, the kernel release, and what could not be seen. */
	public record Dumps(Optional<InputText> lspci, Optional<InputText> interrupts, Optional<InputText> kernelLog,
			Optional<KernelLog.Versioned> kernel, List<String> unseen) {
	}

	private final Path root;
	private final List<String> unseen = new ArrayList<>();

	/** {@code root}: "/" for the real machine (tests point it at a fake tree). */
	LocalMachine(Path root) {
		this.root = root;
	}

	public static Dumps collect() {
		return new LocalMachine(Path.of("/")).gather();
	}

	Dumps gather() {
		Optional<InputText> lspci = lspci();
		Optional<InputText> interrupts = file("interrupts", root.resolve("proc/interrupts"));
		Optional<InputText> log = kernelLog();
		Optional<KernelLog.Versioned> kernel = Optional.empty();
		Path release = root.resolve("proc/sys/kernel/osrelease");
		try {
			String text = Files.readString(release).strip();
			kernel = KernelVersion.parse(text).map(v -> new KernelLog.Versioned(v, "release " + text, new SourceRef("/proc/sys/kernel/osrelease", 1)));
		} catch (IOException | RuntimeException e) {
			unseen.add(release + ": not readable (" + e.getClass().getSimpleName() + "): kernel version from the log only");
		}
		return new Dumps(lspci, interrupts, log, kernel, List.copyOf(unseen));
	}

	private Optional<InputText> lspci() {
		Optional<Path> exe = executable("lspci");
		if (exe.isEmpty()) {
			unseen.add("lspci: not installed (package pciutils): the PCI functions' MSI and MSI-X capabilities are not visible");
			return Optional.empty();
		}
		Optional<InputText> out = run("lspci", List.of(exe.get().toString(), "-D", "-vvnn"));
		if (out.isPresent() && out.get().lines().stream().anyMatch(l -> l.contains("<access denied>"))) {
			unseen.add("lspci: not run as root, so capabilities show '<access denied>': MSI mask bits and MSI-X tables are not visible (sudo lspci -vv shows them)");
		}
		return out;
	}

	private Optional<InputText> kernelLog() {
		Optional<Path> dmesg = executable("dmesg");
		if (dmesg.isPresent()) {
			Optional<InputText> out = run("dmesg", List.of(dmesg.get().toString()));
			if (out.isPresent() && !out.get().isBlank()) {
				return out;
			}
		} else {
			unseen.add("dmesg: not installed");
		}
		Optional<Path> journalctl = executable("journalctl");
		if (journalctl.isPresent()) {
			Optional<InputText> out = run("dmesg", List.of(journalctl.get().toString(), "-k", "-b", "-q", "--no-pager"));
			if (out.isPresent() && !out.get().isBlank()) {
				return out;
			}
		}
		for (String name : List.of("var/log/kern.log", "var/log/messages")) {
			Path p = root.resolve(name);
			if (Files.isReadable(p)) {
				Optional<InputText> text = file("dmesg", p);
				if (text.isPresent()) {
					return text;
				}
			}
		}
		unseen.add("kernel log: not readable without root here (kernel.dmesg_restrict=1 guards dmesg and /dev/kmsg; no readable journal or /var/log/kern.log): kernel version and interrupt remapping from /proc only");
		return Optional.empty();
	}

	private Optional<InputText> file(String label, Path p) {
		try {
			return Optional.of(InputText.read(label, p));
		} catch (ImportException e) {
			unseen.add(e.getMessage());
			return Optional.empty();
		}
	}

	private Optional<Path> executable(String name) {
		String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/bin:/bin";
		for (String dir : path.split(":")) {
			if (dir.isEmpty()) {
				continue;
			}
			Path p = Path.of(dir, name);
			if (Files.isRegularFile(p) && Files.isExecutable(p)) {
				return Optional.of(p);
			}
		}
		return Optional.empty();
	}

	/** Runs a command without a shell; its standard output, or empty (and why) when it fails. */
	private Optional<InputText> run(String label, List<String> command) {
		String shown = String.join(" ", command);
		Process started = null;
		try {
			ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
			pb.environment().put("LC_ALL", "C");
			Process p = pb.start();
			started = p;
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			Thread errReader = new Thread(() -> drain(p.getErrorStream(), err), "stderr of " + command.get(0));
			errReader.setDaemon(true);
			errReader.start();
			byte[] out = readLimited(p.getInputStream());
			if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				unseen.add(shown + ": no answer in " + TIMEOUT_SECONDS + " s");
				return Optional.empty();
			}
			errReader.join(1000);
			String stderr = err.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
			if (p.exitValue() != 0) {
				unseen.add(shown + ": exit status " + p.exitValue() + (stderr.isEmpty() ? "" : ": " + Texts.excerpt(stderr)));
				return Optional.empty();
			}
			if (!stderr.isEmpty()) {
				unseen.add(shown + " said: " + Texts.excerpt(stderr));
			}
			return Optional.of(InputText.decode(label, shown, out));
		} catch (IOException | ImportException e) {
			unseen.add(shown + ": " + e.getMessage());
			return Optional.empty();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		} finally {
			if (started != null && started.isAlive()) {
				started.destroyForcibly();
			}
		}
	}

	private static byte[] readLimited(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buf = new byte[65536];
		int n;
		while ((n = in.read(buf)) >= 0) {
			if (out.size() + n > InputText.MAX_BYTES) {
				throw new IOException("more than " + InputText.MAX_BYTES / 1048576 + " MiB of output");
			}
			out.write(buf, 0, n);
		}
		return out.toByteArray();
	}

	private static void drain(InputStream in, ByteArrayOutputStream sink) {
		try {
			byte[] buf = new byte[4096];
			int n;
			while ((n = in.read(buf)) >= 0) {
				if (sink.size() < 65536) {
					sink.write(buf, 0, n);
				}
			}
		} catch (IOException e) {
			// the command's stderr is only used for the message
		}
	}
}
