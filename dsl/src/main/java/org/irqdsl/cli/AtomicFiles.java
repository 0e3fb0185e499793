package org.irqdsl.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a file whole or not at all: to a temporary file beside it, then an atomic rename, so a
 * reader sees the old file or the new one. Like a shell's {@code >}: a new file gets the mode the
 * umask gives (0666 &amp; ~umask), an existing file keeps its mode, and a symbolic link is written
 * through (its target is replaced, the link stays). The temporary file is named
 * {@code .NAME.irqdsl-tmp-PID}; it is removed when the write fails, when the process is
 * interrupted (SIGINT, SIGTERM: a shutdown hook), and, when left by a killed run whose process is
 * gone, by the next write into the same folder.
 */
final class AtomicFiles {

	private static final String TMP_MARK = ".irqdsl-tmp-";
	private static final Pattern TMP_PID = Pattern.compile(Pattern.quote(TMP_MARK) + "(\\d+)(?:-\\d+)?");
	/** Characters of the target's name kept in the temporary file's name: well below NAME_MAX (255 bytes) in UTF-8. */
	private static final int NAME_PREFIX = 50;
	private static final int MAX_LINKS = 40;

	/** Temporary files being written; the shutdown hook removes what is left of them. */
	private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> IN_PROGRESS.forEach(AtomicFiles::deleteQuietly),
				"irqdsl-temporary-files"));
	}

	private AtomicFiles() {
	}

	static void write(Path file, String text) throws IOException {
		stage(file, text).commit();
	}

	/**
	 * The file that writing {@code file} replaces: {@code file} itself, or the end of its chain of
	 * symbolic links. Fails, writing nothing, when that is a folder or another non-regular file,
	 * or when its folder is missing or not writable.
	 */
	static Path target(Path file) throws IOException {
		Path target = file.toAbsolutePath();
		for (int links = 0; Files.isSymbolicLink(target); links++) {
			if (links == MAX_LINKS) {
				throw new FileSystemException(file.toString(), null, "too many levels of symbolic links");
			}
			// a relative link is relative to the link's folder; not normalized: ".." after a linked folder is the kernel's to resolve
			target = target.getParent().resolve(Files.readSymbolicLink(target));
		}
		if (Files.isDirectory(target)) {
			throw new FileSystemException(file.toString(), null, "is a folder");
		}
		if (Files.exists(target) && !Files.isRegularFile(target)) {
			throw new FileSystemException(file.toString(), null, "not a regular file");
		}
		Path dir = target.getParent();
		if (!Files.isDirectory(dir)) {
			throw new FileSystemException(file.toString(), null, (Files.exists(dir) ? "not a folder: " : "no such folder: ") + dir);
		}
		// access(2): also false on a read-only file system, even for root
		if (!Files.isWritable(dir)) {
			throw new AccessDeniedException(file.toString());
		}
		return target;
	}

	/** Writes the new content beside the file; nothing is replaced until {@link Staged#commit}. */
	static Staged stage(Path file, String text) throws IOException {
		Path target = target(file);
		Path dir = target.getParent();
		String prefix = "." + prefix(target.getFileName().toString());
		removeStale(dir, prefix);
		Path tmp = reserve(dir, prefix);
		try {
			Set<PosixFilePermission> mode = Files.exists(target) ? permissions(target) : null;
			// without a mode the file is created 0666 and the umask applies, as for a shell's '>';
			// with the existing file's mode it is never more open than the file it replaces
			FileAttribute<?>[] attributes = mode == null ? new FileAttribute<?>[0]
					: new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(mode) };
			try (FileChannel channel = FileChannel.open(tmp, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
				ByteBuffer bytes = StandardCharsets.UTF_8.encode(text);
				while (bytes.hasRemaining()) {
					channel.write(bytes);
				}
				channel.force(true);
			}
			if (mode != null) {
				// the umask may have cleared bits the existing file has
				Files.setPosixFilePermissions(tmp, mode);
			}
			return new Staged(file, target, tmp);
		} catch (IOException | RuntimeException e) {
			release(tmp);
			throw e;
		}
	}

	/** A file's new content, complete on disk beside it, not yet in place. */
	static final class Staged {
		private final Path file;
		private final Path target;
		private final Path tmp;

		private Staged(Path file, Path target, Path tmp) {
			this.file = file;
			this.target = target;
			this.tmp = tmp;
		}

		/** The path the user gave. */
		Path file() {
			return file;
		}

		/** Moves the new content into place; on failure the temporary file is removed. */
		void commit() throws IOException {
			try {
				try {
					Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				} catch (AtomicMoveNotSupportedException e) {
					Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
				}
			} finally {
				release(tmp);
			}
		}

		/** Removes the new content; the file stays as it was. */
		void discard() {
			release(tmp);
		}
	}

	private static Set<PosixFilePermission> permissions(Path file) throws IOException {
		try {
			return Files.getPosixFilePermissions(file);
		} catch (UnsupportedOperationException e) {
			return null; // not a POSIX file system: its defaults apply
		}
	}

	/** The temporary file's path, unique in this process: {@code PREFIX.irqdsl-tmp-PID}, then {@code -2}, {@code -3}... */
	private static Path reserve(Path dir, String prefix) throws IOException {
		String base = prefix + TMP_MARK + ProcessHandle.current().pid();
		for (int n = 1;; n++) {
			Path tmp = dir.resolve(n == 1 ? base : base + "-" + n);
			if (IN_PROGRESS.add(tmp)) {
				// one of our own left by a write that could not clean up; no other process uses our pid's name
				Files.deleteIfExists(tmp);
				return tmp;
			}
		}
	}

	private static void release(Path tmp) {
		deleteQuietly(tmp);
		IN_PROGRESS.remove(tmp);
	}

	/** Removes the temporary files of the same target left by runs whose process is gone (killed with SIGKILL, a crash). */
	private static void removeStale(Path dir, String prefix) {
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, p -> p.getFileName().toString().startsWith(prefix + TMP_MARK))) {
			for (Path entry : entries) {
				Matcher m = TMP_PID.matcher(entry.getFileName().toString().substring(prefix.length()));
				if (m.matches() && Files.isRegularFile(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !running(m.group(1))) {
					deleteQuietly(entry);
				}
			}
		} catch (IOException | RuntimeException e) {
			// only tidying: the write itself does not depend on it
		}
	}

	private static boolean running(String pid) {
		try {
			long id = Long.parseLong(pid);
			return id == ProcessHandle.current().pid() || ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false);
		} catch (NumberFormatException e) {
			return true; // not ours to judge
		}
	}

	private static String prefix(String name) {
		return name.codePointCount(0, name.length()) <= NAME_PREFIX ? name : name.substring(0, name.offsetByCodePoints(0, NAME_PREFIX));
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		} catch (IOException e) {
			// nothing more can be done; the next write of the same file removes it once this process is gone
		}
	}
}
