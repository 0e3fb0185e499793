package org.irqdsl.cli;

/** Bad usage or unreadable input: the command prints the message and exits with status 2. */
public class UsageException extends Exception {

	private static final long serialVersionUID = 1L;

	public UsageException(String message) {
		super(message);
	}
}
