package org.irqdsl.validation.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.diagnostics.Severity;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.CheckReporter;

/**
 * Runs the checks of one platform or one scenario under a {@link FilePolicy}, like dtc runs its
 * checks: prerequisites first; a check that is off does not run; a check whose prerequisite found
 * an error (or was itself skipped) does not run either, so one broken thing (a cycle in the
 * domain hierarchy) does not cascade into findings about what is not there. A prerequisite that
 * is off still runs when an enabled check needs it, silently. One runner per subject and
 * validation run: it remembers what each check found, for the checks run later in the same run.
 */
public final class CheckRunner {

	/** One check as the runner sees it: its registry entry, the ids it reports under, and its body. */
	public record Check(CheckInfo info, List<CheckInfo> reports, Consumer<CheckReporter> body) {
	}

	/** What a check's run showed: whether it blocks its dependents, and whether its findings were reported. */
	private record Outcome(boolean blocks, boolean reported) {
	}

	private final Map<String, Outcome> outcomes = new HashMap<>();
	private final Set<String> running = new HashSet<>();

	/**
	 * Runs every check of {@code checks} that {@code policy} enables, prerequisites first, and sends
	 * their findings, at the policy's severity, to {@code out}; {@code known} are the subject's
	 * checks that prerequisites are looked up in.
	 */
	public void run(List<Check> checks, List<Check> known, FilePolicy policy, CheckReporter out) {
		Map<String, Check> byId = new LinkedHashMap<>();
		known.forEach(c -> byId.put(c.info().id(), c));
		checks.forEach(c -> byId.putIfAbsent(c.info().id(), c));
		for (Check check : prerequisitesFirst(checks)) {
			if (check.reports().stream().anyMatch(policy::enabled)) {
				blocks(check, true, byId, policy, out);
			}
		}
	}

	/** Whether {@code check} found an error or could not run; runs it if it has not run (reporting, when asked). */
	private boolean blocks(Check check, boolean report, Map<String, Check> byId, FilePolicy policy, CheckReporter out) {
		String id = check.info().id();
		Outcome known = outcomes.get(id);
		if (known != null && (known.reported() || !report)) {
			return known.blocks();
		}
		if (!running.add(id)) {
			return false; // a prerequisite cycle (the catalog test forbids them): do not recurse
		}
		try {
			for (String prerequisite : check.info().prerequisites()) {
				Check p = byId.get(prerequisite);
				if (p != null && blocks(p, false, byId, policy, out)) {
					outcomes.put(id, new Outcome(true, report));
					return true;
				}
			}
			boolean[] error = { false };
			check.body().accept(new CheckReporter() {
				@Override
				public void report(CheckInfo reported, Severity severity, String message, EObject source, EStructuralFeature feature,
						int index) {
					error[0] |= severity == Severity.ERROR;
					if (report) {
						policy.severity(reported.id(), severity).ifPresent(s -> out.report(reported, s, message, source, feature, index));
					}
				}

				@Override
				public boolean cancelled() {
					return out.cancelled();
				}
			});
			outcomes.put(id, new Outcome(error[0], report));
			return error[0];
		} finally {
			running.remove(id);
		}
	}

	/** {@code checks} in catalog order, except that each comes after its prerequisites among them. */
	static List<Check> prerequisitesFirst(List<Check> checks) {
		Map<String, Check> byId = new LinkedHashMap<>();
		checks.forEach(c -> byId.put(c.info().id(), c));
		List<Check> ordered = new ArrayList<>();
		Set<String> placed = new HashSet<>();
		for (Check c : checks) {
			place(c, byId, placed, new HashSet<>(), ordered);
		}
		return ordered;
	}

	private static void place(Check check, Map<String, Check> byId, Set<String> placed, Set<String> visiting, List<Check> ordered) {
		String id = check.info().id();
		if (placed.contains(id) || !visiting.add(id)) {
			return;
		}
		for (String prerequisite : check.info().prerequisites()) {
			Check p = byId.get(prerequisite);
			if (p != null) {
				place(p, byId, placed, visiting, ordered);
			}
		}
		placed.add(id);
		ordered.add(check);
	}
}
