package org.irqdsl.ide.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.irqdsl.bench.PlatformGenerator;

/**
 * Latency of the language server as an editor sees it, on platforms of 100, 1,000 and 10,000
 * devices ({@link PlatformGenerator}, shared with the check benchmark by path, see the profile
 * {@code bench-lsp} of dsl.ide/pom.xml).
 * <p>
 * For each size, a fresh server process ({@code java -jar irqdsl.jar lsp}, the packaged jar) and an
 * lsp4j client over its stdin/stdout, as VS Code, Neovim or eglot would talk to it. The generated
 * file is written into an empty workspace folder and opened, then:
 * <ol>
 * <li><b>diagnostics after an edit</b>: incremental edits toggling {@code maskable} on an MSI device
 * in the middle of the file (which adds or removes warnings); the time from sending
 * {@code didChange} to the arrival of that version's {@code publishDiagnostics} (recognised by its
 * diagnostic count; the next edit waits for it), and the CPU time the server process spent per edit
 * (all its threads, from the operating system: steadier than wall-clock on a shared machine);</li>
 * <li><b>completion</b> after {@code supported } on a new line of the root domain's
 * {@code msi-parent-ops} (the list of MSI flags), requested on a quiet server;</li>
 * <li><b>completion while typing</b>: the same request sent right after an edit, while the server
 * rebuilds;</li>
 * <li><b>heap</b>: the server's used heap after a full GC with the document open, asked with the
 * JDK's {@code jcmd <pid> GC.run} then {@code GC.heap_info} (no agent or JMX port in the server;
 * the figure is the live set, what the open document costs plus the server's own baseline).</li>
 * </ol>
 * Latencies are wall-clock on the client, request sent to answer received (JSON-RPC included);
 * the first {@code bench.warmup} iterations are discarded. Prints a Markdown table.
 * <p>
 * Not a test: run it with {@code scripts/bench-lsp}. Arguments: device counts (default
 * 100,1000,10000). System properties: {@code bench.jar} (the server jar), {@code bench.edits}
 * (measured iterations per phase, default 40), {@code bench.warmup} (default 15),
 * {@code bench.serverArgs} (JVM options of the server, space-separated, default none).
 */
public final class LspBenchmark {

	private static final long TIMEOUT_S = 120;

	record Row(int devices, int lines, long openMs, double[] diagnostics, double cpuPerEditMs, double[] completion,
			double[] completionTyping, double heapMiB, double baselineHeapMiB, int completionItems) {
	}

