package org.irqdsl.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.irqdsl.analysis.PciAddress;
import org.irqdsl.importer.PciFunction.Capabilities;
import org.irqdsl.importer.PciFunction.MsiCap;
import org.irqdsl.importer.PciFunction.MsixCap;

/**
 * Reads {@code lspci -vv} (also {@code -vvv}, {@code -vvnn}, {@code -vvn}, {@code -D}), as the
 * pciutils ls-caps.c prints it:
 * <ul>
 * <li>a record per function: a header at column 0 ({@code [domain:]bus:dev.fn class: name}), detail
 * lines indented by a tab (or by spaces, after a terminal copy), a blank line between records;</li>
 * <li>{@code Capabilities: [50] MSI: Enable+ Count=1/8 Maskable- 64bit+} (ls-caps.c cap_msi; the
 * pre-3.0 form {@code Message Signalled Interrupts: Mask- 64bit+ Queue=0/3 Enable+} with log2 counts
 * too), {@code Capabilities: [b0] MSI-X: Enable+ Count=130 Masked-} (cap_msix; pciutils 2.x
 * printed {@code Enable- Mask- TabSize=8});</li>
 * <li>{@code Capabilities: <access denied>} when the config space past 64 bytes is unreadable (no root);</li>
 * <li>capabilities lspci cannot decode end in {@code <?>}: skipped and counted;</li>
 * <li>pcilib's warnings on stderr ({@code pcilib: sysfs_read_vpd: read failed: ...}) land anywhere
 * in a dump captured with {@code 2>&1}, even inside a line: they are cut out, reported as warnings,
 * and the two halves of the line joined again.</li>
 * </ul>
 * Every line that fits none of this is reported with its number.
 */
public final class LspciParser {

	private static final Pattern HEADER = Pattern
			.compile("^((?:[0-9a-fA-F]{4,5}:)?[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7])\\s+(\\S.*)$");
	/** -nn: "RAID bus controller [0104]: Intel Corporation ... [8086:9a0b] (rev 01)". */
	private static final Pattern CLASS_NN = Pattern.compile("^(.*?) \\[([0-9a-fA-F]{4})\\]: (.*)$");
	/** -n: "0104: 8086:9a0b (rev 01)". */
	private static final Pattern CLASS_N = Pattern.compile("^([0-9a-fA-F]{4}): ([0-9a-fA-F]{4}:[0-9a-fA-F]{4})(.*)$");
	private static final Pattern CLASS_PLAIN = Pattern.compile("^([^:\\[]+): (.*)$");
	private static final Pattern IDS = Pattern.compile("\\[([0-9a-fA-F]{4}:[0-9a-fA-F]{4})\\]");
	/** A tool's warning on stderr, spliced into stdout. */
	private static final Pattern WARNING = Pattern.compile("(?:pcilib|lspci|setpci): ");
	/** Where stdout resumes inside a spliced warning: a function header, or a tab-indented detail. */
	private static final Pattern RESUME = Pattern
			.compile("(?:[0-9a-fA-F]{4,5}:)?[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7] \\S|\\t");

	private static final Pattern CAPABILITY = Pattern.compile("^Capabilities: \\[([0-9a-fA-F]{1,3})(?: v\\d+)?\\] (.*)$");
	private static final Pattern MSI = Pattern
			.compile("^MSI: Enable([+-]) Count=(\\d{1,3})/(\\d{1,3}) Maskable([+-]) 64bit([+-])\\s*$");
	private static final Pattern MSI_OLD = Pattern
			.compile("^Message Signalled Interrupts: (?:Mask([+-]) )?64bit([+-]) Queue=(\\d)/(\\d) Enable([+-])\\s*$");
	/** "MSI-X: Enable+ Count=130 Masked-"; pciutils 2.x: "MSI-X: Enable- Mask- TabSize=8". */
	private static final Pattern MSIX = Pattern
			.compile("^MSI-X: Enable([+-]) (?:Count=(\\d{1,5}) Masked[+-]|Mask[+-] TabSize=(\\d{1,5}))\\s*$");
	/** ls-caps.c cap_msi(): "Address: 00000000fee002f8  Data: 0000" (8 hex digits without 64bit+). */
	private static final Pattern MSI_ADDRESS = Pattern.compile("^Address: ([0-9a-fA-F]{8}|[0-9a-fA-F]{16})  Data: ([0-9a-fA-F]{4})\\s*$");
	private static final Pattern CONTROL = Pattern.compile("^Control:.*\\bDisINTx([+-])");
	private static final Pattern DRIVER = Pattern.compile("^Kernel driver in use: (\\S+)\\s*$");

	/** A logical line: text with its first physical line number. */
	private record Line(int number, String text) {
	}

	private final InputText input;
	private final List<Problem> problems = new ArrayList<>();
	private final List<PciFunction> functions = new ArrayList<>();
	private final Set<PciAddress> seen = new HashSet<>();
	private int unknownCapabilities;
	private int accessDenied;
	private int deviceTreeLine;
	private Record current;

	private LspciParser(InputText input) {
		this.input = input;
	}

