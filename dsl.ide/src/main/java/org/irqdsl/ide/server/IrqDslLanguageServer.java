package org.irqdsl.ide.server;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import java.util.function.Supplier;

import com.google.inject.Inject;
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
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentOnTypeFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.ide.server.BuildManager.Buildable;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.resource.IResourceServiceProvider;

/**
 * Xtext's language server, made robust for every client:
 * <ul>
 * <li>initialize: Xtext needs a root URI, but clients may send only workspace folders (without
 * announcing the capability) or no root at all (an editor opened on a single file). Then the first
 * folder, or the server's working directory, becomes the root.</li>
 * <li>positions outside the document (a client racing its own edits, or simply wrong), and
 * documents that are neither open nor on disk, get an empty answer instead of an internal error.</li>
 * <li>edits past the end of a line or of the document are clamped to it, as LSP says
 * ({@link ContentChanges}), instead of being dropped.</li>
 * <li>requests it cannot answer get a JSON-RPC error that says why: an unknown method
 * (MethodNotFound), an unknown command, a rename where there is no name or to a name the grammar
 * does not accept (InvalidParams).</li>
 * </ul>
 */
public class IrqDslLanguageServer extends LanguageServerImpl {

	@Inject
	private PendingEdits pendingEdits;

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
	protected List<DocumentSymbol> documentSymbol(DocumentSymbolParams params, CancelIndicator cancel) {
		return inRange(params.getTextDocument(), () -> super.documentSymbol(params, cancel), List::of);
	}

	@Override
	protected List<FoldingRange> foldingRange(FoldingRangeRequestParams params, CancelIndicator cancel) {
		return inRange(params.getTextDocument(), () -> super.foldingRange(params, cancel), List::of);
	}

	@Override
	protected List<? extends TextEdit> formatting(DocumentFormattingParams params, CancelIndicator cancel) {
		return inRange(params.getTextDocument(), () -> super.formatting(params, cancel), List::of);
	}

	@Override
	protected SemanticTokens semanticTokensFull(SemanticTokensParams params, CancelIndicator cancel) {
		return inRange(params.getTextDocument(), () -> super.semanticTokensFull(params, cancel), () -> new SemanticTokens(List.of()));
	}

	/**
	 * A new name the grammar would not parse is refused before anything is read; a position without a
	 * renameable name answers an error (LSP: rename returns an error where prepareRename returns null).
	 */
	@Override
	public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
		java.util.Optional<String> badName = newNameRule(getURI(params.getTextDocument())).flatMap(rule -> rule.problem(params.getNewName()));
		if (badName.isPresent()) {
			return ResponseErrors.failed(ResponseErrorCode.InvalidParams, badName.get());
		}
		return super.rename(params).thenApply(edit -> {
			if (edit == null) {
				throw ResponseErrors.exception(ResponseErrorCode.InvalidParams, "no symbol to rename at line "
						+ (params.getPosition().getLine() + 1) + ", column " + (params.getPosition().getCharacter() + 1));
			}
			return edit;
		});
	}

	/** Null where prepareRename finds nothing to rename (a keyword, a number, blank space). */
	@Override
	protected WorkspaceEdit rename(RenameParams params, CancelIndicator cancel) {
		return inRange(params.getTextDocument(), () -> {
			if (prepareRename(new PrepareRenameParams(params.getTextDocument(), params.getPosition()), cancel) == null) {
				return null;
			}
			return super.rename(params, cancel);
		}, () -> null);
	}

	private java.util.Optional<NewNameRule> newNameRule(org.eclipse.emf.common.util.URI uri) {
		IResourceServiceProvider language = uri == null ? null : getResourceServiceProvider(uri);
		IGrammarAccess grammar = language == null ? null : language.get(IGrammarAccess.class);
		return grammar == null ? java.util.Optional.empty() : java.util.Optional.of(new NewNameRule(grammar.getGrammar()));
	}

	/** Only the commands the server announced at initialize (Xtext's registry throws on any other). */
	@Override
	public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
		List<String> known = announcedCommands();
		if (!known.contains(params.getCommand())) {
			return ResponseErrors.failed(ResponseErrorCode.InvalidParams, "unknown command '" + params.getCommand()
					+ "'; the commands of this server: " + ResponseErrors.quoted(known));
		}
		return super.executeCommand(params);
	}

	private List<String> announcedCommands() {
		InitializeResult result = getLanguageServerAccess().getInitializeResult();
		ExecuteCommandOptions commands = result == null ? null : result.getCapabilities().getExecuteCommandProvider();
		return commands == null || commands.getCommands() == null ? List.of() : commands.getCommands();
	}

	/** A request for a method nobody handles (Xtext throws UnsupportedOperationException). */
	@Override
	public CompletableFuture<?> request(String method, Object parameter) {
		if (!getExtensionProviders().containsKey(method)) {
			return ResponseErrors.failed(ResponseErrorCode.MethodNotFound, "unknown method '" + method + "'");
		}
		return super.request(method, parameter);
	}

	/** Not announced; Xtext leaves it an auto-generated stub that throws. */
	@Override
	public CompletableFuture<List<? extends TextEdit>> onTypeFormatting(DocumentOnTypeFormattingParams params) {
		return ResponseErrors.failed(ResponseErrorCode.MethodNotFound, "textDocument/onTypeFormatting is not supported");
	}

	/**
	 * Clamps the edits to the text they apply to, and records them for the build's partial re-parse
	 * ({@link IncrementalReparseBuilder}); runs in the write request, after earlier edits.
	 */
	@Override
	protected Buildable toBuildable(DidChangeTextDocumentParams params) {
		org.eclipse.emf.common.util.URI uri = getURI(params.getTextDocument());
		if (uri == null || params.getContentChanges() == null || !getWorkspaceManager().isDocumentOpen(uri)) {
			return super.toBuildable(params);
		}
		String before = getWorkspaceManager().doRead(uri, (document, resource) -> document.getContents());
		ContentChanges.Clamped clamped = ContentChanges.clamped(before, params.getContentChanges());
		params.setContentChanges(clamped.changes());
		Buildable build = super.toBuildable(params);
		// the document's own text, as Xtext applied the changes: what the re-parse must come to
		String after = getWorkspaceManager().doRead(uri, (document, resource) -> document.getContents());
		pendingEdits.changed(uri, clamped.edits(), after);
		return build;
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
