package org.irqdsl.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The real dumps of {@code data/real} (copied from the project's shared data, with their SOURCES.md). Found by walking up
 * from the working folder (Maven runs the tests in {@code dsl/}), or given with
 * {@code -Dirqdsl.samples=DIR} / {@code IRQDSL_SAMPLES=DIR}.
 */
final class Samples {

	static final String RELATIVE = "data/real";

	private static Path dir;

	private Samples() {
	}

	static synchronized Path dir() {
		if (dir != null) {
			return dir;
		}
		List<Path> tried = new ArrayList<>();
		for (String given : new String[] { System.getProperty("irqdsl.samples"), System.getenv("IRQDSL_SAMPLES") }) {
			if (given != null && !given.isBlank()) {
				Path p = Path.of(given).toAbsolutePath().normalize();
				tried.add(p);
				if (Files.isRegularFile(p.resolve("SOURCES.md"))) {
					return dir = p;
				}
			}
		}
		for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
			Path candidate = p.resolve(RELATIVE);
			tried.add(candidate);
			if (Files.isRegularFile(candidate.resolve("SOURCES.md"))) {
				return dir = candidate.normalize();
			}
		}
		throw new IllegalStateException("the real samples (" + RELATIVE + "/SOURCES.md) are not beside the repository; tried "
				+ tried + "; set -Dirqdsl.samples=DIR or IRQDSL_SAMPLES=DIR");
	}

	static Path file(String name) {
		return dir().resolve(name);
	}

	static byte[] bytes(String name) {
		try {
			return Files.readAllBytes(file(name));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A sample as an input whose origin is its bare file name (goldens must not depend on where the samples are). */
	static InputText input(String label, String name) {
		if (name == null) {
			return null;
		}
		try {
			return InputText.decode(label, name, bytes(name));
		} catch (ImportException e) {
			throw new IllegalStateException(e);
		}
	}

	static Importer.Result run(String platform, String lspci, String interrupts, String dmesg, String kernel) throws ImportException {
		Optional<KernelLog.Versioned> k = Optional.ofNullable(kernel)
				.map(v -> new KernelLog.Versioned(KernelVersion.parse(v).orElseThrow(), "--kernel " + v, SourceRef.commandLine()));
		return Importer.run(new Importer.Request(Optional.ofNullable(input("lspci", lspci)), Optional.ofNullable(input("interrupts", interrupts)),
				Optional.ofNullable(input("dmesg", dmesg)), k, platform, platform + ".irqdsl"));
	}

	/** Every sample file of the folder (SOURCES.md excepted). */
	static List<String> all() {
		try (var list = Files.list(dir())) {
			return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
