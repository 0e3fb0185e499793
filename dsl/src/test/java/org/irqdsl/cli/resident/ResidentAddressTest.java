package org.irqdsl.cli.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client reaches only a server of its own jar, working directory and locale, in a private folder. */
class ResidentAddressTest {

	@TempDir
	Path temp;

	@Test
	void theAddressChangesWithTheJarTheWorkingDirectoryAndTheLocale() throws IOException {
		Path folder = temp.resolve("s");
		Path jar = Files.writeString(temp.resolve("irqdsl.jar"), "v1");
		Path here = Path.of("/work/a");
		Map<String, String> utf8 = Map.of("LANG", "C.UTF-8");
		ResidentAddress address = ResidentAddress.of(folder, jar, here, utf8);

		assertThat(ResidentAddress.of(folder, jar, here, utf8)).isEqualTo(address);
		assertThat(ResidentAddress.of(folder, jar, Path.of("/work/b"), utf8).socket()).isNotEqualTo(address.socket());
		assertThat(ResidentAddress.of(folder, jar, here, Map.of("LANG", "C")).socket()).isNotEqualTo(address.socket());
		assertThat(ResidentAddress.of(folder, jar, here, Map.of("LANG", "C.UTF-8", "LC_ALL", "C")).socket()).isNotEqualTo(address.socket());
		assertThat(address.socket().getParent()).isEqualTo(folder);
		assertThat(address.socket().toString().length()).as("fits sockaddr_un").isLessThan(108);

		Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));
		assertThat(address.jarUnchanged()).isFalse();
		assertThat(ResidentAddress.of(folder, jar, here, utf8).socket()).as("a rebuilt jar").isNotEqualTo(address.socket());
	}

	@Test
	void theFolderIsMadeForItsOwnerOnlyAndAnOpenFolderIsRefused() throws IOException {
		Path made = temp.resolve("new/irqdsl");
		assertThat(ResidentAddress.privateFolder(made)).isTrue();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made))).isEqualTo("rwx------");

		Path open = Files.createDirectory(temp.resolve("open"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
		assertThat(ResidentAddress.privateFolder(open)).isFalse();

		Path link = Files.createSymbolicLink(temp.resolve("link"), made);
		assertThat(ResidentAddress.privateFolder(link)).as("a link is not the folder").isFalse();
	}

	@Test
	void theFolderIsTheUsersRuntimeFolderWhenThereIsOne() {
		assertThat(ResidentAddress.folder(Map.of("XDG_RUNTIME_DIR", temp.toString()))).isEqualTo(temp.resolve("irqdsl"));
		assertThat(ResidentAddress.folder(Map.of("XDG_RUNTIME_DIR", temp.resolve("missing").toString())))
				.isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "irqdsl-" + System.getProperty("user.name")));
	}

	@Test
	void onlyShortCommandsThatReadTheirFilesAreServed() {
		assertThat(ResidentClient.servable(List.of("check", "a.irqdsl"))).isTrue();
		assertThat(ResidentClient.servable(List.of("simulate", "a.irqdsl"))).isTrue();
		assertThat(ResidentClient.servable(List.of("generate", "a.irqdsl", "-o", "out"))).isTrue();
		assertThat(ResidentClient.servable(List.of("import", "lspci.txt"))).as("reads stdin, runs lspci").isFalse();
		assertThat(ResidentClient.servable(List.of("qemu", "q.irqdsl"))).isFalse();
		assertThat(ResidentClient.servable(List.of("lsp"))).isFalse();
		assertThat(ResidentClient.servable(List.of("check", "--help"))).as("picocli colours help for a terminal").isFalse();
		assertThat(ResidentClient.servable(List.of())).isFalse();
	}

	@Test
	void withNoServerTheClientSaysRunItYourself() {
		assertThat(ResidentClient.run(temp.resolve("none.sock"), List.of("check", "x"), new java.io.ByteArrayOutputStream(),
				new java.io.ByteArrayOutputStream())).isEqualTo(ResidentClient.RUN_IT_YOURSELF);
	}
}
