package org.irqdsl.cli;

/** One diagnostic as the command line prints it. */
public record Finding(String file, int line, int column, String severity, String message, String id) {

	public boolean isError() {
		return "error".equals(severity);
	}

	/**
	 * {@code path:line:col: severity: message [id]}, the form compilers and dtc print; one line,
	 * whatever the file's name or the quoted text holds (control characters are escaped, {@link Printable}).
	 */
	public String toText() {
		return Printable.line(file + ":" + line + ":" + column + ": " + severity + ": " + message + " [" + id + "]");
	}
}
