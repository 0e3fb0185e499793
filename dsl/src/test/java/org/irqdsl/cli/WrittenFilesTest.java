package org.irqdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code generate -o DIR} and {@code import -o FILE} do with an awkward output place: all or nothing, a clear message, exit 2. */
class WrittenFilesTest {

	@TempDir
	Path dir;

	private static final String EXAMPLE = "../examples/intel-vmd-nvme-seed004.irqdsl";

	private static final String INTERRUPTS = """
			           CPU0       CPU1
			  24:          0       1234  IR-PCI-MSI 512000-edge      ahci[0000:00:1f.2]
			""";

	@Test
	void generateChecksEveryTargetFirstAndWritesNothingWhenOneIsAFolder() throws Exception {
		Path out = Files.createDirectories(dir.resolve("out"));
		Files.createDirectories(out.resolve("hp14_tgl_vmd.mmd"));
		CliRun run = CliRun.irqdsl("generate", EXAMPLE, "-o", out);
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.err()).contains("irqdsl generate: cannot write " + out.resolve("hp14_tgl_vmd.mmd") + ": is a folder\n")
				.contains("irqdsl generate: nothing written");
		assertThat(run.out()).doesNotContain("wrote");
		assertThat(names(out)).containsExactly("hp14_tgl_vmd.mmd");
	}

	@Test
	void generateIntoAFolderUnderAFileSaysSoWithoutAnExceptionName() throws Exception {
		Path file = Files.writeString(dir.resolve("plain"), "a file");
		CliRun run = CliRun.irqdsl("generate", EXAMPLE, "-o", file.resolve("out"));
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.err()).startsWith("irqdsl generate: cannot create folder " + file.resolve("out") + ": ");
		assertThat(file).hasContent("a file");
	}

	@Test
	void generateKeepsModesAndLinksOfTheFilesItReplaces() throws Exception {
		Path out = Files.createDirectories(dir.resolve("out"));
		Path elsewhere = Files.writeString(dir.resolve("kept.dot"), "old");
		Files.createSymbolicLink(out.resolve("hp14_tgl_vmd.dot"), elsewhere);
		CliRun run = CliRun.irqdsl("generate", EXAMPLE, "-o", out);
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(Files.isSymbolicLink(out.resolve("hp14_tgl_vmd.dot"))).isTrue();
		assertThat(Files.readString(elsewhere)).startsWith("digraph");
		assertThat(names(out)).noneMatch(n -> n.contains("tmp"));
		assertThat(names(dir)).containsExactlyInAnyOrder("out", "kept.dot");
	}

	@Test
	void anEmptyOutputIsAUsageError() throws Exception {
		Path dumps = Files.writeString(dir.resolve("interrupts.txt"), INTERRUPTS);
		// the old writer put its temporary file beside the working folder
		Path parent = Path.of("").toAbsolutePath().getParent();
		List<String> before = names(parent);
		CliRun imported = CliRun.irqdsl("import", "--interrupts", dumps, "-o", "");
		assertThat(imported.exit()).isEqualTo(2);
		assertThat(imported.err()).isEqualTo("irqdsl import: -o '': expected a file name\n");
		CliRun generated = CliRun.irqdsl("generate", EXAMPLE, "-o", "");
		assertThat(generated.exit()).isEqualTo(2);
		assertThat(generated.err()).isEqualTo("irqdsl generate: -o '': expected a folder name\n");
		assertThat(names(parent)).containsExactlyInAnyOrderElementsOf(before);
	}

	@Test
	void importWritesThroughASymbolicLinkAndRefusesAFolder() throws Exception {
		Path dumps = Files.writeString(dir.resolve("interrupts.txt"), INTERRUPTS);
		Path real = Files.writeString(dir.resolve("real.irqdsl"), "old");
		Path link = Files.createSymbolicLink(dir.resolve("machine.irqdsl"), real.getFileName());
		CliRun run = CliRun.irqdsl("import", "--interrupts", dumps, "-o", link);
		assertThat(run.exit()).as(run.err()).isLessThan(2);
		assertThat(Files.isSymbolicLink(link)).isTrue();
		assertThat(Files.readString(real)).startsWith("// Imported by `irqdsl import`");
		assertThat(names(dir)).containsExactlyInAnyOrder("interrupts.txt", "real.irqdsl", "machine.irqdsl");
		Path folder = Files.createDirectories(dir.resolve("folder"));
		CliRun refused = CliRun.irqdsl("import", "--interrupts", dumps, "-o", folder);
		assertThat(refused.exit()).isEqualTo(2);
		assertThat(refused.err()).isEqualTo("irqdsl import: cannot write " + folder + ": is a folder\n");
		assertThat(names(folder)).isEmpty();
	}

	private static List<String> names(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(f -> f.getFileName().toString()).toList();
		}
	}
}
