package org.irqdsl.ide.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.irqdsl.IrqDslInjector;
import org.irqdsl.workspace.WorkspaceChecker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language server's partial re-parse seen from an editor: chains of ranged edits (one or two
 * per notification, as editors send them) of every example, and after each, the diagnostics the
 * real server publishes are the findings {@code irqdsl check --simulate} prints for the text the
 * editor holds. A text left with a syntax error is then replaced whole by its example (a revert).
 */
class IncrementalEditsIT {

	private static final long SEED = 20261204L;
	private static final int EDITS_PER_EXAMPLE = 25;

	@TempDir
	Path workspace;

	@TempDir
	Path cliFolder;

	@Test
	void afterEveryRangedEditTheServerReportsWhatTheCommandLineReports() throws Exception {
		Random random = new Random(SEED);
		Path file = workspace.resolve("edited.irqdsl");
		Path cliFile = cliFolder.resolve("edited.irqdsl");
		WorkspaceChecker checker = IrqDslInjector.get().getInstance(WorkspaceChecker.class);
		List<String> mismatches = new ArrayList<>();
		int edits = 0;
		try (LspClientProcess lsp = LspClientProcess.start(workspace)) {
			String uri = lsp.openEmpty(file);
			var documents = lsp.server.getTextDocumentService();
			int version = 1;
			for (String seed : IncrementalReparseBuilderTest.examples()) {
				String text = seed;
				documents.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, ++version),
						List.of(new TextDocumentContentChangeEvent(text))));
				for (int i = 0; i < EDITS_PER_EXAMPLE; i++) {
					List<TextDocumentContentChangeEvent> changes = new ArrayList<>();
					for (int n = random.nextInt(4) == 0 ? 2 : 1; n > 0; n--) { // each applies to the text the previous left
						PendingEdits.Edit edit = RandomEdits.next(text, random);
						changes.add(new TextDocumentContentChangeEvent(new Range(ContentChanges.position(text, edit.offset()),
								ContentChanges.position(text, edit.offset() + edit.length())), edit.text()));
						text = RandomEdits.apply(text, edit);
					}
					edits++;
					List<String> cli = CrossHostDiagnosticsIT.cliFindings(checker, cliFile, text);

					lsp.diagnostics.remove(uri);
					documents.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, ++version), changes));
					documents.hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(0, 0))).get(60, TimeUnit.SECONDS);
					List<String> server = CrossHostDiagnosticsIT.published(lsp, uri).stream().map(CrossHostDiagnosticsIT::server).sorted()
							.toList();
					if (!cli.equals(server)) {
						mismatches.add("edit " + edits + " " + changes + "\n  check: " + cli + "\n  lsp:   " + server);
					}
					if (cli.stream().anyMatch(f -> f.contains("[syntax]"))) { // revert, whole
						text = seed;
						documents.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, ++version),
								List.of(new TextDocumentContentChangeEvent(text))));
					}
				}
			}
		}
		assertThat(mismatches.size()).as("%d of %d edits differ; the first:%n%s", mismatches.size(), edits,
				String.join("\n", mismatches.subList(0, Math.min(5, mismatches.size())))).isZero();
	}
}
