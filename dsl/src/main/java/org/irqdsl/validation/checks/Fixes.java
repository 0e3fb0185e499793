package org.irqdsl.validation.checks;

import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.INode;
import org.irqdsl.irqDsl.Domain;
import org.irqdsl.validation.QuickFix;
import org.irqdsl.validation.SourceText;

/** The edits several checks' quick fixes share. */
final class Fixes {

	private Fixes() {
	}

	/** Replace the written value of {@code feature} by {@code value}. */
	static List<QuickFix> replaceValue(String label, EObject owner, EStructuralFeature feature, String value) {
		Optional<INode> node = SourceText.feature(owner, feature);
		return node.map(n -> List.of(QuickFix.replace(label, n.getOffset(), n.getLength(), value))).orElse(List.of());
	}

	/** Append {@code " maskable"} to an MSI capability. */
	static QuickFix markMaskable(EObject msi) {
		return QuickFix.insert("Mark the MSI maskable (a device with the per-vector mask capability)", SourceText.end(msi),
				" maskable");
	}

	/** Add a clause (`select ...`, `affinity-update ...`) on its own line just before a block's closing brace. */
	static Optional<QuickFix> addClause(String label, EObject block, String clause) {
		return SourceText.beforeClosingBrace(block).map(offset -> {
			String indent = SourceText.indentBefore(block, offset);
			return QuickFix.insert(label, offset, "    " + clause + "\n" + indent);
		});
	}

	/** Append a name to a comma-separated list feature, after its last element. */
	static Optional<QuickFix> appendToList(String label, EObject owner, EStructuralFeature list, String name) {
		List<INode> nodes = SourceText.features(owner, list);
		if (nodes.isEmpty()) {
			return Optional.empty();
		}
		INode last = nodes.get(nodes.size() - 1);
		return Optional.of(QuickFix.insert(label, last.getOffset() + last.getLength(), ", " + name));
	}

	/** Set a domain's affinity-update: replace the one written, or add it. */
	static Optional<QuickFix> setStrategy(Domain domain, String strategy) {
		String label = "Use affinity-update " + strategy + " on domain " + domain.getName();
		List<QuickFix> replaced = replaceValue(label, domain,
				org.irqdsl.irqDsl.IrqDslPackage.Literals.DOMAIN__AFFINITY_UPDATE, strategy);
		return replaced.isEmpty() ? addClause(label, domain, "affinity-update " + strategy) : Optional.of(replaced.get(0));
	}
}
