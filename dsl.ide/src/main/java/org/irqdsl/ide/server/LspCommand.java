package org.irqdsl.ide.server;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.ide.server.WorkspaceManager;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;

import picocli.CommandLine.Command;

/** {@code irqdsl lsp}: the language server, speaking LSP over standard input and output. */
@Command(name = "lsp", mixinStandardHelpOptions = true,
		description = "Run the .irqdsl language server on stdin/stdout (for VS Code, Neovim, Emacs eglot...).")
public class LspCommand implements Callable<Integer> {

	@Override
	public Integer call() throws InterruptedException {
		InputStream in = System.in;
		PrintStream out = System.out;
		// Nothing but LSP messages may reach stdout: anything else printed goes to stderr.
		System.setOut(System.err);
		// projects are folders, whatever roots the client sends (FolderWorkspaceManager)
		Injector injector = Guice.createInjector(Modules.override(new ServerModule())
				.with(binder -> {
					binder.bind(WorkspaceManager.class).to(FolderWorkspaceManager.class).in(com.google.inject.Singleton.class);
					// an edited document is re-parsed where it was edited (docs/performance.md, "Language server")
					binder.bind(org.eclipse.xtext.build.IncrementalBuilder.InternalStatefulIncrementalBuilder.class)
							.to(IncrementalReparseBuilder.class);
					// and its index entry made from the previous one where it can be (DescriptionSnapshots)
					binder.bind(org.eclipse.xtext.build.Indexer.class).to(IncrementalIndexer.class);
				}));
		LanguageServerImpl server = injector.getInstance(IrqDslLanguageServer.class);
		// A bad frame is skipped and a failed request answers one line: the server keeps serving.
		Launcher<LanguageClient> launcher = new RecoveringLauncherBuilder<LanguageClient>(System.err)
				.setLocalService(server)
				.setRemoteInterface(LanguageClient.class)
				.setInput(in)
				.setOutput(out)
				.setExceptionHandler(new ResponseErrors(System.err)::toResponseError)
				.create();
		server.connect(launcher.getRemoteProxy());
		try {
			launcher.startListening().get();
		} catch (ExecutionException e) {
			System.err.println("irqdsl lsp: connection closed: " + e.getCause());
			return 1;
		}
		return 0;
	}
}
