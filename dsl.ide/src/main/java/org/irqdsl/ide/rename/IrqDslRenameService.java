package org.irqdsl.ide.rename;

import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.xtext.ide.server.rename.RenameService2;

/**
 * Xtext's rename service, whose prepareRename answers whatever the client announced. Xtext's
 * answers null unless the client supports prepareRename, so the server could not use it to tell a
 * position with a name from one without (where rename must answer an error, not edits or an
 * internal error).
 */
public class IrqDslRenameService extends RenameService2 {

	@Override
	public Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior> prepareRename(PrepareRenameOptions options) {
		String uri = options.getParams().getTextDocument().getUri();
		return options.getLanguageServerAccess().doSyncRead(uri,
				context -> doPrepareRename(context.getResource(), context.getDocument(), options.getParams(), options.getCancelIndicator()));
	}
}