	public static void main(String[] args) throws Exception {
		int[] sizes = args.length == 0 ? new int[] { 100, 1000, 10000 }
				: Arrays.stream(String.join(",", args).split("[,\\s]+")).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
		Path jar = Path.of(System.getProperty("bench.jar", "dsl.ide/target/irqdsl.jar")).toAbsolutePath();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("no server jar at " + jar + " (build it: mvn -B -o -DskipTests package)");
		}
		int edits = Integer.getInteger("bench.edits", 40);
		int warmup = Integer.getInteger("bench.warmup", 15);
		List<Row> rows = new ArrayList<>();
		for (int n : sizes) {
			System.err.printf(Locale.ROOT, "[bench-lsp] %,d devices: %d edits (+%d warm-up) per phase%n", n, edits, warmup);
			rows.add(run(jar, n, edits, warmup));
		}
		System.out.println();
		System.out.println("| devices | lines | open → diagnostics ms | diagnostics after edit p50 / p95 ms "
				+ "| server CPU ms / edit | completion p50 / p95 ms | completion while typing p50 / p95 ms | heap MiB |");
		System.out.println("|--:|--:|--:|--:|--:|--:|--:|--:|");
		for (Row r : rows) {
			System.out.printf(Locale.ROOT, "| %,d | %,d | %,d | %s | %.0f | %s | %s | %.0f |%n", r.devices, r.lines, r.openMs,
					pair(r.diagnostics), r.cpuPerEditMs, pair(r.completion), pair(r.completionTyping), r.heapMiB);
		}
		System.out.println();
		System.out.printf(Locale.ROOT, "Heap: used after a full GC with the document open; the same server with no document: %.0f MiB. "
				+ "Completion lists had %d items.%n", rows.get(0).baselineHeapMiB, rows.get(0).completionItems);
	}

	private static String pair(double[] ms) {
		return String.format(Locale.ROOT, "%.0f / %.0f", percentile(ms, 50), percentile(ms, 95));
	}

	/** Nearest-rank percentile. */
	static double percentile(double[] values, int p) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	private static Row run(Path jar, int n, int edits, int warmup) throws Exception {
		PlatformGenerator.Generated generated = PlatformGenerator.generate(n);
		Path workspace = Files.createTempDirectory("irqdsl-bench-lsp");
		Path file = workspace.resolve("bench.irqdsl");
		Files.writeString(file, generated.text());
		Path serverLog = workspace.resolve("server.log");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		String serverArgs = System.getProperty("bench.serverArgs", "").trim();
		if (!serverArgs.isEmpty()) {
			command.addAll(Arrays.asList(serverArgs.split("\\s+")));
		}
		command.addAll(List.of("-jar", jar.toString(), "lsp"));
		Process process = new ProcessBuilder(command).directory(workspace.toFile())
				.redirectError(serverLog.toFile()).start();
		try (Session s = new Session(process)) {
			s.initialize(workspace);
			double baseline = heapMiB(process.pid());
			Doc doc = new Doc(file.toUri().toString(), generated.text());
			long t0 = System.nanoTime();
			s.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
					new TextDocumentItem(doc.uri, "irqdsl", doc.version, doc.text)));
			int initialCount = s.awaitDiagnostics(doc.uri, t0, -1).getDiagnostics().size();
			long openMs = (System.nanoTime() - t0) / 1_000_000;

			// The edit: ` maskable` after `msi count 1` of the MSI device in the middle of the file, on and off.
			int mid = generated.text().indexOf("{ msi count 1 }", generated.text().length() / 2);
			if (mid < 0) {
				mid = generated.text().indexOf("{ msi count 1 }");
			}
			int at = mid + "{ msi count 1".length();
			Toggle toggle = new Toggle(at, " maskable");
			int[] counts = { initialCount, -1 };

			// 1. didChange -> fresh publishDiagnostics
			double[] diagnostics = new double[edits];
			long cpuAtWarm = 0;
			for (int i = 0; i < warmup + edits; i++) {
				if (i == warmup) {
					cpuAtWarm = cpuNanos(process);
				}
				long start = System.nanoTime();
				toggle.apply(s, doc);
				int state = toggle.on ? 1 : 0;
				PublishDiagnosticsParams fresh = s.awaitDiagnostics(doc.uri, start, counts[state]);
				counts[state] = fresh.getDiagnostics().size();
				if (i >= warmup) {
					diagnostics[i - warmup] = (s.lastArrival - start) / 1e6;
				}
			}
			double cpuPerEditMs = (cpuNanos(process) - cpuAtWarm) / 1e6 / edits;
			if (counts[0] == counts[1]) {
				System.err.println("[bench-lsp] warning: the edit does not change the diagnostic count; "
						+ "freshness is then the first publish after the edit");
			}

			// 2. completion after `supported ` on a new line of the first msi-parent-ops (the root domain's)
			String anchor = "supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX, MSI_FLAG_PCI_MSIX_ALLOC_DYN\n";
			int lineEnd = doc.text.indexOf(anchor) + anchor.length();
			String typed = "            supported ";
			long start = System.nanoTime();
			doc.replace(s, lineEnd, 0, typed + "\n");
			s.awaitDiagnostics(doc.uri, start, -1);
			toggle.shift(lineEnd, typed.length() + 1);
			counts[0] = -1;
			counts[1] = -1;
			Position cursor = doc.position(lineEnd + typed.length());
			CompletionParams completionParams = new CompletionParams(new TextDocumentIdentifier(doc.uri), cursor);
			double[] completion = new double[edits];
			int items = 0;
			for (int i = 0; i < warmup + edits; i++) {
				long t = System.nanoTime();
				List<CompletionItem> list = items(s.server.getTextDocumentService().completion(completionParams)
						.get(TIMEOUT_S, TimeUnit.SECONDS));
				double ms = (System.nanoTime() - t) / 1e6;
				if (list.stream().noneMatch(c -> c.getLabel().equals("MSI_FLAG_PCI_MSIX"))) {
					throw new IllegalStateException("no MSI_FLAG_PCI_MSIX in the completion at " + cursor + ": " + list.size() + " items");
				}
				items = list.size();
				if (i >= warmup) {
					completion[i - warmup] = ms;
				}
			}

			// 3. the same completion sent right after an edit (the server rebuilding)
			double[] typing = new double[edits];
			for (int i = 0; i < warmup + edits; i++) {
				long t = System.nanoTime();
				toggle.apply(s, doc);
				long sent = System.nanoTime();
				items(s.server.getTextDocumentService().completion(completionParams).get(TIMEOUT_S, TimeUnit.SECONDS));
				double ms = (System.nanoTime() - sent) / 1e6;
				int state = toggle.on ? 1 : 0;
				counts[state] = s.awaitDiagnostics(doc.uri, t, counts[state]).getDiagnostics().size();
				if (i >= warmup) {
					typing[i - warmup] = ms;
				}
			}

			double heap = heapMiB(process.pid());
			s.close();
			deleteWorkspace(workspace);
			return new Row(n, generated.lines(), openMs, diagnostics, cpuPerEditMs, completion, typing, heap, baseline, items);
		} catch (Exception | Error e) {
			System.err.println("[bench-lsp] failed; the server's log: " + serverLog);
			throw e;
		}
	}

	private static void deleteWorkspace(Path workspace) throws java.io.IOException {
		try (var files = Files.walk(workspace)) {
			for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}

	private static List<CompletionItem> items(Either<List<CompletionItem>, CompletionList> result) {
		return result.isLeft() ? result.getLeft() : result.getRight().getItems();
	}

	/** The CPU time the server process has used (every thread: the build, GC, the JIT). */
	private static long cpuNanos(Process process) {
		return process.info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("no CPU time for the server process"))
				.toNanos();
	}

	/** The used heap of a JVM after a full GC, through the JDK's jcmd. */
	static double heapMiB(long pid) throws Exception {
		jcmd(pid, "GC.run");
		String info = jcmd(pid, "GC.heap_info");
		Matcher m = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(info);
		if (!m.find()) {
			throw new IllegalStateException("unexpected jcmd GC.heap_info output:\n" + info);
		}
		return Long.parseLong(m.group(2)) / 1024.0;
	}

	private static String jcmd(long pid, String what) throws Exception {
		Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid), what)
				.redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes());
		if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
			throw new IllegalStateException("jcmd " + pid + " " + what + " failed:\n" + out);
		}
		return out;
	}

	/** The client's copy of the open document; sends incremental changes. */
	static final class Doc {
		final String uri;
		String text;
		int version = 1;

		Doc(String uri, String text) {
			this.uri = uri;
			this.text = text;
		}

		void replace(Session s, int offset, int length, String newText) {
			Range range = new Range(position(offset), position(offset + length));
			text = text.substring(0, offset) + newText + text.substring(offset + length);
			version++;
			TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(range, newText);
			s.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
					new VersionedTextDocumentIdentifier(uri, version), Collections.singletonList(change)));
		}

		Position position(int offset) {
			int line = 0;
			int lineStart = 0;
			for (int i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
				line++;
				lineStart = i + 1;
			}
			return new Position(line, offset - lineStart);
		}
	}

	/** Inserts a text at an offset, then removes it, and so on. */
	static final class Toggle {
		int offset;
		final String text;
		boolean on;

		Toggle(int offset, String text) {
			this.offset = offset;
			this.text = text;
		}

		void apply(Session s, Doc doc) {
			doc.replace(s, offset, on ? text.length() : 0, on ? "" : text);
			on = !on;
		}

		/** The document changed before the toggle's offset. */
		void shift(int at, int by) {
			if (at <= offset) {
				offset += by;
			}
		}
	}

	/** The lsp4j client of one server process: collects every publishDiagnostics with its arrival time. */
	static final class Session implements LanguageClient, AutoCloseable {
		record Published(long arrival, PublishDiagnosticsParams params) {
		}

		final Process process;
		final LanguageServer server;
		final BlockingQueue<Published> published = new LinkedBlockingQueue<>();
		long lastArrival;

		Session(Process process) {
			this.process = process;
			Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(this, process.getInputStream(), process.getOutputStream());
			launcher.startListening();
			this.server = launcher.getRemoteProxy();
		}

		void initialize(Path workspace) throws Exception {
			InitializeParams init = new InitializeParams();
			init.setProcessId((int) ProcessHandle.current().pid());
			init.setRootUri(workspace.toUri().toString());
			init.setWorkspaceFolders(List.of(new WorkspaceFolder(workspace.toUri().toString(), "bench")));
			init.setCapabilities(new ClientCapabilities());
			server.initialize(init).get(TIMEOUT_S, TimeUnit.SECONDS);
			server.initialized(new InitializedParams());
		}

		/**
		 * The first diagnostics of {@code uri} published after {@code since} (nanoTime) with
		 * {@code count} diagnostics (any count if negative); sets {@link #lastArrival}.
		 */
		PublishDiagnosticsParams awaitDiagnostics(String uri, long since, int count) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
			for (;;) {
				Published p = published.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				if (p == null) {
					throw new IllegalStateException("no fresh diagnostics for " + uri + " within " + TIMEOUT_S + " s");
				}
				if (p.arrival >= since && p.params.getUri().equals(uri) && (count < 0 || p.params.getDiagnostics().size() == count)) {
					lastArrival = p.arrival;
					return p.params;
				}
			}
		}

		@Override
		public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
			published.add(new Published(System.nanoTime(), diagnostics));
		}

		@Override
		public void telemetryEvent(Object object) {
		}

		@Override
		public void showMessage(MessageParams message) {
		}

		@Override
		public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public void logMessage(MessageParams message) {
		}

		private boolean closed;

		@Override
		public void close() throws Exception {
			if (closed) {
				return;
			}
			closed = true;
			try {
				server.shutdown().get(30, TimeUnit.SECONDS);
				server.exit();
				process.waitFor(10, TimeUnit.SECONDS);
			} finally {
				process.destroyForcibly();
			}
		}
	}
}
