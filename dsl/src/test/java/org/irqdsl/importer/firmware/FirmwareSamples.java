package org.irqdsl.importer.firmware;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The firmware test data of {@code data/firmware} (its SOURCES.md says where each file comes from),
 * found by walking up from the working folder (Maven runs the tests in {@code dsl/}).
 */
final class FirmwareSamples {

	private static Path dir;

	private FirmwareSamples() {
	}

	static synchronized Path dir() {
		if (dir != null) {
			return dir;
		}
		for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
			Path candidate = p.resolve("data/firmware");
			if (Files.isRegularFile(candidate.resolve("SOURCES.md"))) {
				return dir = candidate.normalize();
			}
		}
		throw new IllegalStateException("data/firmware/SOURCES.md is not above " + Path.of("").toAbsolutePath());
	}

	static Path dtb(String name) {
		return dir().resolve("dtb").resolve(name + ".dtb");
	}

	static Path acpi(String name) {
		return dir().resolve("acpi").resolve(name);
	}

	static Path real(String name) {
		return dir().resolve("../real").resolve(name).normalize();
	}
}
