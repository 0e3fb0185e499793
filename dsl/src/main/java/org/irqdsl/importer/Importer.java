package org.irqdsl.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.irqdsl.cli.Finding;
import org.irqdsl.importer.PlatformWriter.PlatformText;

/**
 * The import pipeline: parse the dumps, merge their facts, plan the platform, write it, check it
 * with {@code irqdsl check}'s checker, and explain the findings in a machine report.
 */
public final class Importer {

	private static final Pattern LOOKS_LIKE_INTERRUPTS = Pattern.compile("^\\s*CPU0\\b.*");
	private static final Pattern LOOKS_LIKE_LSPCI = Pattern.compile("^(?:[0-9a-fA-F]{4,5}:)?[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7] .*");
	private static final Pattern LOOKS_LIKE_LOG = Pattern.compile("^(?:<\\d+>)?\\[\\s*[\\d.]+\\].*|^\\[[A-Z][a-z]{2} .*");

	/**
	 * What to import. {@code kernel}: the running kernel's release when known apart from the log
	 * ({@code --kernel}, /proc/sys/kernel/osrelease), with where it comes from; {@code name}: the
	 * platform's name (made a valid identifier); {@code outputName}: the file name findings cite.
	 */
	public record Request(Optional<InputText> lspci, Optional<InputText> interrupts, Optional<InputText> kernelLog,
			Optional<KernelLog.Versioned> kernel, String name, String outputName) {

		public static Request of(InputText lspci, InputText interrupts, InputText kernelLog, String name) {
			return new Request(Optional.ofNullable(lspci), Optional.ofNullable(interrupts), Optional.ofNullable(kernelLog), Optional.empty(),
					name, name + ".irqdsl");
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
		if (request.lspci().isEmpty() && request.interrupts().isEmpty() && request.kernelLog().isEmpty()) {
			throw new ImportException("nothing to import: give --lspci, --interrupts, --dmesg (any of them) or --local");
		}
		Optional<LspciDump> lspci = request.lspci().map(LspciParser::parse);
		if (lspci.isPresent() && lspci.get().functions().isEmpty()) {
			throw new ImportException(nothingFound(request.lspci().get(), "no PCI function header (e.g. '00:1f.2 SATA controller: ...')"));
		}
		Optional<InterruptTable> interrupts = request.interrupts().map(ProcInterruptsParser::parse);
		if (interrupts.isPresent() && interrupts.get().rows().isEmpty() && interrupts.get().headerLine() == 0) {
			throw new ImportException(nothingFound(request.interrupts().get(), "neither a CPU header nor an 'IRQ: counts chip' row"));
		}
		if (request.kernelLog().isPresent() && request.kernelLog().get().isBlank()) {
			throw new ImportException(request.kernelLog().get().origin() + ": the kernel log is empty");
		}
		Optional<KernelLog> log = request.kernelLog().map(KernelLogParser::parse);

		MachineFacts facts = new MachineFactsBuilder(lspci, interrupts, log, request.kernel()).build();
		PlatformPlan plan = PlatformPlanner.plan(facts, platformName(request.name()));
		PlatformText text = PlatformWriter.write(plan);
		List<Finding> findings = GeneratedPlatformCheck.check(text.text(), request.outputName());
		List<Problem> problems = new ArrayList<>(facts.problems());
		log.filter(l -> l.relevantLines() == 0).ifPresent(l -> problems.add(Problem.notVisible(l.input().at(0),
				"no line about the kernel version, interrupt remapping or MSI controllers")));
		MachineReport report = MachineReport.of(plan, text, findings, problems, facts.unattributedMsi());
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

	private static String nothingFound(InputText in, String expected) {
		if (in.isBlank()) {
			return in.origin() + ": empty; expected " + InputText.describe(in.label());
		}
		String first = in.lines().stream().filter(l -> !l.isBlank()).findFirst().orElse("");
		String hint = "";
		if (!in.label().equals("interrupts") && LOOKS_LIKE_INTERRUPTS.matcher(first).matches()) {
			hint = " (it looks like /proc/interrupts: use --interrupts)";
		} else if (!in.label().equals("lspci") && LOOKS_LIKE_LSPCI.matcher(first).matches()) {
			hint = " (it looks like lspci output: use --lspci)";
		} else if (LOOKS_LIKE_LOG.matcher(first).matches()) {
			hint = " (it looks like a kernel log: use --dmesg)";
		}
		return in.origin() + ": " + expected + " in " + Texts.plural(in.lines().size(), "line") + "; expected "
				+ InputText.describe(in.label()) + hint;
	}
}
