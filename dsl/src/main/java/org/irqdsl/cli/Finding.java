package org.irqdsl.cli;

/** One diagnostic as the command line prints it. */
public record Finding(String file, int line, int column, String severity, String message, String id) {

	public boolean isError() {
		return "error".equals(severity);
	}

	/** {@code path:line:col: severity: message [id]}, the form compilers and dtc print. */
	public String toText() {
		return file + ":" + line + ":" + column + ": " + severity + ": " + message + " [" + id + "]";
	}
}
