package org.irqdsl.validation.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.xtext.diagnostics.Severity;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.IrqDslChecks;

/**
 * The command line's switches for checks, like dtc's: {@code -W no-<id>} disables a check,
 * {@code -W <id>} enables it (also when a .irqdsl-checks file turned it off), {@code -E <id>}
 * makes its findings errors, {@code -E no-<id>} drops a switch for it. The switches override the
 * folder's .irqdsl-checks file ({@link FilePolicy}); later switches win.
 */
public final class SeverityPolicy {

	/** No switch: every check as the folder's configuration and the check itself say. */
	public static final SeverityPolicy NONE = new SeverityPolicy(Map.of());

	/** What a switch does to one check. */
	enum Switch {
		OFF, ENABLE, ERROR
	}

	private final Map<String, Switch> switches;

	private SeverityPolicy(Map<String, Switch> switches) {
		this.switches = Map.copyOf(switches);
	}

	/** The policy of {@code -W} and {@code -E}; an unknown id is an IllegalArgumentException saying which ids exist. */
	public static SeverityPolicy parse(List<String> warningSwitches, List<String> errorSwitches) {
		Map<String, Switch> switches = new HashMap<>();
		for (String w : warningSwitches) {
			String id = id(w, "-W");
			switches.put(id, negated(w) ? Switch.OFF : Switch.ENABLE);
		}
		for (String e : errorSwitches) {
			String id = id(e, "-E");
			if (negated(e)) {
				switches.remove(id);
			} else {
				switches.put(id, Switch.ERROR);
			}
		}
		return new SeverityPolicy(switches);
	}

	/** Whether a switch's argument is {@code no-<id>}: a check's own id wins ({@code no-msi-parent} is a check). */
	private static boolean negated(String written) {
		return written.startsWith("no-") && IrqDslChecks.byId(written).isEmpty();
	}

	private static String id(String written, String option) {
		String id = negated(written) ? written.substring(3) : written;
		Optional<CheckInfo> check = IrqDslChecks.byId(id);
		if (check.isEmpty() || !check.get().kind().configurable()) {
			throw new IllegalArgumentException(option + " " + written + ": "
					+ (check.isEmpty() ? "no check has the id '" + id + "'"
							: "'" + id + "' findings (" + check.get().kind().label() + ") cannot be switched")
					+ "; expected one of " + IrqDslChecks.ALL.stream().filter(c -> c.kind().configurable()).map(CheckInfo::id)
							.collect(Collectors.joining(", ")));
		}
		return id;
	}

	Optional<Switch> switchFor(String id) {
		return Optional.ofNullable(switches.get(id));
	}
}
