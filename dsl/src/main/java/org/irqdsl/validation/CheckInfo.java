package org.irqdsl.validation;

import org.eclipse.xtext.diagnostics.Severity;

/**
 * The stable description of one check: its id (what -W/-E and editors name it by), its default
 * severity, a title, the seed or kernel source it comes from, and its documentation
 * (rendered into docs/checks.md).
 */
public record CheckInfo(String id, Severity severity, String title, String source, String documentation) {

	public static CheckInfo error(String id, String title, String source, String documentation) {
		return new CheckInfo(id, Severity.ERROR, title, source, documentation);
	}

	public static CheckInfo warning(String id, String title, String source, String documentation) {
		return new CheckInfo(id, Severity.WARNING, title, source, documentation);
	}
}
