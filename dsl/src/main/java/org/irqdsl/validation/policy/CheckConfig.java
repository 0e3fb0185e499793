package org.irqdsl.validation.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.xtext.diagnostics.Severity;
import org.irqdsl.validation.IrqDslChecks;

/**
 * A folder's {@code .irqdsl-checks} file, like a {@code .clang-tidy}: one {@code <check-id>: off|info|warning|error}
 * a line, {@code #} starts a comment, blank lines are fine. A bad line is kept as a {@link Problem}
 * (reported as a {@code check-config} finding) and otherwise ignored: a typo in the configuration
 * never stops the checks.
 */
public record CheckConfig(Path file, Map<String, Severity> settings, List<Problem> problems) {

	/** The name of the file, in the folder whose .irqdsl files it configures. */
	public static final String FILE_NAME = ".irqdsl-checks";

	public static final CheckConfig EMPTY = new CheckConfig(null, Map.of(), List.of());

	private static final Pattern LINE = Pattern.compile("\\s*([^:\\s]+)\\s*:\\s*(\\S+)\\s*");
	private static final String EXPECTED_LINE = "expected '<check-id>: off|info|warning|error' or a '#' comment";

	/** A line of the file that says nothing usable, and what was expected there. */
	public record Problem(int line, String message) {
	}

	public CheckConfig {
		settings = Map.copyOf(settings);
		problems = List.copyOf(problems);
	}

	/** The severity the file gives check {@code id} ({@link Severity#IGNORE} for off), if it names it. */
	public Optional<Severity> setting(String id) {
		return Optional.ofNullable(settings.get(id));
	}

	public static CheckConfig parse(Path file, String text) {
		Map<String, Severity> settings = new LinkedHashMap<>();
		List<Problem> problems = new ArrayList<>();
		String[] lines = text.split("\\R", -1);
		for (int i = 0; i < lines.length; i++) {
			int hash = lines[i].indexOf('#');
			String line = hash < 0 ? lines[i] : lines[i].substring(0, hash);
			if (line.isBlank()) {
				continue;
			}
			Matcher m = LINE.matcher(line);
			if (!m.matches()) {
				problems.add(new Problem(i + 1, "'" + line.strip() + "': " + EXPECTED_LINE));
				continue;
			}
			String id = m.group(1);
			Optional<Severity> severity = severity(m.group(2));
			if (IrqDslChecks.byId(id).isEmpty()) {
				problems.add(new Problem(i + 1, "no check has the id '" + id + "'; expected a check id (irqdsl check --list-checks lists them)"));
			} else if (!IrqDslChecks.byId(id).get().kind().configurable()) {
				problems.add(new Problem(i + 1, "'" + id + "' findings (" + IrqDslChecks.byId(id).get().kind().label()
						+ ") cannot be configured: a file that cannot be read, parsed or linked is not checked as written"));
			} else if (severity.isEmpty()) {
				problems.add(new Problem(i + 1, "unknown severity '" + m.group(2) + "' for " + id + "; expected off, info, warning or error"));
			} else {
				settings.put(id, severity.get()); // a later line for the same id wins
			}
		}
		return new CheckConfig(file, settings, problems);
	}

	private static Optional<Severity> severity(String word) {
		return Optional.ofNullable(switch (word) {
		case "off" -> Severity.IGNORE;
		case "info" -> Severity.INFO;
		case "warning" -> Severity.WARNING;
		case "error" -> Severity.ERROR;
		default -> null;
		});
	}
}
