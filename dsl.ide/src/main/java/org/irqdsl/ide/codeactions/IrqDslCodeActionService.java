package org.irqdsl.ide.codeactions;

import java.util.ArrayList;
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
 * the check's own quick fixes as LSP quick-fix actions.
 */
public class IrqDslCodeActionService implements ICodeActionService2 {

	@Override
	public List<Either<Command, CodeAction>> getCodeActions(Options options) {
		List<Either<Command, CodeAction>> actions = new ArrayList<>();
		if (!(options.getResource() instanceof XtextResource resource) || resource.getParseResult() == null) {
			return actions;
		}
		Document document = options.getDocument();
		for (Diagnostic diagnostic : options.getCodeActionParams().getContext().getDiagnostics()) {
			if (diagnostic.getCode() == null || !diagnostic.getCode().isLeft()) {
				continue;
			}
			FixableCheck check = IrqDslChecks.fixable(diagnostic.getCode().getLeft()).orElse(null);
			EObject source = check == null ? null : sourceAt(resource, document, diagnostic.getRange());
			if (source == null) {
				continue;
			}
			for (QuickFix fix : check.fixes(source)) {
				actions.add(Either.forRight(toCodeAction(fix, diagnostic, document, options.getURI())));
			}
		}
		return actions;
	}

	private static EObject sourceAt(XtextResource resource, Document document, Range range) {
		try {
			int offset = document.getOffSet(range.getStart());
			ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
			return leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
		} catch (IndexOutOfBoundsException e) {
			return null;
		}
	}

	private static CodeAction toCodeAction(QuickFix fix, Diagnostic diagnostic, Document document, String uri) {
		List<TextEdit> edits = new ArrayList<>();
		for (QuickFix.Edit edit : fix.edits()) {
			edits.add(new TextEdit(new Range(document.getPosition(edit.offset()), document.getPosition(edit.offset() + edit.length())),
					edit.text()));
		}
		CodeAction action = new CodeAction(fix.label());
		action.setKind(CodeActionKind.QuickFix);
		action.setDiagnostics(List.of(diagnostic));
		action.setEdit(new WorkspaceEdit(Map.of(uri, edits)));
		return action;
	}
}
