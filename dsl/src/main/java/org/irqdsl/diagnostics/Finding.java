package org.irqdsl.diagnostics;

import org.eclipse.xtext.validation.Issue;
import org.irqdsl.validation.IrqDslChecks;

/**
 * One diagnostic of a file, as every host reports it (the command line, the importer's report, the
 * language server's tests): where, how severe, what, and the check's id.
 */
public record Finding(String file, int line, int column, String severity, String message, String id) {

	/** A validator's issue as a finding of {@code file}: Xtext's 1-based line and column, the check's id. */
	public static Finding of(String file, Issue issue) {
		return new Finding(file, issue.getLineNumber() == null ? 1 : issue.getLineNumber(),
				issue.getColumn() == null ? 1 : issue.getColumn(), IrqDslChecks.label(issue.getSeverity()), issue.getMessage(),
				IrqDslChecks.idOf(issue));
	}

	public boolean isError() {
		return "error".equals(severity);
	}

	/**
	 * {@code path:line:col: severity: message [id]}, the form compilers and dtc print. The text is as
	 * the file and checks wrote it: a host that prints it on a terminal escapes its control characters.
	 */
	public String toText() {
		return file + ":" + line + ":" + column + ": " + severity + ": " + message + " [" + id + "]";
	}
}
