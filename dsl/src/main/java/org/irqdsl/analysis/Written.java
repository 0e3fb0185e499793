package org.irqdsl.analysis;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * Whether the text writes a feature. EMF's {@code eIsSet()} is false whenever the value equals the
 * feature's default (the first enum literal, 0 for numbers), so on its own it reads
 * {@code chip-mask yes}, {@code affinity-update direct}, {@code msi-write config-words},
 * {@code vectors 0x0..}, {@code msi count 0} or {@code cpus [3..0]} as not written; the node model
 * knows what was written.
 */
public final class Written {

	private Written() {
	}

	public static boolean isWritten(EObject object, EStructuralFeature feature) {
		return object.eIsSet(feature) || !NodeModelUtils.findNodesForFeature(object, feature).isEmpty();
	}
}
