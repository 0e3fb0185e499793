package org.irqdsl.ide.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.irqdsl.IrqDslInjector;
import org.irqdsl.validation.policy.SeverityPolicy;
import org.irqdsl.workspace.SourceFiles;
import org.irqdsl.workspace.WorkspaceChecker;
import org.eclipse.xtext.validation.CheckMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario in one file simulates a platform declared in another file of its folder: an edit of
 * the platform that changes no name (here its affinity update, two-step to direct) changes the
 * scenario's verdict, and the server republishes the scenario file's diagnostics with it, as
 * {@code irqdsl check --simulate} of the folder reports them.
 */
class DependentFilesIT {

	/** The normative x86_noremap example, its platform and its scenario each in a file of its own. */
	private static final String NORMATIVE = "normative/x86_noremap.irqdsl";

	@TempDir
	Path workspace;

	@Test
	void editingAPlatformRejudgesTheScenariosOfItsFolder() throws Exception {
		String example = Files.readString(Path.of(System.getProperty("irqdsl.examples"), NORMATIVE));
		int split = example.indexOf("scenario torn_update");
		assertThat(split).as("the scenario of %s", NORMATIVE).isPositive();
		String platformText = example.substring(0, split);
		Path platform = Files.writeString(workspace.resolve("platform.irqdsl"), platformText);
		Path scenario = Files.writeString(workspace.resolve("scenario.irqdsl"), example.substring(split));
		WorkspaceChecker checker = IrqDslInjector.get().getInstance(WorkspaceChecker.class);
		try (LspClientProcess lsp = LspClientProcess.start(workspace)) {
			lsp.open(platform);
			lsp.open(scenario);
			lsp.awaitDiagnostics(platform);
			List<String> before = lsp.awaitDiagnostics(scenario).getDiagnostics().stream().map(CrossHostDiagnosticsIT::server).sorted().toList();
			assertThat(before).as("two-step: the scenario's verdict").isEqualTo(findings(checker, scenario));

			String edited = platformText.replace("affinity-update two-step", "affinity-update direct");
			Files.writeString(platform, edited); // what check reads; the editor's text is the same
			int at = platformText.indexOf("two-step");
			lsp.diagnostics.remove(LspClientProcess.uri(scenario));
			var documents = lsp.server.getTextDocumentService();
			documents.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(LspClientProcess.uri(platform), 2),
					List.of(new TextDocumentContentChangeEvent(new Range(ContentChanges.position(platformText, at),
							ContentChanges.position(platformText, at + "two-step".length())), "direct"))));
			documents.hover(new HoverParams(new TextDocumentIdentifier(LspClientProcess.uri(scenario)), new Position(0, 0)))
					.get(60, TimeUnit.SECONDS);

			List<String> cli = findings(checker, scenario);
			assertThat(cli).as("check: the direct update loses the interrupt").isNotEqualTo(before)
					.anyMatch(f -> f.contains("error [scenario-expectation]"));
			List<String> server = CrossHostDiagnosticsIT.published(lsp, LspClientProcess.uri(scenario)).stream()
					.map(CrossHostDiagnosticsIT::server).sorted().toList();
			assertThat(server).isEqualTo(cli);
		}
	}

	/** What `irqdsl check --simulate` reports for {@code file}, read from disk with its folder. */
	private static List<String> findings(WorkspaceChecker checker, Path file) {
		return checker.check(List.of(file), new SourceFiles(1 << 20), SeverityPolicy.NONE, CheckMode.ALL).findings().stream()
				.filter(f -> f.file().equals(file.toString())).map(CrossHostDiagnosticsIT::cli).sorted().toList();
	}
}
