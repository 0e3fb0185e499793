package org.irqdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The one atomic writer of {@code import -o} and {@code generate}: modes, links, folders, temporary files. */
class AtomicFilesTest {

	@TempDir
	Path dir;

	@Test
	void aNewFileGetsTheModeTheUmaskGivesLikeAShellRedirection() throws Exception {
		Path file = dir.resolve("new.irqdsl");
		AtomicFiles.write(file, "text");
		int umask = Integer.parseInt(shell("umask").strip(), 8);
		assertThat(mode(file)).isEqualTo(0666 & ~umask);
		assertThat(Files.readString(file)).isEqualTo("text");
	}

	@Test
	void overwritingKeepsTheFilesModeEvenBitsTheUmaskWouldClear() throws Exception {
		Path file = Files.writeString(dir.resolve("shared.irqdsl"), "old");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
		AtomicFiles.write(file, "new");
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-rw-rw-"));
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r-----"));
		AtomicFiles.write(file, "newer");
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("r--r-----"));
		assertThat(Files.readString(file)).isEqualTo("newer");
	}

	@Test
	void aSymbolicLinkIsWrittenThroughAndStaysALink() throws Exception {
		Path real = Files.writeString(Files.createDirectories(dir.resolve("real")).resolve("machine.irqdsl"), "old");
		Path link = Files.createSymbolicLink(dir.resolve("link.irqdsl"), Path.of("real/machine.irqdsl"));
		Path linkToLink = Files.createSymbolicLink(dir.resolve("link2.irqdsl"), link.getFileName());
		AtomicFiles.write(linkToLink, "new");
		assertThat(Files.isSymbolicLink(linkToLink)).isTrue();
		assertThat(Files.isSymbolicLink(link)).isTrue();
		assertThat(Files.readString(real)).isEqualTo("new");
		assertThat(names(dir)).containsExactlyInAnyOrder("real", "link.irqdsl", "link2.irqdsl");
		assertThat(names(dir.resolve("real"))).containsExactly("machine.irqdsl");
		// a link to a file not there yet: the file is created where the link points
		Path dangling = Files.createSymbolicLink(dir.resolve("later.irqdsl"), Path.of("real/later.irqdsl"));
		AtomicFiles.write(dangling, "created");
		assertThat(Files.isSymbolicLink(dangling)).isTrue();
		assertThat(Files.readString(dir.resolve("real/later.irqdsl"))).isEqualTo("created");
	}

	@Test
	void aFolderOrAMissingFolderIsRefusedAndNothingIsWritten() throws Exception {
		Path folder = Files.createDirectories(dir.resolve("out.irqdsl"));
		assertThatThrownBy(() -> AtomicFiles.write(folder, "x")).isInstanceOf(IOException.class)
				.satisfies(e -> assertThat(IoMessages.describe((IOException) e)).isEqualTo("is a folder"));
		Path file = Files.writeString(dir.resolve("plain"), "a file");
		assertThatThrownBy(() -> AtomicFiles.write(file.resolve("x.irqdsl"), "x"))
				.satisfies(e -> assertThat(IoMessages.describe((IOException) e)).startsWith("not a folder: "));
		assertThat(names(dir)).containsExactlyInAnyOrder("out.irqdsl", "plain");
		assertThat(names(folder)).isEmpty();
	}

	@Test
	void aDiscardedWriteLeavesNothingAndTheOldFileIntact() throws Exception {
		Path file = Files.writeString(dir.resolve("a.dot"), "old");
		AtomicFiles.Staged staged = AtomicFiles.stage(file, "new");
		assertThat(names(dir)).hasSize(2).anyMatch(n -> n.startsWith(".a.dot.irqdsl-tmp-"));
		staged.discard();
		assertThat(names(dir)).containsExactly("a.dot");
		assertThat(Files.readString(file)).isEqualTo("old");
	}

	@Test
	void temporaryFilesOfAKilledRunAreRemovedByTheNextWriteUnlessItsProcessStillRuns() throws Exception {
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		Path stale = Files.writeString(dir.resolve(".x.irqdsl.irqdsl-tmp-" + gone.pid()), "half a file");
		Path staleSecond = Files.writeString(dir.resolve(".x.irqdsl.irqdsl-tmp-" + gone.pid() + "-2"), "half a file");
		// pid 1 always runs: its file may be a write in progress
		Path live = Files.writeString(dir.resolve(".x.irqdsl.irqdsl-tmp-1"), "being written");
		Path otherTarget = Files.writeString(dir.resolve(".y.irqdsl.irqdsl-tmp-" + gone.pid()), "another file's");
		AtomicFiles.write(dir.resolve("x.irqdsl"), "whole");
		assertThat(stale).doesNotExist();
		assertThat(staleSecond).doesNotExist();
		assertThat(live).exists();
		assertThat(otherTarget).exists();
		assertThat(dir.resolve("x.irqdsl")).hasContent("whole");
	}

	@Test
	@Timeout(60)
	void aTerminatedRunRemovesItsTemporaryFile() throws Exception {
		Path file = Files.writeString(dir.resolve("machine.irqdsl"), "old");
		String classpath = Stream.of(AtomicFiles.class, StagedWriteMain.class)
				.map(c -> Path.of(c.getProtectionDomain().getCodeSource().getLocation().getPath()).toString())
				.reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process p = new ProcessBuilder(java, "-cp", classpath, StagedWriteMain.class.getName(), file.toString())
				.redirectError(ProcessBuilder.Redirect.INHERIT).start();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
			assertThat(out.readLine()).isEqualTo("staged");
			assertThat(names(dir)).hasSize(2);
			p.destroy(); // SIGTERM
			assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(names(dir)).containsExactly("machine.irqdsl");
		assertThat(file).hasContent("old");
	}

	@Test
	void anAccessDeniedFailureReadsAsPermissionDenied() {
		// root ignores permission bits, so this is checked at the level of the message
		assertThat(IoMessages.cannotWrite(Path.of("out/a.dot"), new java.nio.file.AccessDeniedException("out/a.dot")))
				.isEqualTo("cannot write out/a.dot: permission denied");
		assertThat(IoMessages.describe(new java.nio.file.FileSystemException("out", null, "Read-only file system")))
				.isEqualTo("read-only file system");
	}

	private static List<String> names(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(f -> f.getFileName().toString()).toList();
		}
	}

	private static int mode(Path file) throws IOException {
		int mode = 0;
		for (var p : Files.getPosixFilePermissions(file)) {
			mode |= 1 << (8 - p.ordinal());
		}
		return mode;
	}

	private static String shell(String command) throws Exception {
		Process p = new ProcessBuilder("sh", "-c", command).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(p.waitFor()).isZero();
		return out;
	}
}
