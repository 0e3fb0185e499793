package org.irqdsl.ide.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.irqdsl.IrqDslStandaloneSetup;
import org.irqdsl.diagnostics.Finding;
import org.irqdsl.validation.policy.SeverityPolicy;
import org.irqdsl.workspace.SourceFiles;
import org.irqdsl.workspace.WorkspaceChecker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 seeded random edits through LSP (inserts of tokens of the language and of junk, deletions,
 * replacements), with requests at random and out-of-range positions and for unknown files in
 * between: the server stays alive, never answers with an internal error, and its final diagnostics
 * equal those of a fresh `irqdsl check` of the final text.
 */
class RandomEditsStressIT {

	private static final String[] TOKENS = { "platform", "domain", "bus", "device", "msi", "msi-x", "count", "maskable",
			"{", "}", "[", "]", ".", "..", ",", ":", "vector", "MSI_FLAG_PCI_MSIX", "DOMAIN_BUS_ANY", "0x20", "42", "\"00:02.0\"",
			"\n", " ", "//", "/*", "*/", "\"", "scenario", "expect", "no", "lost-interrupt", "parent", "msi-parent", "\u00e9", "\t" };

	@TempDir
	Path workspace;

	@Test
	void survivesTenThousandRandomEdits() throws Exception {
		Path file = workspace.resolve("stress.irqdsl");
		Files.copy(Path.of(System.getProperty("irqdsl.examples"), "normative", "x86_noremap.irqdsl"), file);
		StringBuilder text = new StringBuilder(Files.readString(file));
		Random random = new Random(20261121L);
		String uri = LspClientProcess.uri(file);
		try (LspClientProcess lsp = LspClientProcess.start(workspace)) {
			lsp.open(file);
			var documents = lsp.server.getTextDocumentService();
			for (int version = 2; version <= 10_001; version++) {
				int start = random.nextInt(text.length() + 1);
				int end = Math.min(text.length(), start + (random.nextInt(4) == 0 ? random.nextInt(12) : 0));
				String insert = random.nextInt(3) == 0 ? "" : TOKENS[random.nextInt(TOKENS.length)];
				Range range = new Range(position(text, start), position(text, end));
				text.replace(start, end, insert);
				documents.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
						List.of(new TextDocumentContentChangeEvent(range, insert))));
				if (version % 500 == 0) {
					// requests at a random, an out-of-range and a negative position, and for a file nobody opened
					Position inside = position(text, random.nextInt(text.length() + 1));
					assertNoInternalError(() -> documents.hover(new HoverParams(new TextDocumentIdentifier(uri), inside)).get(30, TimeUnit.SECONDS));
					assertNoInternalError(() -> documents.completion(new CompletionParams(new TextDocumentIdentifier(uri), inside)).get(30, TimeUnit.SECONDS));
					assertNoInternalError(() -> documents.hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(99_999, 7))).get(30, TimeUnit.SECONDS));
					assertNoInternalError(() -> documents.completion(new CompletionParams(new TextDocumentIdentifier(uri), new Position(-1, -1))).get(30, TimeUnit.SECONDS));
					assertNoInternalError(() -> documents.hover(new HoverParams(new TextDocumentIdentifier(uri + ".unknown.irqdsl"), inside)).get(30, TimeUnit.SECONDS));
				}
			}
			assertThat(lsp.process.isAlive()).isTrue();
			// the server has seen every edit once a request on the final text has been answered
			documents.hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(0, 0))).get(60, TimeUnit.SECONDS);
			List<String> fromServer = awaitStableDiagnostics(lsp, uri);
			Files.writeString(file, text.toString());
			assertThat(fromServer).containsExactlyInAnyOrderElementsOf(freshCheck(file));
		}
	}

	private interface Request {
		Object run() throws Exception;
	}

	private static void assertNoInternalError(Request request) throws Exception {
		try {
			request.run();
		} catch (ExecutionException e) {
			if (e.getCause() instanceof ResponseErrorException r) {
				assertThat(r.getResponseError().getCode()).as(r.getMessage()).isNotEqualTo(ResponseErrorCode.InternalError.getValue());
			} else {
				throw e;
			}
		}
	}

	/** The server's diagnostics once they stop changing, as "line:col severity [id]". */
	private static List<String> awaitStableDiagnostics(LspClientProcess lsp, String uri) throws InterruptedException {
		PublishDiagnosticsParams last = null;
		for (int quiet = 0; quiet < 20;) {
			Thread.sleep(100);
			PublishDiagnosticsParams now = lsp.diagnostics.get(uri);
			quiet = now == last ? quiet + 1 : 0;
			last = now;
		}
		List<String> result = new ArrayList<>();
		for (var d : last.getDiagnostics()) {
			String severity = switch (d.getSeverity()) {
			case Error -> "error";
			case Warning -> "warning";
			default -> "info";
			};
			result.add((d.getRange().getStart().getLine() + 1) + ":" + (d.getRange().getStart().getCharacter() + 1) + " " + severity
					+ " [" + d.getCode().getLeft() + "]");
		}
		return result;
	}

	private static List<String> freshCheck(Path file) throws Exception {
		WorkspaceChecker checker = new IrqDslStandaloneSetup().createInjectorAndDoEMFRegistration().getInstance(WorkspaceChecker.class);
		return checker.check(List.of(file), new SourceFiles(1 << 24), SeverityPolicy.NONE).findings().stream()
				.map((Finding f) -> f.line() + ":" + f.column() + " " + f.severity() + " [" + f.id() + "]").toList();
	}

	private static Position position(CharSequence text, int offset) {
		int line = 0;
		int lineStart = 0;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		return new Position(line, offset - lineStart);
	}
}
