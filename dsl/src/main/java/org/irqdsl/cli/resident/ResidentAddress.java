package org.irqdsl.cli.resident;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the resident server of one working directory listens: a Unix-domain socket in a folder only
 * this user can open, named by a digest of everything a command's output depends on outside its
 * arguments — the jar (path, size, modification time), the working directory (relative paths), and
 * the locale variables (the output's encoding). A client and a server compute it alike, so a client
 * never reaches a server of another jar, directory or locale: it reaches none, and the command runs
 * in its own process.
 *
 * @param folder the private folder of this user's sockets
 * @param socket this working directory's socket in it
 * @param jar the jar (or classes folder) the process runs from
 * @param jarStamp size and modification time of {@code jar} when the address was made
 */
public record ResidentAddress(Path folder, Path socket, Path jar, String jarStamp) {

	/** A folder for the sockets other than the default (tests). */
	static final String FOLDER_PROPERTY = "irqdsl.resident.folder";

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

	/** The locale variables: they choose the charset the commands print in. */
	private static final String[] LOCALE_VARIABLES = { "LC_ALL", "LC_CTYPE", "LANG" };

	/** This process's address, or empty when there is no safe private folder or no jar to name it by. */
	public static Optional<ResidentAddress> current() {
		try {
			Path jar = Path.of(ResidentAddress.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			Path folder = folder(System.getenv());
			if (!privateFolder(folder)) {
				return Optional.empty();
			}
			return Optional.of(of(folder, jar, Path.of("").toAbsolutePath(), System.getenv()));
		} catch (IOException | URISyntaxException | RuntimeException e) {
			return Optional.empty();
		}
	}

	static ResidentAddress of(Path folder, Path jar, Path workingDirectory, Map<String, String> env) throws IOException {
		String stamp = stamp(jar);
		StringBuilder key = new StringBuilder().append(jar.toAbsolutePath()).append('\0').append(stamp).append('\0')
				.append(workingDirectory).append('\0');
		for (String variable : LOCALE_VARIABLES) {
			key.append(variable).append('=').append(env.getOrDefault(variable, "")).append('\0');
		}
		return new ResidentAddress(folder, folder.resolve(digest(key.toString()) + ".sock"), jar, stamp);
	}

	/** Size and modification time: a rebuilt jar has another address, and its old server retires. */
	static String stamp(Path jar) throws IOException {
		BasicFileAttributes a = Files.readAttributes(jar, BasicFileAttributes.class);
		return a.size() + "@" + a.lastModifiedTime().toMillis();
	}

	/** Is the jar still the one this address was made for? */
	boolean jarUnchanged() {
		try {
			return stamp(jar).equals(jarStamp);
		} catch (IOException e) {
			return false;
		}
	}

	/** {@code $XDG_RUNTIME_DIR/irqdsl} (a per-user tmpfs) when set, else {@code $TMPDIR/irqdsl-USER}. */
	static Path folder(Map<String, String> env) {
		String chosen = System.getProperty(FOLDER_PROPERTY);
		if (chosen != null) {
			return Path.of(chosen);
		}
		String runtime = env.get("XDG_RUNTIME_DIR");
		if (runtime != null && !runtime.isEmpty() && Files.isDirectory(Path.of(runtime))) {
			return Path.of(runtime, "irqdsl");
		}
		return Path.of(System.getProperty("java.io.tmpdir"), "irqdsl-" + System.getProperty("user.name"));
	}

	/**
	 * Creates the folder readable by its owner only, or checks that an existing one is a real folder
	 * (not a link) of this user's with no access for anyone else: a socket in a folder others can
	 * write could be replaced by theirs, and would then see this user's files' findings.
	 */
	static boolean privateFolder(Path folder) {
		try {
			if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
				Files.createDirectories(folder.getParent());
				Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
			}
			return Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
					&& Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))
					&& Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY);
		} catch (IOException | UnsupportedOperationException e) {
			return false;
		}
	}

	private static String digest(String key) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			// 16 bytes: a socket's path must stay under the 108 bytes of sockaddr_un
			return HexFormat.of().formatHex(hash, 0, 16);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is missing from this JDK", e);
		}
	}
}
