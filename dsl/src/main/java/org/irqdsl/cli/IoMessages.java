package org.irqdsl.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** An I/O failure in a user's words ("permission denied"), never an exception's class name. */
final class IoMessages {

	private IoMessages() {
	}

	static String describe(IOException e) {
		if (e instanceof AccessDeniedException) {
			return "permission denied";
		}
		if (e instanceof NoSuchFileException) {
			return "no such file or folder";
		}
		if (e instanceof NotDirectoryException) {
			return "not a folder";
		}
		if (e instanceof FileSystemException f && f.getReason() != null) {
			// the system's words ("Read-only file system", "No space left on device"), lower-cased like the others
			String reason = f.getReason();
			return reason.isEmpty() ? "input/output error" : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
		}
		return e.getMessage() == null ? "input/output error" : e.getMessage();
	}

	/** "cannot write out/a.dot: permission denied". */
	static String cannotWrite(Object file, IOException e) {
		return "cannot write " + file + ": " + describe(e);
	}
}
