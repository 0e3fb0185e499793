package org.irqdsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.irqdsl.importer.ImportException;
import org.irqdsl.importer.Importer;
import org.irqdsl.importer.InputText;
import org.irqdsl.importer.KernelLog;
import org.irqdsl.importer.KernelVersion;
import org.irqdsl.importer.LocalMachine;
import org.irqdsl.importer.Problem;
import org.irqdsl.importer.SourceRef;
import org.irqdsl.importer.firmware.FirmwareFacts;
import org.irqdsl.importer.firmware.FirmwareInputs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code irqdsl import}: a real machine's dumps to an .irqdsl platform and a report of the devices at risk. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Turn a machine's `lspci -vv`, /proc/interrupts, kernel log, device tree or ACPI tables into an .irqdsl platform.",
				"Writes the platform (standard output, or -o FILE); --report prints the devices at risk instead.",
				"Exit status, as `irqdsl check` of the written platform: 0 no check error (devices at risk are",
				"reported, not an error), 1 the platform has a check error, 2 bad usage or unusable input." })
public class ImportCommand implements Callable<Integer> {

	public enum Format {
		text, json
	}

	private static final int SHOWN_PROBLEMS = 10;

	@Spec
	CommandSpec spec;

	@Option(names = "--lspci", paramLabel = "FILE", description = "output of `lspci -vv` (-vvv, -vvnn, -D: any)")
	Path lspci;

	@Option(names = "--interrupts", paramLabel = "FILE", description = "a copy of /proc/interrupts")
	Path interrupts;

	@Option(names = "--dmesg", paramLabel = "FILE", description = "the kernel log (dmesg, dmesg -T, journalctl -k, kern.log)")
	Path dmesg;

	@Option(names = "--dtb", paramLabel = "FILE", description = "the machine's flattened device tree (/sys/firmware/fdt, a .dtb, QEMU's dumpdtb=)")
	Path dtb;

	@Option(names = "--dts", paramLabel = "FILE", description = "device tree source (compiled with dtc; preprocess #include first)")
	Path dts;

	@Option(names = "--acpi", paramLabel = "DIR", description = "a folder of binary ACPI tables (/sys/firmware/acpi/tables, acpixtract -a output)")
	Path acpi;

	@Option(names = "--local", description = "read this machine: lspci -vv if installed, /proc/interrupts, the kernel log where readable (no root needed)")
	boolean local;

	@Option(names = "--kernel", paramLabel = "VERSION", description = "the kernel the dumps come from, e.g. 5.15.0 (when the log does not say)")
	String kernel;

	@Option(names = "--name", paramLabel = "NAME", description = "the platform's name (default: from the first input's file name)")
	String name;

	@Option(names = { "-o", "--output" }, paramLabel = "FILE", description = "write the platform to FILE (atomically) instead of standard output")
	Path output;

	@Option(names = "--report", description = "print the machine report (devices at risk, mechanism, remedy) on standard output")
	boolean report;

	@Option(names = "--format", defaultValue = "text", description = "report format: text or json (default: ${DEFAULT-VALUE})")
	Format format;

	@Override
	public Integer call() {
		// standard output carries the platform as written to a file (raw) or the report (escaped below)
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = Printable.writer(spec.commandLine().getErr());
		try {
			if (output != null) {
				if (output.toString().isEmpty()) {
					throw new ImportException("-o '': expected a file name");
				}
				// a folder or an unwritable place is known before the dumps are read
				AtomicFiles.target(output);
			}
			Importer.Request request = request(err);
			Importer.Result result = Importer.run(request);
			if (output != null) {
				AtomicFiles.write(output, result.platformText());
			} else if (!report) {
				out.print(result.platformText());
			}
			if (report) {
				out.print(format == Format.json ? Printable.json(result.report().toJson()) + "\n" : Printable.lines(result.report().toText()));
			} else {
				problems(result.problems(), err);
			}
			var counts = result.report().counts();
			long notUnderstood = result.problems().stream()
					.filter(p -> p.kind() == Problem.Kind.UNPARSEABLE).count();
			err.println("irqdsl import: " + (output != null ? "wrote " + output : report ? "platform not written (add -o FILE)" : "platform written")
					+ "; " + counts.devicesWithMsi() + (counts.devicesWithMsi() == 1 ? " device" : " devices") + " with MSI or MSI-X, "
					+ counts.atRisk() + " at risk, " + counts.possiblyAtRisk() + " possibly at risk (under assumptions)"
					+ (counts.errors() > 0 ? ", " + counts.errors() + " check errors" : "")
					+ (notUnderstood > 0 ? ", " + notUnderstood + (notUnderstood == 1 ? " input line" : " input lines") + " not understood ("
							+ (report ? "listed in the report" : "listed above") + ")" : "")
					+ (report || result.report().atRisk().isEmpty() ? "" : " (see --report)"));
			// the same status as `irqdsl check` of the written platform: a device at risk is a finding, not a failure
			return result.hasError() ? 1 : 0;
		} catch (ImportException e) {
			err.println("irqdsl import: " + e.getMessage());
			return 2;
		} catch (IOException e) {
			err.println("irqdsl import: " + IoMessages.cannotWrite(output, e));
			return 2;
		} finally {
			out.flush();
			err.flush();
		}
	}

