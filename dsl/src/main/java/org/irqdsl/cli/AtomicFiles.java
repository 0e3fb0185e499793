package org.irqdsl.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file whole or not at all: to a temporary file in the same folder, then an atomic move. */
final class AtomicFiles {

	private AtomicFiles() {
	}

	static void write(Path file, String text) throws IOException {
		Path dir = file.toAbsolutePath().getParent();
		Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
		try {
			Files.writeString(tmp, text, StandardCharsets.UTF_8);
			try {
				Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
			}
		} finally {
			Files.deleteIfExists(tmp);
		}
	}
}
