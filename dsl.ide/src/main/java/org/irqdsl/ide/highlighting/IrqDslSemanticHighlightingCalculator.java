package org.irqdsl.ide.highlighting;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.ide.editor.syntaxcoloring.IHighlightedPositionAcceptor;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.irqdsl.irqDsl.Bus;
import org.irqdsl.irqDsl.Device;
import org.irqdsl.irqDsl.Domain;
import org.irqdsl.irqDsl.Platform;
import org.irqdsl.irqDsl.Scenario;
import org.irqdsl.runtime.kernel.BusSelectMatch;
import org.irqdsl.runtime.kernel.DomainKind;
import org.irqdsl.runtime.kernel.KernelGlossary;
import org.irqdsl.runtime.kernel.MsiChipFlag;
import org.irqdsl.runtime.kernel.MsiFlag;

/**
 * Semantic highlighting, with LSP semantic-token type names as style ids (Xtext's
 * SemanticTokensService maps them): kernel #defines (MSI_FLAG_*, MATCH_*) as macros, enum values
 * (DOMAIN_BUS_*, IRQ_DOMAIN_FLAG_*) as enum members, domain kinds as types, platforms as classes,
 * domains as namespaces, buses and devices as variables (declarations and references alike),
 * numbers as numbers.
 */
public class IrqDslSemanticHighlightingCalculator implements ISemanticHighlightingCalculator {

	@Override
	public void provideHighlightingFor(XtextResource resource, IHighlightedPositionAcceptor acceptor, CancelIndicator cancel) {
		if (resource == null || resource.getParseResult() == null) {
			return;
		}
		for (ILeafNode leaf : resource.getParseResult().getRootNode().getLeafNodes()) {
			if (cancel.isCanceled()) {
				return;
			}
			if (leaf.isHidden()) {
				continue;
			}
			String style = styleOf(leaf);
			if (style != null) {
				acceptor.addPosition(leaf.getOffset(), leaf.getLength(), style);
			}
		}
	}

	private static String styleOf(ILeafNode leaf) {
		String text = leaf.getText();
		if (KernelGlossary.lookup(text).isPresent()) {
			if (MsiFlag.maskOf(text).isPresent() || BusSelectMatch.byName(text).isPresent() || MsiChipFlag.byName(text).isPresent()) {
				return "macro";
			}
			return DomainKind.byName(text).isPresent() ? "type" : "enumMember";
		}
		EObject grammar = leaf.getGrammarElement();
		if (grammar instanceof RuleCall call && ("HEX".equals(call.getRule().getName()) || "INT".equals(call.getRule().getName()))) {
			return "number";
		}
		CrossReference reference = crossReference(leaf);
		if (reference != null) {
			return styleOfType(reference.getType().getClassifier().getName());
		}
		EObject owner = leaf.getSemanticElement();
		boolean isName = isNameOf(leaf);
		if (isName && owner != null) {
			return styleOfType(owner.eClass().getName());
		}
		return null;
	}

	private static String styleOfType(String type) {
		return switch (type) {
		case "Platform" -> "class";
		case "Scenario" -> "function";
		case "Domain" -> "namespace";
		case "Bus", "Device" -> "variable";
		default -> null;
		};
	}

	private static CrossReference crossReference(INode node) {
		for (INode n = node; n != null; n = n.getParent()) {
			if (n.getGrammarElement() instanceof CrossReference ref) {
				return ref;
			}
			if (n.getGrammarElement() != null && GrammarUtil.containingAssignment(n.getGrammarElement()) != null
					&& !(GrammarUtil.containingAssignment(n.getGrammarElement()).getTerminal() instanceof CrossReference)) {
				return null;
			}
		}
		return null;
	}

	private static boolean isNameOf(INode node) {
		for (INode n = node; n != null; n = n.getParent()) {
			if (n.getGrammarElement() != null) {
				var assignment = GrammarUtil.containingAssignment(n.getGrammarElement());
				if (assignment != null) {
					return "name".equals(assignment.getFeature()) && (n.getSemanticElement() instanceof Platform
							|| n.getSemanticElement() instanceof Scenario || n.getSemanticElement() instanceof Domain
							|| n.getSemanticElement() instanceof Bus || n.getSemanticElement() instanceof Device);
				}
			}
		}
		return false;
	}
}