	private Importer.Request request(PrintWriter err) throws ImportException {
		if (lspci == null && interrupts == null && dmesg == null && dtb == null && dts == null && acpi == null && !local) {
			throw new ImportException(
					"nothing to import: give --lspci FILE, --interrupts FILE, --dmesg FILE, --dtb FILE, --dts FILE, --acpi DIR (any of them) or --local");
		}
		List<FirmwareFacts> firmware = new ArrayList<>();
		if (dtb != null) {
			firmware.add(FirmwareInputs.dtb(dtb));
		}
		if (dts != null) {
			firmware.add(FirmwareInputs.dts(dts));
		}
		if (acpi != null) {
			firmware.add(FirmwareInputs.acpi(acpi));
		}
		Optional<InputText> l = lspci == null ? Optional.empty() : Optional.of(InputText.read("lspci", lspci));
		Optional<InputText> i = interrupts == null ? Optional.empty() : Optional.of(InputText.read("interrupts", interrupts));
		Optional<InputText> d = dmesg == null ? Optional.empty() : Optional.of(InputText.read("dmesg", dmesg));
		Optional<KernelLog.Versioned> k = Optional.empty();
		if (kernel != null) {
			KernelVersion v = KernelVersion.parse(kernel)
					.orElseThrow(() -> new ImportException("--kernel " + kernel + ": expected a version like 5.15.0 or 6.12"));
			k = Optional.of(new KernelLog.Versioned(v, "--kernel " + kernel, SourceRef.commandLine()));
		}
		String defaultName = "machine";
		if (local) {
			LocalMachine.Dumps dumps = LocalMachine.collect();
			l = l.or(dumps::lspci);
			i = i.or(dumps::interrupts);
			d = d.or(dumps::kernelLog);
			k = k.or(dumps::kernel);
			dumps.unseen().forEach(u -> err.println("irqdsl import: --local: " + u));
			if (l.isEmpty() && i.isEmpty() && d.isEmpty() && firmware.isEmpty()) {
				throw new ImportException("--local: none of lspci, /proc/interrupts or the kernel log could be read");
			}
			defaultName = hostname();
		} else {
			Path first = lspci != null ? lspci : interrupts != null ? interrupts : dmesg != null ? dmesg : dtb != null ? dtb : dts != null ? dts : acpi;
			defaultName = baseName(first);
		}
		String platform = name != null ? name : defaultName;
		String outputName = output != null ? output.toString() : "<stdout>";
		return new Importer.Request(l, i, d, k, platform, outputName, firmware);
	}

	/** "lspci-server-x710.txt" gives "server_x710": the input kind is not part of the machine's name. */
	static String baseName(Path file) {
		String n = file.getFileName() == null ? "machine" : file.getFileName().toString();
		n = n.replaceFirst("\\.(txt|log|out|dtb|dts)$", "");
		n = n.replaceFirst("^(lspci|interrupts|proc-interrupts|dmesg|kern)[-_.]", "");
		return n;
	}

	private static String hostname() {
		try {
			String h = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
			return h.isEmpty() ? "localhost" : h;
		} catch (IOException | RuntimeException e) {
			return "localhost";
		}
	}

	private void problems(List<Problem> problems, PrintWriter err) {
		List<Problem> shown = new ArrayList<>(problems.subList(0, Math.min(SHOWN_PROBLEMS, problems.size())));
		shown.forEach(p -> err.println("irqdsl import: " + p.toText()));
		if (problems.size() > shown.size()) {
			err.println("irqdsl import: ... and " + (problems.size() - shown.size()) + " more (--report lists them all)");
		}
	}
}
