package org.irqdsl.ide.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.irqdsl.IrqDslInjector;
import org.irqdsl.diagnostics.Finding;
import org.irqdsl.validation.policy.SeverityPolicy;
import org.irqdsl.workspace.SourceFiles;
import org.irqdsl.workspace.WorkspaceChecker;
import org.eclipse.xtext.validation.CheckMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One file, the same findings in every host: seeded mutants of the examples and of the test
 * files (a token or line deleted, inserted, duplicated, replaced by a keyword, the text truncated,
 * a lone CR, a NUL, an unbalanced brace) are checked by {@code irqdsl check}'s WorkspaceChecker
 * and by a real language-server process, and each file's findings must be equal: line, column,
 * severity, message and id, the scenarios' simulated verdicts included ({@code irqdsl check
 * --simulate}, CheckMode.ALL, as the server validates). The server's positions are 0-based lines and UTF-16 columns; the
 * command line's are 1-based lines and 1-based UTF-16 columns (Xtext's), so a finding is compared
 * at (line + 1, character + 1).
 */
class CrossHostDiagnosticsIT {

	private static final long SEED = 20261203L;
	private static final int WITH_SYNTAX_ERRORS = 500;
	private static final int MAX_FILES = 640;

	private static final String[] TOKENS = { "platform", "scenario", "domain", "bus", "device", "msi", "msi-x", "count",
			"maskable", "cpus", "vectors", "expect", "no", "on", "at", "parent", "msi-parent", "concurrently", "cpu", "raise",
			"{", "}", "[", "]", ".", "..", ",", ":", "0x20", "42", "\"00:02.0\"", "\"", "//", "/*", "nosuch", "MSI_FLAG_PCI_MSIX",
			"\u00e9", "\r", "\0" };

	@TempDir
	Path workspace;

	@TempDir
	Path cliFolder;