	public static LspciDump parse(InputText input) {
		LspciParser p = new LspciParser(input);
		for (Line line : p.unsplice()) {
			p.line(line);
		}
		p.finish();
		return new LspciDump(input, p.functions, p.problems, p.unknownCapabilities, p.accessDenied, p.deviceTreeLine);
	}

	/**
	 * Cuts tool warnings out of the dump. A warning that starts a line is the whole line unless a
	 * function header or a tab-indented detail follows it on the same line (stdout resumed without a
	 * line break). A warning in the middle of a line split a stdout line: the part before the warning
	 * is joined with what follows the warning (on the same line, or else the next line).
	 */
	private List<Line> unsplice() {
		List<Line> out = new ArrayList<>();
		List<String> lines = input.lines();
		String head = null;
		int headLine = 0;
		for (int i = 0; i < lines.size(); i++) {
			String text = lines.get(i);
			int number = i + 1;
			if (head != null) {
				text = head + text;
				number = headLine;
				head = null;
			}
			Matcher w = WARNING.matcher(text);
			if (!w.find() || !looksLikeWarning(text, w.start())) {
				out.add(new Line(number, text));
				continue;
			}
			String before = text.substring(0, w.start());
			String warning = text.substring(w.start());
			Matcher resume = RESUME.matcher(warning);
			String after = null;
			if (resume.find(w.end() - w.start())) {
				after = warning.substring(resume.start());
				warning = warning.substring(0, resume.start());
			}
			problems.add(Problem.warning(input.at(i + 1), "tool warning in the dump (stderr mixed into stdout)", warning));
			if (after != null) {
				out.add(new Line(number, before + after));
			} else if (!before.isBlank()) {
				head = before;
				headLine = number;
			}
		}
		if (head != null) {
			out.add(new Line(headLine, head));
		}
		return out;
	}

	/** "pcilib: " at the start of a line, or glued to stdout text (no blank before it). */
	private static boolean looksLikeWarning(String text, int at) {
		return at == 0 || !Character.isWhitespace(text.charAt(at - 1)) || text.substring(0, at).isBlank();
	}

	private void line(Line line) {
		String text = line.text();
		if (text.isBlank()) {
			finishRecord();
			return;
		}
		if (!Character.isWhitespace(text.charAt(0))) {
			header(line);
			return;
		}
		if (current == null) {
			problems.add(Problem.unparseable(input.at(line.number()), "detail line before the first function header", text));
			return;
		}
		current.details = true;
		detail(line.number(), text.strip());
	}

	private void header(Line line) {
		finishRecord();
		Matcher m = HEADER.matcher(line.text());
		Optional<PciAddress> address = m.matches() ? PciAddress.parse(m.group(1)) : Optional.empty();
		if (address.isEmpty()) {
			problems.add(Problem.unparseable(input.at(line.number()),
					"not an lspci function header ([domain:]bus:device.function class: name)", line.text()));
			return;
		}
		if (!seen.add(address.get())) {
			problems.add(Problem.unparseable(input.at(line.number()),
					"second record for " + m.group(1) + ": ignored (lspci lists a function once)", line.text()));
			current = null;
			return;
		}
		current = new Record(address.get(), m.group(1), line.number());
		String rest = m.group(2);
		Matcher nn = CLASS_NN.matcher(rest);
		Matcher n = CLASS_N.matcher(rest);
		Matcher plain = CLASS_PLAIN.matcher(rest);
		if (nn.matches()) {
			current.className = nn.group(1).strip();
			current.classCode = nn.group(2).toLowerCase();
			current.description = nn.group(3);
		} else if (n.matches()) {
			current.classCode = n.group(1).toLowerCase();
			current.description = n.group(2) + n.group(3);
		} else if (plain.matches()) {
			current.className = plain.group(1).strip();
			current.description = plain.group(2);
		} else {
			current.description = rest;
		}
		if (current.description != null) {
			Matcher ids = IDS.matcher(current.description);
			while (ids.find()) {
				current.vendorDevice = ids.group(1).toLowerCase();
			}
			if (n.matches()) {
				current.vendorDevice = n.group(2).toLowerCase();
			}
		}
	}

