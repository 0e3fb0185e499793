package org.irqdsl.ide.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.lsp4j.WorkspaceFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way real clients start a session works: root URI, only workspace folders, or no root at all. */
class InitializeVariantsIT {

	@TempDir
	Path workspace;

	private void assertDiagnosesAFile(LspClientProcess lsp) throws Exception {
		Path file = workspace.resolve("bad.irqdsl");
		Files.writeString(file, "platform p { cpus 2 bus pci b msi-parent nosuch { } }\n");
		lsp.open(file);
		assertThat(lsp.awaitDiagnostics(file).getDiagnostics())
				.anySatisfy(d -> assertThat(d.getMessage().getLeft()).contains("nosuch"));
	}

	@Test
	void onlyWorkspaceFolders() throws Exception {
		try (LspClientProcess lsp = LspClientProcess.start(
				init -> init.setWorkspaceFolders(List.of(new WorkspaceFolder(workspace.toUri().toString(), "ws"))))) {
			assertDiagnosesAFile(lsp);
		}
	}

	@Test
	void noRootAtAll() throws Exception {
		try (LspClientProcess lsp = LspClientProcess.start(init -> {
		})) {
			assertDiagnosesAFile(lsp);
		}
	}
}
