package org.irqdsl.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One input of an import: its label as facts cite it ({@code lspci}, {@code interrupts},
 * {@code dmesg}), where it came from (a file name or a command), and its lines.
 *
 * <p>Dumps are decoded leniently: UTF-8, invalid bytes become U+FFFD (a kernel log can hold a
 * driver's binary garbage), CR before LF is dropped. A file where more than a tenth of the
 * characters are NUL, undecodable or control characters is refused as "not a text file".
 */
public record InputText(String label, String origin, List<String> lines) {

	/** Larger than any lspci, /proc/interrupts or kernel log we have seen by two orders of magnitude. */
	public static final long MAX_BYTES = 64L * 1024 * 1024;

	public InputText {
		lines = List.copyOf(lines);
	}

	public static InputText of(String label, String origin, String text) {
		return new InputText(label, origin, split(text));
	}

	public static InputText read(String label, Path file) throws ImportException {
		try {
			if (Files.isDirectory(file)) {
				throw new ImportException(file + ": is a folder, expected a " + label + " dump");
			}
			long size = Files.size(file);
			if (size > MAX_BYTES) {
				throw new ImportException(String.format("%s: %.1f MiB, larger than the %d MiB an %s dump can be", file,
						size / 1048576.0, MAX_BYTES / 1048576, label));
			}
			return decode(label, file.toString(), Files.readAllBytes(file));
		} catch (IOException e) {
			throw new ImportException(file + ": " + ioProblem(e));
		}
	}

	/** An I/O failure in a user's words: "no such file", "permission denied", or the system's message. */
	public static String ioProblem(IOException e) {
		if (e instanceof NoSuchFileException) {
			return "no such file";
		}
		if (e instanceof AccessDeniedException) {
			return "permission denied";
		}
		return "cannot read or write: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
	}

	/** Decodes a dump's bytes; refuses binary data with a message that says so. */
	public static InputText decode(String label, String origin, byte[] bytes) throws ImportException {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
					.onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
		} catch (CharacterCodingException e) {
			throw new ImportException(origin + ": cannot decode: " + e.getMessage());
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		long bad = text.chars().filter(c -> c == 0 || c == 0xFFFD || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t'))
				.count();
		if (!text.isEmpty() && bad * 10 > text.length()) {
			throw new ImportException(origin + ": not a text file (" + bad + " of " + text.length()
					+ " characters are NUL, control or not UTF-8); expected the text of " + describe(label));
		}
		return new InputText(label, origin, split(text));
	}

	static String describe(String label) {
		return switch (label) {
		case "lspci" -> "`lspci -vv`";
		case "interrupts" -> "/proc/interrupts";
		default -> "a kernel log (dmesg)";
		};
	}

	private static List<String> split(String text) {
		List<String> lines = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				lines.add(stripCr(text.substring(start, i)));
				start = i + 1;
			}
		}
		if (start < text.length()) {
			lines.add(stripCr(text.substring(start)));
		}
		return lines;
	}

	private static String stripCr(String line) {
		return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
	}

	public SourceRef at(int lineNumber) {
		return new SourceRef(label, lineNumber);
	}

	public boolean isBlank() {
		return lines.stream().allMatch(String::isBlank);
	}
}
