package org.irqdsl.workspace;

import java.nio.file.Path;

/** An .irqdsl file read from disk: its text, or why it could not be read (and where, when that is known). */
public record SourceFile(Path path, String text, String problem, int problemLine, int problemColumn) {

	public static SourceFile read(Path path, String text) {
		return new SourceFile(path, text, null, 0, 0);
	}

	public static SourceFile unreadable(Path path, String problem, int line) {
		return new SourceFile(path, null, problem, line, 0);
	}

	public static SourceFile unreadable(Path path, String problem, int line, int column) {
		return new SourceFile(path, null, problem, line, column);
	}

	public boolean readable() {
		return problem == null;
	}
}
