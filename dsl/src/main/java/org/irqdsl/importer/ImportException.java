package org.irqdsl.importer;

/** An input the importer cannot use at all (unreadable, not text, nothing recognisable): exit status 2. */
public class ImportException extends Exception {

	private static final long serialVersionUID = 1L;

	public ImportException(String message) {
		super(message);
	}
}
