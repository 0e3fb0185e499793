package org.irqdsl.resource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The example files of the repository, in name order: the tests' shared inputs. */
public final class ExampleFiles {

	private ExampleFiles() {
	}

	public static List<Path> all() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("../examples"))) {
			return files.filter(f -> f.toString().endsWith(".irqdsl")).sorted().toList();
		}
	}
}