	private void detail(int number, String text) {
		Matcher control = CONTROL.matcher(text);
		if (control.find()) {
			current.disIntx = "+".equals(control.group(1));
			current.controlLine = number;
			return;
		}
		if (text.startsWith("Device tree node:") && deviceTreeLine == 0) {
			deviceTreeLine = number;
			return;
		}
		Matcher driver = DRIVER.matcher(text);
		if (driver.matches()) {
			current.driver = driver.group(1);
			current.driverLine = number;
			return;
		}
		if (text.startsWith("Address:") && current.lastCapabilityMsi && current.msi != null && current.msiAddress == null) {
			Matcher a = MSI_ADDRESS.matcher(text);
			if (a.matches()) {
				current.msiAddress = new PciFunction.MsiAddress(Long.parseUnsignedLong(a.group(1), 16), Integer.parseInt(a.group(2), 16), number);
			} else {
				problems.add(Problem.unparseable(input.at(number), "MSI address line not in the form 'Address: <8 or 16 hex digits>  Data: <4 hex digits>'", text));
			}
			return;
		}
		if (!text.startsWith("Capabilities:")) {
			return; // Status, Region, Bus, sub-lines of a capability...: nothing the import needs
		}
		current.lastCapabilityMsi = false;
		if (text.equals("Capabilities: <access denied>")) {
			current.accessDenied = true;
			current.capabilitiesLine = number;
			accessDenied++;
			return;
		}
		Matcher cap = CAPABILITY.matcher(text);
		if (!cap.matches()) {
			problems.add(Problem.unparseable(input.at(number), "capability line without its [offset]", text));
			return;
		}
		String body = cap.group(2);
		if (body.startsWith("MSI:") || body.startsWith("Message Signalled Interrupts:")) {
			msi(number, text, body);
			current.lastCapabilityMsi = current.msi != null && current.msi.line() == number;
		} else if (body.startsWith("MSI-X:")) {
			msix(number, text, body);
		} else if (body.strip().endsWith("<?>")) {
			unknownCapabilities++; // lspci prints <?> for capabilities it does not decode
		}
	}

	private void msi(int number, String text, String body) {
		Matcher m = MSI.matcher(body);
		Matcher old = MSI_OLD.matcher(body);
		MsiCap msi;
		if (m.matches()) {
			int enabled = Integer.parseInt(m.group(2));
			int capable = Integer.parseInt(m.group(3));
			if (!msiCount(enabled) || !msiCount(capable) || enabled > capable) {
				problems.add(Problem.unparseable(input.at(number),
						"MSI Count=" + enabled + "/" + capable + ": expected enabled/capable, each 1, 2, 4, 8, 16 or 32", text));
				return;
			}
			msi = new MsiCap("+".equals(m.group(1)), enabled, capable, "+".equals(m.group(4)), "+".equals(m.group(5)), number);
		} else if (old.matches()) {
			// pciutils < 3.0 printed the Multiple Message Enable/Capable fields (log2 of the counts) as Queue=
			int enabled = 1 << Integer.parseInt(old.group(3));
			int capable = 1 << Integer.parseInt(old.group(4));
			if (!msiCount(enabled) || !msiCount(capable) || enabled > capable) {
				problems.add(Problem.unparseable(input.at(number), "MSI Queue=" + old.group(3) + "/" + old.group(4)
						+ ": expected log2 counts 0..5", text));
				return;
			}
			msi = new MsiCap("+".equals(old.group(5)), enabled, capable, "+".equals(old.group(1)), "+".equals(old.group(2)), number);
		} else {
			problems.add(Problem.unparseable(input.at(number),
					"MSI capability not in the form 'MSI: Enable± Count=N/M Maskable± 64bit±'", text));
			return;
		}
		if (current.msi != null) {
			problems.add(Problem.unparseable(input.at(number), "second MSI capability in one function: ignored", text));
			return;
		}
		current.msi = msi;
	}

	private void msix(int number, String text, String body) {
		Matcher m = MSIX.matcher(body);
		if (!m.matches()) {
			problems.add(Problem.unparseable(input.at(number),
					"MSI-X capability not in the form 'MSI-X: Enable± Count=N Masked±'", text));
			return;
		}
		int size = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3));
		if (size < 1 || size > 2048) {
			problems.add(Problem.unparseable(input.at(number), "MSI-X Count=" + size + ": a table holds 1..2048 entries", text));
			return;
		}
		if (current.msix != null) {
			problems.add(Problem.unparseable(input.at(number), "second MSI-X capability in one function: ignored", text));
			return;
		}
		current.msix = new MsixCap("+".equals(m.group(1)), size, number);
	}

	private static boolean msiCount(int n) {
		return n >= 1 && n <= 32 && Integer.bitCount(n) == 1;
	}

	private void finishRecord() {
		if (current != null) {
			functions.add(current.build());
			current = null;
		}
	}

	private void finish() {
		finishRecord();
	}

	/** A function record being read. */
	private static final class Record {
		final PciAddress address;
		final String printed;
		final int headerLine;
		String className;
		String classCode;
		String vendorDevice;
		String description;
		String driver;
		int driverLine;
		Boolean disIntx;
		int controlLine;
		boolean details;
		boolean accessDenied;
		int capabilitiesLine;
		MsiCap msi;
		MsixCap msix;
		PciFunction.MsiAddress msiAddress;
		boolean lastCapabilityMsi;

		Record(PciAddress address, String printed, int headerLine) {
			this.address = address;
			this.printed = printed;
			this.headerLine = headerLine;
		}

		PciFunction build() {
			Capabilities caps = accessDenied ? Capabilities.ACCESS_DENIED : details ? Capabilities.VISIBLE : Capabilities.NO_DETAILS;
			return new PciFunction(address, printed, headerLine, className, classCode, vendorDevice, description, driver,
					driverLine, disIntx, controlLine, caps, capabilitiesLine, accessDenied ? null : msi,
					accessDenied ? null : msix, accessDenied ? null : msiAddress);
		}
	}
}
