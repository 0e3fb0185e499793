package org.irqdsl.diagnostics;

/**
 * One diagnostic of a file, as every host reports it (the command line, the importer's report, the
 * language server's tests): where, how severe, what, and the check's id.
 */
public record Finding(String file, int line, int column, String severity, String message, String id) {

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
