package org.irqdsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The modules' layering, read from the sources' import statements: the command line is a host of
 * the language like the language server, so nothing of the language (checks, generator, importer,
 * qemu mapping...) may depend on it; and the runtime (the simulator) knows nothing of Xtext or EMF.
 */
class ArchitectureTest {

	private static final Path DSL = Path.of("src/main/java");
	private static final Path RUNTIME = Path.of("../runtime/src/main/java");
	private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

	@Test
	void onlyTheCommandLineItselfImportsTheCommandLine() {
		assertThat(importsOf(DSL, "org.irqdsl.cli.", "org/irqdsl/cli/")).as("dsl classes outside cli importing cli").isEmpty();
	}

	@Test
	void theRuntimeImportsNeitherXtextNorEmf() {
		assertThat(importsOf(RUNTIME, "org.eclipse.", "-")).as("runtime classes importing Xtext or EMF").isEmpty();
		assertThat(importsOf(RUNTIME, "com.google.inject.", "-")).as("runtime classes importing Guice").isEmpty();
	}

	@Test
	void theScanSeesTheSources() {
		// a moved source folder must not make the checks above pass by finding nothing
		assertThat(javaFiles(DSL)).anyMatch(p -> p.endsWith("importer/Importer.java"));
		assertThat(javaFiles(RUNTIME)).anyMatch(p -> p.endsWith("sim/config/SimConfigReader.java"));
		assertThat(importsOf(DSL, "org.eclipse.xtext.", "-")).as("the language's Xtext imports are seen").isNotEmpty();
		assertThat(importsOf(DSL, "org.irqdsl.diagnostics.", "-")).as("imports of the language's packages are seen").isNotEmpty();
	}

	/** "file: import" for each import starting with {@code prefix} in a file whose path does not contain {@code exempt}. */
	private static List<String> importsOf(Path root, String prefix, String exempt) {
		return javaFiles(root).stream().filter(p -> !p.toString().replace('\\', '/').contains(exempt)).flatMap(p -> {
			Matcher m = IMPORT.matcher(read(p));
			return m.results().map(r -> r.group(1)).filter(i -> i.startsWith(prefix)).map(i -> root.relativize(p) + ": " + i);
		}).toList();
	}

	private static List<Path> javaFiles(Path root) {
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(p -> p.toString().endsWith(".java")).toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String read(Path p) {
		try {
			return Files.readString(p);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
