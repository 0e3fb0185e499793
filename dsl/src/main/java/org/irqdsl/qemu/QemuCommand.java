package org.irqdsl.qemu;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.irqDsl.Concurrently;
import org.irqdsl.irqDsl.CpuOperation;
import org.irqdsl.irqDsl.CpuThread;
import org.irqdsl.irqDsl.EntryKind;
import org.irqdsl.irqDsl.EntryRef;
import org.irqdsl.irqDsl.Initially;
import org.irqdsl.irqDsl.Model;
import org.irqdsl.irqDsl.OfflineCpu;
import org.irqdsl.irqDsl.Platform;
import org.irqdsl.irqDsl.Scenario;
import org.irqdsl.irqDsl.ScenarioThread;
import org.irqdsl.irqDsl.SetAffinity;
import org.irqdsl.runtime.kernel.KernelProcedures;
import org.irqdsl.runtime.kernel.KernelRelease;
import org.irqdsl.runtime.sim.config.Procedure;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code irqdsl qemu}: a platform as a QEMU machine; with --run, booted, imported back and its moves traced. */
@Command(name = "qemu", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Write the QEMU machine of a platform (command line, busybox initramfs) and, with --run, boot it,",
				"import the guest's lspci/interrupts/dmesg back and compare (docs/qemu.md).",
				"Exit status: 0 written (and, with --run, the round trip and the traced moves agree), 1 a difference,",
				"2 bad usage or input, or the guest could not be booted." })
