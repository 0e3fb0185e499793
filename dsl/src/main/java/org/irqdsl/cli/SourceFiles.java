package org.irqdsl.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Finds the .irqdsl files a command is given and reads them strictly (UTF-8, size limit); an editor overrides {@link #read} with its unsaved text. */
public class SourceFiles {

	public static final String EXTENSION = ".irqdsl";

	private final long maxBytes;

	public SourceFiles(long maxBytes) {
		this.maxBytes = maxBytes;
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
					walk.filter(f -> f.getFileName().toString().endsWith(EXTENSION) && !Files.isDirectory(f)).sorted().forEach(f -> {
						String problem = notAFile(f);
						if (problem == null) {
							files.add(f.normalize());
						} else {
							problems.add(problem);
						}
					});
				} catch (IOException | java.io.UncheckedIOException e) {
					throw new UsageException(p + ": cannot list the folder: " + describe(e instanceof java.io.UncheckedIOException u ? u.getCause() : (IOException) e));
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
			throw new UsageException("no " + EXTENSION + " file in " + (folders.size() == 1 ? "folder " : "folders ")
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

	public SourceFile read(Path path) {
		try {
			long size = Files.size(path);
			if (size > maxBytes) {
				return SourceFile.unreadable(path, String.format(
						"file is %.1f MiB, larger than the %.1f MiB limit (raise it with --max-file-size)",
						size / 1048576.0, maxBytes / 1048576.0), 0);
			}
			byte[] bytes = Files.readAllBytes(path);
			return decode(path, bytes);
		} catch (IOException e) {
			return SourceFile.unreadable(path, "cannot read: " + describe(e), 0);
		}
	}

	private static String describe(IOException e) {
		if (e instanceof java.nio.file.AccessDeniedException) {
			return "permission denied";
		}
		if (e instanceof java.nio.file.NoSuchFileException) {
			return "no such file";
		}
		return e.getMessage() == null ? "input/output error" : e.getMessage();
	}

	/**
	 * Decodes UTF-8, naming the line, column and byte of the first invalid sequence; refuses
	 * UTF-16 (by its byte order mark) and binary files (a NUL byte).
	 */
	static SourceFile decode(Path path, byte[] bytes) {
		if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
			return SourceFile.unreadable(path, String.format("file is UTF-16 (byte order mark 0x%02x 0x%02x); expected a UTF-8 text file",
					bytes[0] & 0xff, bytes[1] & 0xff), 1, 1);
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length + 1);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			int offset = in.position();
			int line = lineOf(bytes, offset);
			return SourceFile.unreadable(path, String.format(
					"not valid UTF-8: byte 0x%02x at line %d, column %d (offset %d); expected a UTF-8 text file",
					bytes[offset] & 0xff, line, columnOf(bytes, offset), offset), line, columnOf(bytes, offset));
		}
		decoder.flush(out);
		out.flip();
		String text = out.toString();
		int nul = text.indexOf('\0');
		if (nul >= 0) {
			int offset = text.substring(0, nul).getBytes(StandardCharsets.UTF_8).length;
			int line = lineOf(bytes, offset);
			return SourceFile.unreadable(path, String.format("binary file: NUL byte at line %d, column %d (offset %d); expected a UTF-8 text file",
					line, columnOf(bytes, offset), offset), line, columnOf(bytes, offset));
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		return SourceFile.read(path, text);
	}

	private static int lineOf(byte[] bytes, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (bytes[i] == '\n') {
				line++;
			}
		}
		return line;
	}

	/** The column (in characters, from 1) of a byte offset: the valid text before it on its line, plus one. */
	private static int columnOf(byte[] bytes, int offset) {
		int start = offset;
		while (start > 0 && bytes[start - 1] != '\n') {
			start--;
		}
		return new String(bytes, start, offset - start, StandardCharsets.UTF_8).length() + 1;
	}
}
