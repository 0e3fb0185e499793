package org.irqdsl.ide.server;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import java.util.function.Supplier;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

/**
 * Xtext's language server, made robust for every client:
 * <ul>
 * <li>initialize: Xtext needs a root URI, but clients may send only workspace folders (without
 * announcing the capability) or no root at all (an editor opened on a single file). Then the first
 * folder, or the server's working directory, becomes the root.</li>
 * <li>positions outside the document (a client racing its own edits, or simply wrong), and
 * documents that are neither open nor on disk, get an empty answer instead of an internal error.</li>
 * </ul>
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

	/**
	 * Runs a request; a position outside the document, or a document that is neither open nor on
	 * disk, yields the empty answer.
	 */
	private <T> T inRange(org.eclipse.lsp4j.TextDocumentIdentifier document, Supplier<T> request, Supplier<T> empty) {
		if (!isKnown(getURI(document))) {
			return empty.get();
		}
		try {
			return request.get();
		} catch (IndexOutOfBoundsException e) {
			return empty.get();
		}
	}

	/** An open document, or a file the workspace can read. */
	private boolean isKnown(org.eclipse.emf.common.util.URI uri) {
		if (uri == null) {
			return false;
		}
		if (getWorkspaceManager().isDocumentOpen(uri)) {
			return true;
		}
		return uri.isFile() && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(uri.toFileString()));
	}

	@Override
	protected Hover hover(HoverParams params, CancelIndicator cancel) {
		return inRange(params.getTextDocument(), () -> super.hover(params, cancel), () -> new Hover(List.of()));
	}

	@Override
	protected Either<List<CompletionItem>, CompletionList> completion(CancelIndicator cancel, CompletionParams params) {
		return inRange(params.getTextDocument(), () -> super.completion(cancel, params), () -> Either.forRight(new CompletionList()));
	}

	@Override
	protected Either<List<? extends Location>, List<? extends LocationLink>> definition(DefinitionParams params, CancelIndicator cancel) {
		return inRange(params.getTextDocument(), () -> super.definition(params, cancel), () -> Either.forLeft(List.of()));
	}

	@Override
	protected List<? extends Location> references(ReferenceParams params, CancelIndicator cancel) {
		return inRange(params.getTextDocument(), () -> super.references(params, cancel), List::of);
	}

	@Override
	protected List<? extends DocumentHighlight> documentHighlight(DocumentHighlightParams params, CancelIndicator cancel) {
		return inRange(params.getTextDocument(), () -> super.documentHighlight(params, cancel), List::of);
	}

	@Override
	protected SignatureHelp signatureHelp(SignatureHelpParams params, CancelIndicator cancel) {
		return inRange(params.getTextDocument(), () -> super.signatureHelp(params, cancel), SignatureHelp::new);
	}

	@Override
	protected List<Either<Command, CodeAction>> codeAction(CodeActionParams params, CancelIndicator cancel) {
		return inRange(params.getTextDocument(), () -> super.codeAction(params, cancel), List::of);
	}

	@Override
	protected List<? extends TextEdit> rangeFormatting(DocumentRangeFormattingParams params, CancelIndicator cancel) {
		return inRange(params.getTextDocument(), () -> super.rangeFormatting(params, cancel), List::of);
	}

	@Override
	protected WorkspaceEdit rename(RenameParams params, CancelIndicator cancel) {
		return inRange(params.getTextDocument(), () -> super.rename(params, cancel), WorkspaceEdit::new);
	}

	@Override
	protected Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior> prepareRename(PrepareRenameParams params,
			CancelIndicator cancel) {
		return inRange(params.getTextDocument(), () -> super.prepareRename(params, cancel), () -> null);
	}

	/** Diagnostics carry the check id (the one `irqdsl check` prints) as their code. */
	@Override
	protected org.eclipse.lsp4j.Diagnostic toDiagnostic(org.eclipse.xtext.validation.Issue issue) {
		org.eclipse.lsp4j.Diagnostic diagnostic = super.toDiagnostic(issue);
		diagnostic.setCode(org.irqdsl.validation.IrqDslChecks.idOf(issue));
		diagnostic.setSource("irqdsl");
		return diagnostic;
	}
}
