package org.irqdsl.ide.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language server sees a file with the files of its folder, whatever root the client picks:
 * the folder itself, a parent, another folder, several roots or none give the same diagnostics.
 * The scenario's platform is in a sibling file; a platform of the same name sits in another folder
 * with 8 CPUs, so a scenario that saw it would get another message (or a duplicate).
 */
class FolderRootsIT {

	@TempDir
	static Path workspace;

	static Path lab;
	static Path other;
	static Path scenario;

	@BeforeAll
	static void files() throws Exception {
		List<String> example = Files.readAllLines(Path.of(System.getProperty("irqdsl.examples"), "normative", "x86_noremap.irqdsl"));
		String platform = String.join("\n", example.subList(0, 20)) + "\n";
		String scenarioText = String.join("\n", example.subList(21, example.size())).replace("cpu 2 vector", "cpu 7 vector") + "\n";
		lab = Files.createDirectories(workspace.resolve("lab"));
		other = Files.createDirectories(workspace.resolve("other"));
		Files.writeString(lab.resolve("platform.irqdsl"), platform);
		scenario = Files.writeString(lab.resolve("scenario.irqdsl"), scenarioText);
		Files.writeString(other.resolve("platform.irqdsl"), platform.replace("cpus 4", "cpus 8"));
	}

	static List<String> diagnostics(Consumer<InitializeParams> roots) throws Exception {
		try (LspClientProcess lsp = LspClientProcess.start(roots)) {
			lsp.open(scenario);
			return lsp.awaitDiagnostics(scenario).getDiagnostics().stream()
					.sorted(Comparator.comparingInt((Diagnostic d) -> d.getRange().getStart().getLine())
							.thenComparingInt(d -> d.getRange().getStart().getCharacter()))
					.map(d -> d.getRange().getStart().getLine() + 1 + ":" + (d.getRange().getStart().getCharacter() + 1) + " "
							+ d.getSeverity() + " " + d.getMessage() + " [" + d.getCode().getLeft() + "]")
					.toList();
		}
	}

	static Consumer<InitializeParams> root(Path... folders) {
		return init -> {
			init.setRootUri(folders[0].toUri().toString());
			init.setWorkspaceFolders(java.util.Arrays.stream(folders).map(f -> new WorkspaceFolder(f.toUri().toString(), f.getFileName().toString())).toList());
		};
	}

	@Test
	void theFolderAParentAnotherFolderSeveralRootsAndNoRootGiveTheSameDiagnostics() throws Exception {
		List<String> child = diagnostics(root(lab));
		assertThat(child).anySatisfy(d -> assertThat(d).contains("cpu 7 is not one of platform x86_noremap's CPUs ({0, 1, 2, 3})").endsWith("[cpu-range]"));
		assertThat(child).noneSatisfy(d -> assertThat(d).contains("unresolved-reference"));
		assertThat(diagnostics(root(workspace))).as("parent root").isEqualTo(child);
		assertThat(diagnostics(root(other))).as("another folder as the root").isEqualTo(child);
		assertThat(diagnostics(root(other, workspace))).as("several roots").isEqualTo(child);
		assertThat(diagnostics(init -> {
		})).as("no root").isEqualTo(child);
	}
}
