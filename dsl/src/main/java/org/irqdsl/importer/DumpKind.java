package org.irqdsl.importer;

import java.util.regex.Pattern;

/**
 * The three kinds of dump the importer reads, each recognised line by line from the shapes only it
 * has, so that a file given with the wrong option is refused with the option it belongs to:
 * <ul>
 * <li>lspci: a function header at column 0 ({@code 00:1f.2 SATA controller ...}) or an indented
 * detail line that pciutils' lspci.c prints for every function ({@code Control:},
 * {@code Capabilities:}, {@code Kernel driver in use:} ...);</li>
 * <li>/proc/interrupts: the CPU header, or a row {@code ID: count ...} (kernel/irq/proc.c
 * show_interrupts(); named rows are the three-letter x86 ones and Arm's {@code IPIn}/{@code Err});</li>
 * <li>kernel log: a line with a printk prefix (priority, /dev/kmsg record, syslog or journalctl
 * header, a timestamp), or the {@code Linux version} banner.</li>
 * </ul>
 * Every pattern is anchored and has no repeated group: a line can be as long as a 8,192-CPU row.
 */
enum DumpKind {
	LSPCI("lspci", "`lspci -vv`", "--lspci"), INTERRUPTS("interrupts", "/proc/interrupts", "--interrupts"),
	KERNEL_LOG("dmesg", "a kernel log (dmesg)", "--dmesg");

	private static final Pattern LSPCI_HEADER = Pattern
			.compile("^(?:[0-9a-fA-F]{4,5}:)?[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7] +[A-Za-z0-9]");
	private static final Pattern LSPCI_DETAIL = Pattern.compile("^\\s+(?:Subsystem|Control|Status|Latency|Interrupt|Region \\d+|"
			+ "Expansion ROM at|Capabilities|Kernel driver in use|Kernel modules|Flags|Bus|Device tree node|IOMMU group|NUMA node|"
			+ "Physical Slot|Memory behind bridge|Prefetchable memory behind bridge|I/O behind bridge|Secondary status|BridgeCtl):");
	private static final Pattern INTERRUPTS_ROW = Pattern.compile("^\\s*(?:\\d{1,7}|[A-Z][A-Za-z]{2}\\d?):\\s+\\d+(?:\\s|$)");
	private static final Pattern BANNER = Pattern.compile("^Linux version \\d");

	private final String label;
	private final String what;
	private final String option;

	DumpKind(String label, String what, String option) {
		this.label = label;
		this.what = what;
		this.option = option;
	}

	/** The label inputs of this kind carry ({@link InputText#label()}). */
	String label() {
		return label;
	}

	String what() {
		return what;
	}

	String option() {
		return option;
	}

	static DumpKind ofLabel(String label) {
		for (DumpKind k : values()) {
			if (k.label.equals(label)) {
				return k;
			}
		}
		throw new IllegalArgumentException(label);
	}

	/** The kind only this line's shape belongs to, or null (blank, or a line any dump might hold). */
	static DumpKind of(String line) {
		if (line.isBlank()) {
			return null;
		}
		if (logPrefixed(line) || BANNER.matcher(line).find()) {
			return KERNEL_LOG;
		}
		if (ProcInterruptsParser.cpuHeader(line) != null || INTERRUPTS_ROW.matcher(line).find()) {
			return INTERRUPTS;
		}
		if (LSPCI_HEADER.matcher(line).find() || LSPCI_DETAIL.matcher(line).find()) {
			return LSPCI;
		}
		return null;
	}

	/** Whether the line starts with a printk prefix that {@link KernelLogParser#message} removes. */
	static boolean logPrefixed(String line) {
		return !KernelLogParser.message(line).equals(line.strip());
	}

	/** How many non-blank lines of a dump are of each kind, and the first line of each. */
	record Census(int[] count, int[] first, int nonBlank, int firstNonBlank) {

		static Census of(InputText in) {
			int[] count = new int[values().length];
			int[] first = new int[values().length];
			int nonBlank = 0;
			int firstNonBlank = 0;
			for (int i = 0; i < in.lines().size(); i++) {
				String line = in.lines().get(i);
				if (line.isBlank()) {
					continue;
				}
				nonBlank++;
				firstNonBlank = firstNonBlank == 0 ? i + 1 : firstNonBlank;
				DumpKind k = DumpKind.of(line);
				if (k != null) {
					count[k.ordinal()]++;
					first[k.ordinal()] = first[k.ordinal()] == 0 ? i + 1 : first[k.ordinal()];
				}
			}
			return new Census(count, first, nonBlank, firstNonBlank);
		}

		int count(DumpKind k) {
			return count[k.ordinal()];
		}

		/** Of the other kinds, the one with the most lines; null when no line is of another kind. */
		DumpKind mostOtherThan(DumpKind own) {
			DumpKind best = null;
			for (DumpKind k : values()) {
				if (k != own && count(k) > 0 && (best == null || count(k) > count(best))) {
					best = k;
				}
			}
			return best;
		}
	}

	/**
	 * Refuses a dump that is not of the kind its option says: when no line is of that kind (beyond
	 * {@code ownElsewhere} lines its parser understood) or another kind has more lines, the message
	 * names the file, the first line of the kind it is, and the option that kind belongs to.
	 */
	static void require(InputText in, DumpKind expected, int ownElsewhere) throws ImportException {
		Census c = Census.of(in);
		int own = c.count(expected) + ownElsewhere;
		DumpKind other = c.mostOtherThan(expected);
		if (other != null && c.count(other) > own) {
			int line = c.first[other.ordinal()];
			throw new ImportException(in.origin() + ":" + line + ": \"" + Texts.excerpt(in.lines().get(line - 1)) + "\": it looks like "
					+ other.what + " (" + c.count(other) + " of " + Texts.plural(c.nonBlank, "line") + "), not " + expected.what + ": use "
					+ other.option + " " + in.origin());
		}
		if (own == 0) {
			int line = c.firstNonBlank;
			throw new ImportException(in.origin() + ":" + line + ": \"" + Texts.excerpt(in.lines().get(line - 1)) + "\": nothing in "
					+ Texts.plural(c.nonBlank, "line") + " is recognisable as " + expected.what + "; expected " + expected.example()
					+ " (or use the option of the dump it is: --lspci, --interrupts, --dmesg)");
		}
	}

	private String example() {
		return switch (this) {
		case LSPCI -> "function records like '00:1f.2 SATA controller: ...' with indented 'Capabilities:' lines";
		case INTERRUPTS -> "a 'CPU0 CPU1 ...' header and rows like ' 42:  14400  3668  IR-PCI-MSI 512000-edge  ahci'";
		case KERNEL_LOG -> "lines like '[    0.000000] Linux version 6.1.0 ...' (dmesg, journalctl -k, kern.log)";
		};
	}
}
