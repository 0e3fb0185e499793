package org.irqdsl.validation.policy;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The .irqdsl-checks file of each folder, read once and read again when it changes (its
 * modification time or size), so an editor's next validation sees an edit of the file.
 */
final class CheckConfigFiles {

	/** A configuration is a few lines; a larger file is refused rather than read whole. */
	static final long MAX_BYTES = 1 << 20;

	private record Cached(FileTime modified, long size, CheckConfig config) {
	}

	private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

	/** The configuration of the .irqdsl files in {@code folder}: empty when it has no .irqdsl-checks file. */
	CheckConfig of(Path folder) {
		Path file = folder.resolve(CheckConfig.FILE_NAME);
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(file, BasicFileAttributes.class);
		} catch (NoSuchFileException e) {
			cache.remove(file);
			return CheckConfig.EMPTY;
		} catch (IOException | SecurityException e) {
			return unreadable(file, e);
		}
		Cached cached = cache.get(file);
		if (cached != null && cached.modified().equals(attributes.lastModifiedTime()) && cached.size() == attributes.size()) {
			return cached.config();
		}
		CheckConfig config = read(file, attributes);
		cache.put(file, new Cached(attributes.lastModifiedTime(), attributes.size(), config));
		return config;
	}

	private static CheckConfig read(Path file, BasicFileAttributes attributes) {
		if (!attributes.isRegularFile()) {
			return problem(file, "not a regular file; expected a text file of '<check-id>: off|info|warning|error' lines");
		}
		if (attributes.size() > MAX_BYTES) {
			return problem(file, "larger than " + MAX_BYTES + " bytes; expected a few '<check-id>: severity' lines");
		}
		try {
			byte[] bytes = Files.readAllBytes(file);
			String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
			return CheckConfig.parse(file, text);
		} catch (CharacterCodingException e) {
			return problem(file, "not valid UTF-8 text");
		} catch (IOException | SecurityException e) {
			return unreadable(file, e);
		}
	}

	private static CheckConfig unreadable(Path file, Exception e) {
		return problem(file, "cannot be read (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
				+ ")");
	}

	private static CheckConfig problem(Path file, String message) {
		return new CheckConfig(file, Map.of(), List.of(new CheckConfig.Problem(1, message)));
	}
}
