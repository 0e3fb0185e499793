package org.irqdsl.ide.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A real LSP client talking to a real {@code irqdsl lsp} process started from the packaged jar.
 * Collects the diagnostics the server publishes per document URI.
 */
final class LspClientProcess implements AutoCloseable {

	final Process process;
	final LanguageServer server;
	final Map<String, PublishDiagnosticsParams> diagnostics = new ConcurrentHashMap<>();
	final List<String> logs = new CopyOnWriteArrayList<>();
	org.eclipse.lsp4j.ServerCapabilities capabilities;

	private LspClientProcess(Process process, LanguageServer server) {
		this.process = process;
		this.server = server;
	}

	static LspClientProcess start(Path workspace) throws Exception {
		return start(init -> {
			init.setRootUri(workspace.toUri().toString());
			init.setWorkspaceFolders(List.of(new WorkspaceFolder(workspace.toUri().toString(), "ws")));
		});
	}

	/** Starts the server and initializes it with what {@code roots} puts in the params (or leaves out). */
	static LspClientProcess start(java.util.function.Consumer<InitializeParams> roots) throws Exception {
		String jar = System.getProperty("irqdsl.jar");
		Process process = new ProcessBuilder("java", "-jar", jar, "lsp").redirectError(ProcessBuilder.Redirect.INHERIT).start();
		Client client = new Client();
		Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, process.getInputStream(), process.getOutputStream());
		launcher.startListening();
		LspClientProcess lsp = new LspClientProcess(process, launcher.getRemoteProxy());
		client.owner = lsp;
		InitializeParams init = new InitializeParams();
		init.setProcessId((int) ProcessHandle.current().pid());
		roots.accept(init);
		init.setCapabilities(new ClientCapabilities());
		lsp.capabilities = lsp.server.initialize(init).get(60, TimeUnit.SECONDS).getCapabilities();
		lsp.server.initialized(new InitializedParams());
		return lsp;
	}

	void open(Path file) throws IOException {
		String uri = uri(file);
		server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
				new TextDocumentItem(uri, "irqdsl", 1, java.nio.file.Files.readString(file))));
	}

	/** Writes {@code file} empty, opens it and waits for its first diagnostics; returns its URI. */
	String openEmpty(Path file) throws IOException, InterruptedException {
		java.nio.file.Files.writeString(file, "");
		open(file);
		awaitDiagnostics(file);
		return uri(file);
	}

	static String uri(Path file) {
		return file.toUri().toString();
	}

	/** Waits until the server has published diagnostics for the document. */
	PublishDiagnosticsParams awaitDiagnostics(Path file) throws InterruptedException {
		String uri = uri(file);
		for (int i = 0; i < 600 && !diagnostics.containsKey(uri); i++) {
			Thread.sleep(50);
		}
		PublishDiagnosticsParams result = diagnostics.get(uri);
		if (result == null) {
			throw new AssertionError("no diagnostics for " + uri + " within 30 s; published: " + diagnostics.keySet());
		}
		return result;
	}

	@Override
	public void close() throws Exception {
		try {
			server.shutdown().get(10, TimeUnit.SECONDS);
			server.exit();
			process.waitFor(10, TimeUnit.SECONDS);
		} finally {
			process.destroyForcibly();
		}
	}

	private static final class Client implements LanguageClient {
		LspClientProcess owner;

		@Override
		public void telemetryEvent(Object object) {
		}

		@Override
		public void publishDiagnostics(PublishDiagnosticsParams params) {
			owner.diagnostics.put(params.getUri(), params);
		}

		@Override
		public void showMessage(MessageParams message) {
			owner.logs.add(message.getMessage());
		}

		@Override
		public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public void logMessage(MessageParams message) {
			owner.logs.add(message.getMessage());
		}
	}
}
