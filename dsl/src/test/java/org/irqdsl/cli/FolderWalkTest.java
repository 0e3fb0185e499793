package org.irqdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.cli.CliRun.CLEAN;
import static org.irqdsl.cli.CliRun.check;
import static org.irqdsl.cli.CliRun.write;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code check FOLDER} treats an .irqdsl entry it cannot read as {@code check ENTRY} does: exit 2, the same message. */
class FolderWalkTest {

	@TempDir
	Path dir;

	@Test
	void aBrokenSymbolicLinkInAFolderIsTheErrorItIsWhenNamed() throws Exception {
		write(dir, "clean.irqdsl", CLEAN);
		Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("sub")).resolve("gone.irqdsl"), Path.of("nowhere.irqdsl"));
		CliRun direct = check(link);
		assertThat(direct.exit()).isEqualTo(2);
		assertThat(direct.err()).isEqualTo("irqdsl check: " + link + ": no such file or directory (broken symbolic link to nowhere.irqdsl)\n");
		CliRun walked = check(dir);
		assertThat(walked.exit()).isEqualTo(2);
		assertThat(walked.err()).isEqualTo(direct.err());
	}

	@Test
	@Timeout(60)
	void aFifoInAFolderIsRefusedWithoutBeingOpened() throws Exception {
		write(dir, "clean.irqdsl", CLEAN);
		Path fifo = dir.resolve("pipe.irqdsl");
		assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
		Path other = Files.createSymbolicLink(dir.resolve("also-gone.irqdsl"), Path.of("missing"));
		CliRun direct = check(fifo);
		assertThat(direct.exit()).isEqualTo(2);
		assertThat(direct.err()).isEqualTo("irqdsl check: " + fifo + ": not a regular file or folder\n");
		CliRun walked = check(dir);
		assertThat(walked.exit()).isEqualTo(2);
		assertThat(walked.err()).isEqualTo("irqdsl check: " + other + ": no such file or directory (broken symbolic link to missing)\n"
				+ "irqdsl check: " + fifo + ": not a regular file or folder\n");
		assertThat(walked.out()).isEmpty();
	}
}
