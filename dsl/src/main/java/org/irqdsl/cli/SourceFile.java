package org.irqdsl.cli;

import java.nio.file.Path;

/** An .irqdsl file read from disk: its text, or why it could not be read. */
public record SourceFile(Path path, String text, String problem, int problemLine) {

	public static SourceFile read(Path path, String text) {
		return new SourceFile(path, text, null, 0);
	}

	public static SourceFile unreadable(Path path, String problem, int line) {
		return new SourceFile(path, null, problem, line);
	}

	public boolean readable() {
		return problem == null;
	}
}
