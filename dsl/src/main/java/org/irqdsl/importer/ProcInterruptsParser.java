package org.irqdsl.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads /proc/interrupts (kernel/irq/proc.c show_interrupts()): a header of the online CPUs, then a
 * row per irq: {@code IRQ: count per CPU, chip, [hwirq], [flow], actions}. Formats:
 * <ul>
 * <li>before the x86 irq-domain hierarchy (v4.x): chip and flow handler joined, no hwirq,
 * {@code IR-PCI-MSI-edge      ahci};</li>
 * <li>one global PCI/MSI domain per controller: {@code IR-PCI-MSI 512000-edge ahci},
 * {@code ITS-MSI 524288 Edge nvme0q0} (hwirq = pci_msi_domain_calc_hwirq());</li>
 * <li>per-device MSI domains (v6.x): {@code IR-PCI-MSIX-0000:00:14.3    0-edge iwlwifi:queue_1}
 * (hwirq = MSI index);</li>
 * <li>named rows (NMI, LOC, IPI0, Err...) with fewer columns.</li>
 * </ul>
 * Any number of CPUs, ragged rows (fewer counts than CPUs), and a dump without its header (CPU
 * count then unknown) are accepted; a row that is not {@code ID: ...} is reported with its number.
 */
public final class ProcInterruptsParser {

	private static final Pattern ROW = Pattern.compile("^\\s*([A-Za-z0-9_]+):(.*)$");
	/** Flow handler names (desc->name) the old format glued to the chip: "IR-PCI-MSI-edge". */
	private static final Set<String> FLOWS = Set.of("edge", "level", "fasteoi", "simple", "percpu", "percpu_devid", "bad",
			"untracked", "nested", "fasteoi_ack", "edge_eoi");
	private static final Pattern CHIP_FLOW = Pattern.compile("^(.+)-([a-z_]+)$");
	private static final Pattern HWIRQ_FLOW = Pattern.compile("^(-?\\d{1,19})-([A-Za-z_]+)$");
	private static final Pattern NUMBER = Pattern.compile("^\\d{1,19}$");
	private static final int MAX_CPUS = 8192;

	private ProcInterruptsParser() {
	}

	public static InterruptTable parse(InputText input) {
		List<Integer> cpus = new ArrayList<>();
		int headerLine = 0;
		List<InterruptTable.Row> rows = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		List<String> lines = input.lines();
		for (int i = 0; i < lines.size(); i++) {
			String text = lines.get(i);
			int number = i + 1;
			if (text.isBlank()) {
				continue;
			}
			List<Integer> found = cpuHeader(text);
			if (found != null) {
				if (headerLine != 0) {
					problems.add(Problem.unparseable(input.at(number), "second CPU header: ignored (one dump per file)", text));
					continue;
				}
				boolean ok = true;
				for (int c = 0; c < found.size(); c++) {
					ok &= found.get(c) < MAX_CPUS && (c == 0 || found.get(c) > found.get(c - 1));
				}
				if (!ok) {
					problems.add(Problem.unparseable(input.at(number),
							"CPU header with numbers out of order or above " + (MAX_CPUS - 1) + ": ignored", text));
					continue;
				}
				cpus.addAll(found);
				headerLine = number;
				continue;
			}
			Matcher row = ROW.matcher(text);
			if (!row.matches()) {
				problems.add(Problem.unparseable(input.at(number), "not an /proc/interrupts row (ID: counts... chip actions)", text));
				continue;
			}
			InterruptTable.Row parsed = row(number, row.group(1), row.group(2), cpus.isEmpty() ? -1 : cpus.size());
			if (parsed.numbered() && parsed.chip() == null) {
				problems.add(Problem.unparseable(input.at(number), "irq row without a chip name (cut short?)", text));
			}
			rows.add(parsed);
		}
		return new InterruptTable(input, cpus, headerLine, rows, problems);
	}

	/**
	 * The CPU numbers of a header line ("           CPU0       CPU1 ..."), or null when the line is
	 * not one. A token loop, not a regular expression: a repeated group such as
	 * {@code (CPU\d+\s*)+} recurses once per CPU in java.util.regex and overflows the stack near
	 * 1,500 CPUs, and machines have up to 8,192 (NR_CPUS).
	 */
	static List<Integer> cpuHeader(String text) {
		List<Integer> cpus = new ArrayList<>();
		int i = 0;
		int n = text.length();
		while (true) {
			while (i < n && Character.isWhitespace(text.charAt(i))) {
				i++;
			}
			if (i == n) {
				return cpus.isEmpty() ? null : cpus;
			}
			if (!text.startsWith("CPU", i)) {
				return null;
			}
			i += 3;
			int start = i;
			while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
				i++;
			}
			if (i == start || (i < n && !Character.isWhitespace(text.charAt(i)))) {
				return null;
			}
			// more than five digits cannot be a CPU number: out of range, reported by the caller
			cpus.add(i - start > 5 ? MAX_CPUS : Integer.parseInt(text, start, i, 10));
		}
	}

	/** Splits a row after "ID:" into counts and description; {@code ncpu} < 0 when the header is missing. */
	private static InterruptTable.Row row(int line, String id, String rest, int ncpu) {
		String[] tokens = rest.strip().isEmpty() ? new String[0] : rest.strip().split("\\s+");
		int t = 0;
		long total = 0;
		while (t < tokens.length && (ncpu < 0 || t < ncpu) && NUMBER.matcher(tokens[t]).matches()) {
			total += tokens[t].length() > 12 ? 0 : Long.parseLong(tokens[t]);
			t++;
		}
		boolean numbered = id.chars().allMatch(Character::isDigit);
		if (!numbered || t >= tokens.length) {
			// NMI, LOC, IPI0...: the rest is a description, not a chip
			return new InterruptTable.Row(line, id, total, null, null, null, join(tokens, t));
		}
		String chip = tokens[t++];
		Long hwirq = null;
		String flow = null;
		Matcher glued = CHIP_FLOW.matcher(chip);
		if (glued.matches() && FLOWS.contains(glued.group(2)) && (t >= tokens.length || !HWIRQ_FLOW.matcher(tokens[t]).matches())) {
			chip = glued.group(1);
			flow = glued.group(2);
		} else if (t < tokens.length) {
			Matcher hf = HWIRQ_FLOW.matcher(tokens[t]);
			if (hf.matches()) {
				hwirq = parseLong(hf.group(1));
				flow = hf.group(2);
				t++;
			} else if (NUMBER.matcher(tokens[t]).matches()) {
				hwirq = parseLong(tokens[t]);
				t++;
			}
			if (flow == null && t < tokens.length && (tokens[t].equals("Edge") || tokens[t].equals("Level"))) {
				flow = tokens[t++];
			}
		}
		return new InterruptTable.Row(line, id, total, chip, hwirq, flow, join(tokens, t));
	}

	private static Long parseLong(String s) {
		try {
			return Long.parseLong(s);
		} catch (NumberFormatException e) {
			return null;
		}
	}

	private static String join(String[] tokens, int from) {
		return from >= tokens.length ? "" : String.join(" ", java.util.Arrays.copyOfRange(tokens, from, tokens.length));
	}
}
