package org.irqdsl.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.IrqDslChecks;

/**
 * The command line's switches for checks, like dtc's: {@code -W no-<id>} disables a check,
 * {@code -W <id>} enables it again, {@code -E <id>} makes its findings errors ({@code -E no-<id>}
 * gives them back their own severity). Later switches win.
 */
public final class SeverityPolicy {

	private final Map<String, String> overrides = new HashMap<>();

	public static SeverityPolicy parse(List<String> warningSwitches, List<String> errorSwitches) throws UsageException {
		SeverityPolicy policy = new SeverityPolicy();
		for (String w : warningSwitches) {
			String id = w.startsWith("no-") ? w.substring(3) : w;
			known(w, id, "-W");
			if (w.startsWith("no-")) {
				policy.overrides.put(id, "off");
			} else {
				policy.overrides.remove(id);
			}
		}
		for (String e : errorSwitches) {
			String id = e.startsWith("no-") ? e.substring(3) : e;
			known(e, id, "-E");
			if (e.startsWith("no-")) {
				policy.overrides.remove(id);
			} else {
				policy.overrides.put(id, "error");
			}
		}
		return policy;
	}

	private static void known(String written, String id, String option) throws UsageException {
		if (IrqDslChecks.byId(id).isEmpty()) {
			throw new UsageException(option + " " + written + ": no check has the id '" + id + "'; expected one of "
					+ IrqDslChecks.ALL.stream().map(CheckInfo::id).collect(Collectors.joining(", ")));
		}
	}

	/** The severity to print a finding of check {@code id} with, or empty when the check is off. */
	public Optional<String> apply(String id, String severity) {
		String override = overrides.get(id);
		if ("off".equals(override)) {
			return Optional.empty();
		}
		return Optional.of(override != null ? override : severity);
	}
}
