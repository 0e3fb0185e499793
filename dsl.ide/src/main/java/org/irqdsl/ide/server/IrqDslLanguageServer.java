package org.irqdsl.ide.server;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

/**
 * Xtext's language server, made to accept every client's initialize: Xtext needs a root URI, but
 * clients may send only workspace folders (without announcing the capability) or no root at all
 * (an editor opened on a single file). Then the first folder, or the server's working directory,
 * becomes the root.
 */
public class IrqDslLanguageServer extends LanguageServerImpl {

	@Override
	public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
		if (params.getRootUri() == null && params.getRootPath() == null) {
			if (params.getWorkspaceFolders() != null && !params.getWorkspaceFolders().isEmpty()) {
				params.setRootUri(params.getWorkspaceFolders().get(0).getUri());
				if (params.getWorkspaceFolders().size() == 1) {
					params.setWorkspaceFolders(List.of());
				}
			} else {
				params.setRootUri(Path.of("").toAbsolutePath().toUri().toString());
			}
		}
		return super.initialize(params);
	}
}