	@Test
	void theCommandLineAndTheLanguageServerReportTheSameFindings() throws Exception {
		List<String> seeds = seeds();
		Random random = new Random(SEED);
		Path file = workspace.resolve("mutant.irqdsl");
		Path cliFile = cliFolder.resolve("mutant.irqdsl");
		WorkspaceChecker checker = IrqDslInjector.get().getInstance(WorkspaceChecker.class);
		List<String> mismatches = new ArrayList<>();
		int withSyntaxErrors = 0;
		int files = 0;
		try (LspClientProcess lsp = LspClientProcess.start(workspace)) {
			String uri = lsp.openEmpty(file);
			var documents = lsp.server.getTextDocumentService();
			for (int version = 2; withSyntaxErrors < WITH_SYNTAX_ERRORS && files < MAX_FILES; version++) {
				String text = mutate(seeds.get(random.nextInt(seeds.size())), random);
				files++;

				List<String> cli = cliFindings(checker, cliFile, text);

				lsp.diagnostics.remove(uri);
				documents.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
						List.of(new TextDocumentContentChangeEvent(text))));
				// a read request is answered after the write (the change and its build) it follows
				documents.hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(0, 0))).get(60, TimeUnit.SECONDS);
				// the editors' set, simulated verdicts included: what `irqdsl check --simulate` prints
				List<String> server = published(lsp, uri).stream().map(CrossHostDiagnosticsIT::server).sorted().toList();

				if (cli.stream().anyMatch(f -> f.contains("[syntax]") || f.contains("[unreadable]"))) {
					withSyntaxErrors++;
				}
				if (!cli.equals(server)) {
					mismatches.add("mutant " + files + " " + escape(text) + "\n  check: " + cli + "\n  lsp:   " + server);
				}
			}
		}
		assertThat(mismatches.size()).as("%d of %d files differ; the first:%n%s", mismatches.size(), files,
				String.join("\n", mismatches.subList(0, Math.min(10, mismatches.size())))).isZero();
		assertThat(withSyntaxErrors).as("mutants with syntax errors among %d", files).isGreaterThanOrEqualTo(WITH_SYNTAX_ERRORS);
	}

	/** The diagnostics the server published after the last change. */
	static List<Diagnostic> published(LspClientProcess lsp, String uri) throws InterruptedException {
		for (int i = 0; i < 400; i++) {
			PublishDiagnosticsParams p = lsp.diagnostics.get(uri);
			if (p != null) {
				return p.getDiagnostics();
			}
			Thread.sleep(25);
		}
		throw new AssertionError("no diagnostics published within 10 s after a change of " + uri);
	}

	/** What `irqdsl check --simulate` finds in {@code text}, written to {@code cliFile}, one line a finding, sorted. */
	static List<String> cliFindings(WorkspaceChecker checker, Path cliFile, String text) throws IOException {
		Files.write(cliFile, text.getBytes(StandardCharsets.UTF_8));
		return checker.check(List.of(cliFile), new SourceFiles(1 << 24), SeverityPolicy.NONE, CheckMode.ALL).findings().stream()
				.map(CrossHostDiagnosticsIT::cli).sorted().toList();
	}

	static String cli(Finding f) {
		return f.line() + ":" + f.column() + " " + f.severity() + " [" + f.id() + "] " + f.message();
	}

	static String server(Diagnostic d) {
		String severity = switch (d.getSeverity()) {
		case Error -> "error";
		case Warning -> "warning";
		case Information -> "info";
		case Hint -> "hint";
		};
		String code = d.getCode() == null ? "(none)" : d.getCode().isLeft() ? d.getCode().getLeft() : String.valueOf(d.getCode().getRight());
		return (d.getRange().getStart().getLine() + 1) + ":" + (d.getRange().getStart().getCharacter() + 1) + " " + severity + " [" + code
				+ "] " + (d.getMessage().isLeft() ? d.getMessage().getLeft() : d.getMessage().getRight().getValue());
	}

	private static List<String> seeds() throws IOException {
		List<String> texts = new ArrayList<>();
		for (Path root : List.of(Path.of(System.getProperty("irqdsl.examples")), Path.of("../dsl/src/test"))) {
			try (Stream<Path> walk = Files.walk(root)) {
				for (Path p : walk.filter(p -> p.toString().endsWith(".irqdsl")).sorted().toList()) {
					texts.add(Files.readString(p));
				}
			}
		}
		assertThat(texts).hasSizeGreaterThan(10);
		return texts;
	}

	/** Two to four random mutations. */
	static String mutate(String text, Random random) {
		StringBuilder b = new StringBuilder(text);
		int count = 2 + random.nextInt(3);
		for (int i = 0; i < count; i++) {
			mutateOnce(b, random);
		}
		return b.toString();
	}

	private static void mutateOnce(StringBuilder b, Random random) {
		int at = b.length() == 0 ? 0 : random.nextInt(b.length() + 1);
		switch (random.nextInt(10)) {
		case 0 -> { // delete a token
			int[] t = token(b, at);
			b.delete(t[0], t[1]);
		}
		case 1 -> b.insert(at, " " + TOKENS[random.nextInt(TOKENS.length)] + " "); // insert a token or junk
		case 2 -> { // duplicate a token
			int[] t = token(b, at);
			b.insert(t[1], " " + b.substring(t[0], t[1]));
		}
		case 3 -> { // delete a line
			int[] l = line(b, at);
			b.delete(l[0], Math.min(b.length(), l[1] + 1));
		}
		case 4 -> { // duplicate a line
			int[] l = line(b, at);
			b.insert(l[0], b.substring(l[0], Math.min(b.length(), l[1] + 1)));
		}
		case 5 -> b.setLength(at); // truncate
		case 6 -> b.insert(at, '\r'); // a lone CR
		case 7 -> b.insert(at, '\0'); // a NUL
		case 8 -> b.insert(at, random.nextBoolean() ? "{" : "}"); // unbalanced braces
		default -> { // replace a token by a keyword
			int[] t = token(b, at);
			b.replace(t[0], t[1], TOKENS[random.nextInt(20)]);
		}
		}
	}

	/** The token (a run of non-blank characters) at or after {@code at}. */
	private static int[] token(StringBuilder b, int at) {
		int start = at;
		while (start < b.length() && Character.isWhitespace(b.charAt(start))) {
			start++;
		}
		int end = start;
		while (end < b.length() && !Character.isWhitespace(b.charAt(end))) {
			end++;
		}
		return new int[] { start, end };
	}

	/** The line [start, end) around {@code at}, end at its line feed (or the end of the text). */
	private static int[] line(StringBuilder b, int at) {
		int start = at;
		while (start > 0 && b.charAt(start - 1) != '\n') {
			start--;
		}
		int end = at;
		while (end < b.length() && b.charAt(end) != '\n') {
			end++;
		}
		return new int[] { start, end };
	}

	private static String escape(String text) {
		String shown = text.length() > 300 ? text.substring(0, 300) + "..." : text;
		return shown.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
	}
}
