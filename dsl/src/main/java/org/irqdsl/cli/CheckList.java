package org.irqdsl.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.IrqDslChecks;

import com.google.gson.GsonBuilder;

/** {@code irqdsl check --list-checks}: the catalog, one check a line (or a JSON array). */
final class CheckList {

	private CheckList() {
	}

	/** Prints the catalog in {@code format}; the exit status. */
	static int print(CheckCommand.Format format, PrintWriter out) throws UsageException {
		switch (format) {
		case text -> text(out);
		case json -> out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json()));
		case sarif -> throw new UsageException("--list-checks --format sarif: expected --format text or json "
				+ "(a SARIF log of a check lists the checks as its rules)");
		}
		return 0;
	}

	private static void text(PrintWriter out) {
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "ID", "KIND", "SEVERITY", "PREREQUISITES", "WHAT" });
		for (CheckInfo c : IrqDslChecks.ALL) {
			rows.add(new String[] { c.id(), c.kind().label(), IrqDslChecks.label(c.severity()),
					c.prerequisites().isEmpty() ? "-" : String.join(",", c.prerequisites()), c.title() });
		}
		int[] widths = new int[4];
		for (String[] row : rows) {
			for (int i = 0; i < widths.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		for (String[] row : rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < widths.length; i++) {
				line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
			}
			out.println(line.append(row[4]));
		}
	}

	private static List<Map<String, Object>> json() {
		List<Map<String, Object>> checks = new ArrayList<>();
		for (CheckInfo c : IrqDslChecks.ALL) {
			Map<String, Object> check = new LinkedHashMap<>();
			check.put("id", c.id());
			check.put("kind", c.kind().label());
			check.put("severity", IrqDslChecks.label(c.severity()));
			check.put("prerequisites", c.prerequisites());
			check.put("title", c.title());
			checks.add(check);
		}
		return checks;
	}
}
