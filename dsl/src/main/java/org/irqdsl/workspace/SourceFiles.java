package org.irqdsl.workspace;

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

import org.irqdsl.resource.BinaryText;

/** Reads .irqdsl files strictly (UTF-8, size limit); an editor overrides {@link #read} with its unsaved text. */
public class SourceFiles {

	public static final String EXTENSION = ".irqdsl";

	private final long maxBytes;

	public SourceFiles(long maxBytes) {
		this.maxBytes = maxBytes;
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

	/** A one-line reason for an I/O error, without the exception's class name. */
	public static String describe(IOException e) {
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
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		// the language's rule, so that an editor reports a NUL the same way
		java.util.Optional<BinaryText> binary = BinaryText.find(text);
		if (binary.isPresent()) {
			return SourceFile.unreadable(path, binary.get().message(), binary.get().line(), binary.get().column());
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
