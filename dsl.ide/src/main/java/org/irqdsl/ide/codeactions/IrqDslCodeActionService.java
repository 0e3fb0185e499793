package org.irqdsl.ide.codeactions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.irqdsl.validation.FixableCheck;
import org.irqdsl.validation.IrqDslChecks;
import org.irqdsl.validation.QuickFix;

/**
 * Code actions: for each diagnostic in the request whose check has a fix ({@link FixableCheck}),
 * the check's own quick fixes as LSP quick-fix actions. Two checks may offer the same fix for one
 * construct (an unmaskable MSI: a warning and an info both fixed by `maskable`): it is offered once,
 * for both diagnostics.
 */
public class IrqDslCodeActionService implements ICodeActionService2 {

	@Override
	public List<Either<Command, CodeAction>> getCodeActions(Options options) {
		if (options.getResource() != null) {
			return codeActions(options, options.getResource(), options.getDocument());
		}
		// LanguageServerImpl passes neither resource nor document: read them under the server's read lock
		return options.getLanguageServerAccess().doSyncRead(options.getURI(),
				context -> codeActions(options, context.getResource(), context.getDocument()));
	}

	private List<Either<Command, CodeAction>> codeActions(Options options, org.eclipse.emf.ecore.resource.Resource r,
			Document document) {
		List<Either<Command, CodeAction>> actions = new ArrayList<>();
		if (!(r instanceof XtextResource resource) || resource.getParseResult() == null || document == null) {
			return actions;
		}
		Map<List<Object>, CodeAction> byTitleAndEdits = new HashMap<>();
		for (Diagnostic diagnostic : options.getCodeActionParams().getContext().getDiagnostics()) {
			if (diagnostic.getCode() == null || !diagnostic.getCode().isLeft()) {
				continue;
			}
			FixableCheck check = IrqDslChecks.fixable(diagnostic.getCode().getLeft()).orElse(null);
			int offset = offsetOf(document, diagnostic.getRange());
			EObject source = check == null || offset < 0 ? null : sourceAt(resource, offset);
			if (source == null) {
				continue;
			}
			for (QuickFix fix : check.fixes(source, offset)) {
				CodeAction action = toCodeAction(fix, diagnostic, document, options.getURI());
				CodeAction same = byTitleAndEdits.putIfAbsent(List.of(action.getTitle(), action.getEdit()), action);
				if (same == null) {
					actions.add(Either.forRight(action));
				} else {
					same.getDiagnostics().add(diagnostic);
				}
			}
		}
		return actions;
	}

	private static int offsetOf(Document document, Range range) {
		try {
			return document.getOffSet(range.getStart());
		} catch (IndexOutOfBoundsException e) {
			return -1;
		}
	}

	private static EObject sourceAt(XtextResource resource, int offset) {
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		return leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
	}

	private static CodeAction toCodeAction(QuickFix fix, Diagnostic diagnostic, Document document, String uri) {
		List<TextEdit> edits = new ArrayList<>();
		for (QuickFix.Edit edit : fix.edits()) {
			edits.add(new TextEdit(new Range(document.getPosition(edit.offset()), document.getPosition(edit.offset() + edit.length())),
					edit.text()));
		}
		CodeAction action = new CodeAction(fix.label());
		action.setKind(CodeActionKind.QuickFix);
		action.setDiagnostics(new ArrayList<>(List.of(diagnostic)));
		action.setEdit(new WorkspaceEdit(Map.of(uri, edits)));
		return action;
	}
}
