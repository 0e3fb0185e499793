package org.irqdsl.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.irqdsl.diagnostics.Finding;
import org.irqdsl.importer.PlatformWriter.PlatformText;
import org.irqdsl.importer.firmware.FirmwareFacts;
import org.irqdsl.importer.firmware.FirmwareMerge;

/**
 * The import pipeline: parse the dumps, merge their facts, plan the platform, write it, check it
 * with {@code irqdsl check}'s checker, and explain the findings in a machine report.
 */
public final class Importer {

	/**
	 * What to import. {@code kernel}: the running kernel's release when known apart from the log
	 * ({@code --kernel}, /proc/sys/kernel/osrelease), with where it comes from; {@code name}: the
	 * platform's name (made a valid identifier); {@code outputName}: the file name findings cite.
	 */
	public record Request(Optional<InputText> lspci, Optional<InputText> interrupts, Optional<InputText> kernelLog,
			Optional<KernelLog.Versioned> kernel, String name, String outputName, List<FirmwareFacts> firmware) {

		public Request {
			firmware = List.copyOf(firmware);
		}

		public Request(Optional<InputText> lspci, Optional<InputText> interrupts, Optional<InputText> kernelLog,
				Optional<KernelLog.Versioned> kernel, String name, String outputName) {
			this(lspci, interrupts, kernelLog, kernel, name, outputName, List.of());
		}

		public static Request of(InputText lspci, InputText interrupts, InputText kernelLog, String name) {
			return new Request(Optional.ofNullable(lspci), Optional.ofNullable(interrupts), Optional.ofNullable(kernelLog), Optional.empty(),
					name, name + ".irqdsl");
		}

		/** The same request with firmware facts (--dtb, --dts, --acpi) added. */
		public Request withFirmware(List<FirmwareFacts> more) {
			List<FirmwareFacts> all = new ArrayList<>(firmware);
			all.addAll(more);
			return new Request(lspci, interrupts, kernelLog, kernel, name, outputName, all);
		}
	}

	/** The platform text, how it was reached, what the checker says about it, and the report. */
	public record Result(String platformText, MachineFacts facts, PlatformPlan plan, List<Finding> findings, MachineReport report,
			List<Problem> problems) {

		public boolean hasError() {
			return findings.stream().anyMatch(Finding::isError);
		}

		public boolean atRisk() {
			return !report.atRisk().isEmpty();
		}
	}

	private Importer() {
	}

	public static Result run(Request request) throws ImportException {
		if (request.lspci().isEmpty() && request.interrupts().isEmpty() && request.kernelLog().isEmpty() && request.firmware().isEmpty()) {
			throw new ImportException("nothing to import: give --lspci, --interrupts, --dmesg, --dtb, --dts, --acpi (any of them) or --local");
		}
		for (Optional<InputText> in : List.of(request.lspci(), request.interrupts(), request.kernelLog())) {
			if (in.isPresent() && in.get().isBlank()) {
				throw new ImportException(in.get().origin() + ": empty; expected " + InputText.describe(in.get().label()));
			}
		}
		if (request.lspci().isPresent()) {
			DumpKind.require(request.lspci().get(), DumpKind.LSPCI, 0);
		}
		if (request.interrupts().isPresent()) {
			DumpKind.require(request.interrupts().get(), DumpKind.INTERRUPTS, 0);
		}
		Optional<LspciDump> lspci = request.lspci().map(LspciParser::parse);
		if (lspci.isPresent() && lspci.get().functions().isEmpty()) {
			throw new ImportException(request.lspci().get().origin() + ": no PCI function header (e.g. '00:1f.2 SATA controller: ...') in "
					+ Texts.plural(request.lspci().get().lines().size(), "line") + "; expected `lspci -vv`");
		}
		Optional<InterruptTable> interrupts = request.interrupts().map(ProcInterruptsParser::parse);
		if (interrupts.isPresent() && interrupts.get().rows().isEmpty() && interrupts.get().headerLine() == 0) {
			throw new ImportException(request.interrupts().get().origin() + ": neither a CPU header nor an 'IRQ: counts chip' row in "
					+ Texts.plural(request.interrupts().get().lines().size(), "line") + "; expected /proc/interrupts");
		}
		Optional<KernelLog> log = request.kernelLog().map(KernelLogParser::parse);
		if (log.isPresent()) {
			// a log without printk prefixes (dmesg -t) is still recognised by the messages its parser understood
			DumpKind.require(log.get().input(), DumpKind.KERNEL_LOG, log.get().relevantLines());
		}

		MachineFacts facts = FirmwareMerge.merge(new MachineFactsBuilder(lspci, interrupts, log, request.kernel()).build(), request.firmware());
		PlatformPlan plan = PlatformPlanner.plan(facts, platformName(request.name()));
		PlatformText text = PlatformWriter.write(plan);
		List<GeneratedPlatformCheck.Checked> checked = GeneratedPlatformCheck.check(text.text(), request.outputName());
		List<Finding> findings = checked.stream().map(GeneratedPlatformCheck.Checked::finding).toList();
		List<Problem> problems = new ArrayList<>();
		lspci.ifPresent(d -> SkippedLines.summary(d.input(), facts.problems()).ifPresent(problems::add));
		interrupts.ifPresent(t -> SkippedLines.summary(t.input(), facts.problems()).ifPresent(problems::add));
		log.ifPresent(l -> SkippedLines.summary(l.input(), facts.problems()).ifPresent(problems::add));
		problems.addAll(facts.problems());
		log.filter(l -> l.relevantLines() == 0).ifPresent(l -> problems.add(Problem.notVisible(l.input().at(0),
				"no line about the kernel version, interrupt remapping or MSI controllers")));
		MachineReport report = MachineReport.of(plan, checked, problems, facts.unattributedMsi());
		return new Result(text.text(), facts, plan, findings, report, problems);
	}

	/** A valid platform name: the grammar's ID, lower case, never empty. */
	static String platformName(String wanted) {
		String id = Texts.identifier(wanted == null ? "" : wanted, 64);
		if (id.isEmpty()) {
			return "machine";
		}
		return Character.isLetter(id.charAt(0)) ? id : "m_" + id;
	}
}
