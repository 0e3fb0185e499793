package org.irqdsl.validation;

import java.util.Arrays;
import java.util.List;

import org.eclipse.xtext.diagnostics.Severity;

/**
 * The stable description of one check: its id (what -W/-E, .irqdsl-checks files, irqdsl-ignore
 * comments and editors name it by), its default severity, a title, the seed or kernel source it
 * comes from, its documentation (rendered into docs/checks.md), its kind, and the ids of its
 * prerequisites: checks of the same platform or scenario that must have found no error for this
 * one to run (like dtc's prerequisites: a broken hierarchy does not cascade into findings that
 * describe what is not there).
 */
public record CheckInfo(String id, Severity severity, String title, String source, String documentation, CheckKind kind,
		List<String> prerequisites) {

	public CheckInfo {
		prerequisites = List.copyOf(prerequisites);
	}

	public static CheckInfo error(String id, String title, String source, String documentation) {
		return new CheckInfo(id, Severity.ERROR, title, source, documentation, CheckKind.PLATFORM, List.of());
	}

	public static CheckInfo warning(String id, String title, String source, String documentation) {
		return new CheckInfo(id, Severity.WARNING, title, source, documentation, CheckKind.PLATFORM, List.of());
	}

	/** This check with another kind (the factories make platform checks). */
	public CheckInfo kind(CheckKind newKind) {
		return new CheckInfo(id, severity, title, source, documentation, newKind, prerequisites);
	}

	/** This check, run only when {@code checks} found no error on the same platform or scenario. */
	public CheckInfo requires(CheckInfo... checks) {
		return new CheckInfo(id, severity, title, source, documentation, kind,
				Arrays.stream(checks).map(CheckInfo::id).toList());
	}
}