public class QemuCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(paramLabel = "PATH", description = "the .irqdsl file with the platform")
	Path file;

	@Option(names = "--platform", required = true, paramLabel = "NAME", description = "the platform to build")
	String platformName;

	@Option(names = { "-o", "--output" }, paramLabel = "DIR", description = "where to write (default: qemu-NAME)")
	Path output;

	@Option(names = "--run", description = "boot the guest (TCG) and make the round trip")
	boolean run;

	@Option(names = "--trace", paramLabel = "SCENARIO", description = "trace the set-affinity and CPU offline steps of this scenario on the platform (repeatable)")
	List<String> traced = new ArrayList<>();

	@Option(names = "--kernel", paramLabel = "FILE", description = "the guest kernel (default: the newest /boot/vmlinuz-*)")
	Path kernel;

	@Option(names = "--guest-root", paramLabel = "DIR", description = "arm64/riscv64: Debian packages of that architecture unpacked by scripts/qemu-guest-root ARCH (its kernel, modules, busybox, lspci)")
	Path guestRoot;

	@Option(names = "--smp", paramLabel = "N", description = "guest CPUs (default: the platform's, at most 4 under TCG)")
	Integer smp;

	@Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "240", description = "give up on a guest after this long (default: ${DEFAULT-VALUE})")
	int timeout;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		try {
			return execute(out, err);
		} catch (QemuException e) {
			err.println("irqdsl qemu: " + e.getMessage());
			return 2;
		} finally {
			out.flush();
			err.flush();
		}
	}

	private int execute(PrintWriter out, PrintWriter err) throws QemuException {
		Model model = Models.load(file);
		Platform platform = Models.platform(model, platformName, file.toString());
		MachinePlan plan = MachinePlan.of(platform);
		int cpus = smp != null ? smp : Math.min(4, Math.max(1, cpuCount(platform)));
		Path dir = output != null ? output : Path.of("qemu-" + platform.getName());
		List<TracedMove> moves = moves(model, platform, plan, cpus);

		out.println("irqdsl qemu: platform " + platform.getName() + " -> " + plan.target().binary + " -machine " + plan.target().machine
				+ plan.target().remapKind.map(k -> " (remapping: " + k + ")").orElse(""));
		for (MachinePlan.Placed p : plan.placed()) {
			out.println("  " + p.name() + " at \"" + p.device().getAddress() + "\" (" + p.shape() + ") -> " + p.qemu().model()
					+ (p.builtIn() ? " (q35's own)" : "") + " at " + p.guestAddress() + ", driver " + p.qemu().driver());
		}
		for (MachinePlan.Unmatched u : plan.unmatched()) {
			out.println("  unmatched: " + u);
		}
		try {
			Files.createDirectories(dir);
			if (!plan.target().isX86() && guestRoot == null) {
				return otherArch(plan, cpus, dir, out);
			}
			if (!plan.target().isX86() && !moves.isEmpty()) {
				throw new QemuException("--trace: the traced moves are x86 only (the vector_update tracepoint and the kprobe on msi_set_affinity's "
						+ "x86-64 argument register); the " + plan.target().binary.replace("qemu-system-", "") + " guest makes the round trip only");
			}
			Path root = guestRoot != null ? guestRoot : Path.of("/");
			Path modulesRoot = Files.isDirectory(root.resolve("lib/modules")) ? root.resolve("lib/modules") : root.resolve("usr/lib/modules");
			GuestKernel k = GuestKernel.find(Optional.ofNullable(kernel), root.resolve("boot"), modulesRoot);
			GuestTools tools = guestRoot != null ? GuestTools.fromRoot(guestRoot) : GuestTools.host();
			List<String> names = new ArrayList<>();
			plan.placed().forEach(p -> p.qemu().modules().stream().filter(m -> !names.contains(m)).forEach(names::add));
			List<Path> modules = k.modules(names);
			String init = GuestInit.script(modules.stream().map(m -> m.getFileName().toString()).toList(), moves);
			Path initrd = dir.resolve("initramfs.cpio.gz");
			Initramfs.write(initrd, init, modules, tools);
			Files.writeString(dir.resolve("init"), init);
			disks(plan, dir);
			Path console = dir.resolve("console.txt");
			List<String> command = QemuCommandLine.build(plan, cpus, k.image(), initrd, console, dir);
			Files.writeString(dir.resolve("qemu-command.sh"), "#!/bin/sh\n# irqdsl qemu " + file + " --platform " + platform.getName()
					+ " (docs/qemu.md)\nexec " + QemuCommandLine.shell(command) + "\n");
			dir.resolve("qemu-command.sh").toFile().setExecutable(true);
			out.println("irqdsl qemu: wrote " + dir + "/qemu-command.sh, initramfs.cpio.gz (" + modules.size() + " modules, kernel " + k.release()
					+ ")" + (moves.isEmpty() ? "" : ", " + moves.size() + " traced move" + (moves.size() == 1 ? "" : "s")));
			if (!run) {
				return 0;
			}
			String consoleText = GuestRun.boot(command, console, timeout, err, System.console() != null);
			return compare(plan, platform, GuestOutput.parse(consoleText), moves, dir, out);
		} catch (IOException e) {
			throw new QemuException(dir + ": cannot write (" + e.getMessage() + ")");
		}
	}

	/**
	 * arm64 and riscv64 without --guest-root: this machine's kernel and busybox are x86-64, so only the
	 * command line is written, with the kernel given (--kernel) or a placeholder.
	 */
	private int otherArch(MachinePlan plan, int cpus, Path dir, PrintWriter out) throws IOException, QemuException {
		Path k = kernel != null ? kernel : Path.of("KERNEL");
		disks(plan, dir);
		List<String> command = QemuCommandLine.build(plan, cpus, k, dir.resolve("initramfs.cpio.gz"), dir.resolve("console.txt"), dir);
		Files.writeString(dir.resolve("qemu-command.sh"), "#!/bin/sh\n# irqdsl qemu " + file + " --platform " + plan.platform().getName()
				+ ": needs a " + plan.target().binary.replace("qemu-system-", "") + " kernel and initramfs.cpio.gz of that architecture (docs/qemu.md)\nexec "
				+ QemuCommandLine.shell(command) + "\n");
		out.println("irqdsl qemu: wrote " + dir + "/qemu-command.sh (the command line only: the guest kernel and busybox on this machine are x86-64)");
		if (run) {
			String arch = plan.target().binary.replace("qemu-system-", "").replace("aarch64", "arm64");
			throw new QemuException("--run: a " + arch + " guest needs --guest-root DIR, that architecture's kernel and busybox "
					+ "(scripts/qemu-guest-root " + arch + " prints one; docs/qemu.md)");
		}
		return 0;
	}

	/** A 1 MiB (sparse) disk for each device whose driver does I/O: the traced moves read it. */
	private static void disks(MachinePlan plan, Path dir) throws IOException {
		for (MachinePlan.Placed p : plan.placed()) {
			if (p.qemu().needsDrive()) {
				try (RandomAccessFile f = new RandomAccessFile(QemuCommandLine.disk(dir, p).toFile(), "rw")) {
					f.setLength(1 << 20);
				}
			}
		}
	}

	private int compare(MachinePlan plan, Platform platform, GuestOutput guest, List<TracedMove> moves, Path dir, PrintWriter out)
			throws QemuException, IOException {
		if (guest.lspci().isBlank()) {
			throw new QemuException("the guest printed no lspci section (console: " + dir.resolve("console.txt") + ")");
		}
		Files.writeString(dir.resolve("lspci.txt"), guest.lspci());
		Files.writeString(dir.resolve("interrupts.txt"), guest.interrupts());
		Files.writeString(dir.resolve("dmesg.txt"), guest.dmesg());
		GuestImport back = GuestImport.of(guest.lspci(), guest.interrupts(), guest.dmesg(), platform.getName() + "_guest", dir.toString());
		Path importedFile = dir.resolve("imported.irqdsl");
		Files.writeString(importedFile, back.platformText());
		RoundTrip rt = RoundTrip.compare(plan, back.platform());
		out.println("irqdsl qemu: round trip (irqdsl import of the guest's output, " + importedFile + "):");
		out.print(rt.toText());
		boolean ok = rt.agrees();
		if (!moves.isEmpty()) {
			ok &= traces(plan, platform, guest, moves, out);
		}
		return ok ? 0 : 1;
	}

	private boolean traces(MachinePlan plan, Platform platform, GuestOutput guest, List<TracedMove> moves, PrintWriter out) {
		Optional<KernelRelease> release = TraceReport.release(guest.dmesg());
		List<String> traceable = guest.listed("traceable");
		out.println("irqdsl qemu: traced moves, kernel " + release.map(Object::toString).orElse("(unknown)") + "; ftrace on " + traceable
				+ "; not traceable here: " + guest.listed("not-traceable"));
		boolean ok = true;
		PlatformFacts facts = new PlatformFacts(platform);
		for (TracedMove mv : moves) {
			MachinePlan.Placed p = plan.placed().stream().filter(x -> x.name().equals(mv.device())).findFirst().orElseThrow();
			var path = facts.devices().stream().filter(d -> d.device() == p.device()).findFirst().orElseThrow();
			// the x86 era of the guest's kernel (KernelProcedures.x86ForKernel) where no remapping domain
			// decides; elsewhere the procedure in effect for the device
			Procedure proc = !path.hasRemapping() && plan.target().isX86() && release.isPresent()
					? KernelProcedures.x86ForKernel(release.get())
					: path.procedure().procedure();
			List<String> lines = guest.moves().get(mv.label());
			if (lines == null) {
				out.println("  " + mv.label() + ": the guest did not perform it");
				ok = false;
				continue;
			}
			TraceReport r = TraceReport.of(mv, p.shape(), proc, lines, traceable);
			out.print(r.toText());
			ok &= r.agrees();
		}
		return ok;
	}

	/** The scenario steps the guest can perform: set-affinity and CPU offline of a placed device's entry. */
	private List<TracedMove> moves(Model model, Platform platform, MachinePlan plan, int cpus) throws QemuException {
		List<TracedMove> moves = new ArrayList<>();
		for (String name : traced) {
			Scenario s = Models.scenarios(model, platform).stream().filter(x -> x.getName().equals(name)).findFirst()
					.orElseThrow(() -> new QemuException(file + ": no scenario " + name + " on platform " + platform.getName()));
			for (Concurrently c : s.getConcurrently()) {
				for (ScenarioThread t : c.getThreads()) {
					if (!(t instanceof CpuThread ct)) {
						continue;
					}
					for (CpuOperation op : ct.getOperations()) {
						if (op instanceof SetAffinity sa) {
							moves.add(move(s, sa.getEntry(), initialCpu(s, sa.getEntry()), sa.getCpu(), plan, cpus,
									ref(sa.getEntry()) + " set-affinity cpu " + sa.getCpu()));
						} else if (op instanceof OfflineCpu off) {
							for (Initially i : s.getInitially()) {
								if (i.getCpu() == off.getCpu()) {
									moves.add(move(s, i.getEntry(), off.getCpu(), -1, plan, cpus, ref(i.getEntry()) + " offline cpu " + off.getCpu()));
								}
							}
						}
					}
				}
			}
		}
		return moves;
	}

	private TracedMove move(Scenario s, EntryRef e, int from, int to, MachinePlan plan, int cpus, String label) throws QemuException {
		MachinePlan.Placed p = plan.placed().stream().filter(x -> x.device() == e.getDevice()).findFirst()
				.orElseThrow(() -> new QemuException("scenario " + s.getName() + ": device " + e.getDevice().getName() + " is not in the QEMU machine"));
		for (int c : new int[] { from, to }) {
			if (c >= cpus) {
				throw new QemuException("scenario " + s.getName() + ": cpu " + c + " is not in the guest (--smp " + cpus + ")");
			}
		}
		if (to < 0 && from == 0) {
			throw new QemuException("scenario " + s.getName() + ": cpu 0 cannot be taken offline in the guest");
		}
		return new TracedMove(label, p.name(), p.guestAddress(), e.getIndex(), e.getKind() == EntryKind.MSIX, from, to);
	}

	private static int initialCpu(Scenario s, EntryRef e) {
		return s.getInitially().stream().filter(i -> i.getEntry().getDevice() == e.getDevice() && i.getEntry().getKind() == e.getKind()
				&& i.getEntry().getIndex() == e.getIndex()).mapToInt(Initially::getCpu).findFirst().orElse(0);
	}

	private static String ref(EntryRef e) {
		return e.getDevice().getName() + "." + (e.getKind() == EntryKind.MSIX ? "msi-x" : "msi") + "[" + e.getIndex() + "]";
	}

	private static int cpuCount(Platform p) {
		return p.getCpus().isEmpty() ? 4 : p.getCpus().get(0).getCount() > 0 ? p.getCpus().get(0).getCount() : 4;
	}

	static String utf8(byte[] b) {
		return new String(b, StandardCharsets.UTF_8);
	}
}
