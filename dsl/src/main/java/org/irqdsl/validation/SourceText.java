package org.irqdsl.validation;

import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/** Where things are in the text of a parsed file: what quick fixes need to build their edits. */
public final class SourceText {

	private SourceText() {
	}

	/** The node of one feature's value (the first when the feature is a list). */
	public static Optional<INode> feature(EObject object, EStructuralFeature feature) {
		List<INode> nodes = NodeModelUtils.findNodesForFeature(object, feature);
		return nodes.isEmpty() ? Optional.empty() : Optional.of(nodes.get(0));
	}

	/** The nodes of every value of a list feature. */
	public static List<INode> features(EObject object, EStructuralFeature feature) {
		return NodeModelUtils.findNodesForFeature(object, feature);
	}

	/** Offset just after the object's text (without trailing hidden tokens). */
	public static int end(EObject object) {
		INode node = NodeModelUtils.getNode(object);
		return node.getOffset() + node.getLength();
	}

	public static int start(EObject object) {
		return NodeModelUtils.getNode(object).getOffset();
	}

	/** Offset just before the closing brace of an object written with braces, if it has one. */
	public static Optional<Integer> beforeClosingBrace(EObject object) {
		INode node = NodeModelUtils.getNode(object);
		INode last = null;
		for (INode leaf : node.getLeafNodes()) {
			if ("}".equals(leaf.getText())) {
				last = leaf;
			}
		}
		return last == null ? Optional.empty() : Optional.of(last.getOffset());
	}

	/** The blanks between the start of the line and {@code offset} (empty when other text stands there). */
	public static String indentBefore(EObject object, int offset) {
		String text = NodeModelUtils.getNode(object).getRootNode().getText();
		int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
		String before = text.substring(lineStart, offset);
		return before.isBlank() ? before : "";
	}
}
