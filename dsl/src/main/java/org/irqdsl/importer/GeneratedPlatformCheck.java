package org.irqdsl.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.irqdsl.IrqDslInjector;
import org.irqdsl.cli.Finding;
import org.irqdsl.cli.SeverityPolicy;
import org.irqdsl.cli.SourceFile;
import org.irqdsl.cli.SourceFiles;
import org.irqdsl.cli.UsageException;
import org.irqdsl.cli.WorkspaceChecker;

/**
 * Runs {@code irqdsl check}'s own {@link WorkspaceChecker} on a generated platform, so that the
 * machine report and {@code irqdsl check} of the written file can never disagree. The text is
 * checked as a file of its own in a fresh temporary folder (the checker loads a file's folder as
 * its workspace).
 */
public final class GeneratedPlatformCheck {

	private GeneratedPlatformCheck() {
	}

	/** The findings of {@code text}, reported against {@code displayName} instead of the temporary file. */
	public static synchronized List<Finding> check(String text, String displayName) {
		Path dir = null;
		try {
			dir = Files.createTempDirectory("irqdsl-import");
			Path file = dir.resolve("imported" + SourceFiles.EXTENSION);
			Files.writeString(file, text, StandardCharsets.UTF_8);
			WorkspaceChecker checker = IrqDslInjector.get().getInstance(WorkspaceChecker.class);
			WorkspaceChecker.Result result = checker.check(List.of(file), new SourceFiles(InputText.MAX_BYTES),
					SeverityPolicy.parse(List.of(), List.of()));
			List<Finding> findings = new ArrayList<>();
			for (SourceFile bad : result.unreadable()) {
				findings.add(new Finding(displayName, Math.max(1, bad.problemLine()), 1, "error", bad.problem(), "unreadable"));
			}
			for (Finding f : result.findings()) {
				findings.add(new Finding(displayName, f.line(), f.column(), f.severity(), f.message(), f.id()));
			}
			return findings;
		} catch (IOException e) {
			throw new UncheckedIOException("cannot check the generated platform in a temporary folder", e);
		} catch (UsageException e) {
			throw new IllegalStateException(e);
		} finally {
			delete(dir);
		}
	}

	private static void delete(Path dir) {
		if (dir == null) {
			return;
		}
		try (Stream<Path> walk = Files.walk(dir)) {
			walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		} catch (IOException e) {
			// a leftover temporary folder is harmless
		}
	}
}
