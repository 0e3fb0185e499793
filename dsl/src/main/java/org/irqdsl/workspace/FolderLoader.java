package org.irqdsl.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.irqdsl.workspace.SourceFile;
import org.irqdsl.workspace.SourceFiles;

/**
 * What a host loads so that the folder rule ({@link org.irqdsl.scoping.FolderContainerManager})
 * can see a file's folder: the files asked for, and the other {@code .irqdsl} files of their
 * folders. Used by every host that loads files itself: {@code irqdsl check} (and the commands built
 * on it, the importer's check of what it writes) and the Eclipse plugin.
 */
public final class FolderLoader {

	private FolderLoader() {
	}

	/**
	 * The texts to load, keyed by absolute normalized path, each file read once: first the files
	 * asked for, in order, then the siblings of each. An unreadable sibling is kept as read (its
	 * platforms are only unknown); the caller reports only on the files asked for.
	 */
	public static Map<Path, SourceFile> sources(List<Path> files, Function<Path, SourceFile> reader) {
		Map<Path, SourceFile> sources = new LinkedHashMap<>();
		for (Path file : files) {
			sources.put(key(file), reader.apply(file));
		}
		for (Path file : files) {
			for (Path sibling : siblings(file)) {
				sources.computeIfAbsent(key(sibling), reader);
			}
		}
		return sources;
	}

	/** How {@link #sources} keys a path. */
	public static Path key(Path file) {
		return file.toAbsolutePath().normalize();
	}

	/** The .irqdsl files of a file's folder (the file itself included when it exists), sorted. */
	public static List<Path> siblings(Path file) {
		Path dir = key(file).getParent();
		List<Path> result = new ArrayList<>();
		if (dir == null) {
			return result;
		}
		try (Stream<Path> list = Files.list(dir)) {
			list.filter(f -> f.getFileName().toString().endsWith(SourceFiles.EXTENSION) && Files.isRegularFile(f))
					.sorted().forEach(result::add);
		} catch (IOException | RuntimeException e) {
			// an unlistable (or missing) folder only loses cross-file references; the file itself is still read
		}
		return result;
	}
}
