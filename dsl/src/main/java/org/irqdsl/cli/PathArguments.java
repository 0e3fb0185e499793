package org.irqdsl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.irqdsl.workspace.SourceFiles;

/** The .irqdsl files a command is given: files and folders on its command line. */
public final class PathArguments {

	private PathArguments() {
	}

	/**
	 * The .irqdsl files under each path (a file stands for itself), sorted, without repeats. An
	 * .irqdsl entry of a folder that is not a readable file (a broken symbolic link, a FIFO, a
	 * device) is refused as it would be if named directly; none is opened.
	 */
	public static List<Path> expand(List<Path> paths) throws UsageException {
		TreeSet<Path> files = new TreeSet<>();
		List<Path> folders = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (Path p : paths) {
			if (Files.isDirectory(p)) {
				folders.add(p);
				try (Stream<Path> walk = Files.walk(p)) {
					walk.filter(f -> f.getFileName().toString().endsWith(SourceFiles.EXTENSION) && !Files.isDirectory(f)).sorted().forEach(f -> {
						String problem = notAFile(f);
						if (problem == null) {
							files.add(f.normalize());
						} else {
							problems.add(problem);
						}
					});
				} catch (IOException | java.io.UncheckedIOException e) {
					throw new UsageException(p + ": cannot list the folder: " + SourceFiles.describe(e instanceof java.io.UncheckedIOException u ? u.getCause() : (IOException) e));
				}
			} else {
				String problem = notAFile(p);
				if (problem == null) {
					files.add(p.normalize());
				} else {
					problems.add(problem);
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new UsageException(String.join("\n", problems));
		}
		if (files.isEmpty()) {
			throw new UsageException("no " + SourceFiles.EXTENSION + " file in " + (folders.size() == 1 ? "folder " : "folders ")
					+ String.join(", ", folders.stream().map(Path::toString).toList()));
		}
		return new ArrayList<>(files);
	}

	/** Why a path that is not a folder cannot be read as a source file, or null; looks only at the file's kind (never opens it: a FIFO would block). */
	private static String notAFile(Path p) {
		if (Files.isRegularFile(p)) {
			return null;
		}
		if (Files.isSymbolicLink(p) && !Files.exists(p)) {
			String to;
			try {
				to = " to " + Files.readSymbolicLink(p);
			} catch (IOException | UnsupportedOperationException e) {
				to = "";
			}
			return p + ": no such file or directory (broken symbolic link" + to + ")";
		}
		if (!Files.exists(p)) {
			return p + ": no such file or directory";
		}
		return p + ": not a regular file or folder";
	}

}
