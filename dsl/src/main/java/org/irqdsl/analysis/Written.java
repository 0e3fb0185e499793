package org.irqdsl.analysis;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.Tuples;

/**
 * Whether the text writes a feature. EMF's {@code eIsSet()} is false whenever the value equals the
 * feature's default (the first enum literal, 0 for numbers), so on its own it reads
 * {@code chip-mask yes}, {@code affinity-update direct}, {@code msi-write config-words},
 * {@code vectors 0x0..}, {@code msi count 0} or {@code cpus [3..0]} as not written; the node model
 * knows what was written.
 * <p>
 * The node-model answer is cached per resource (Xtext's resource cache, cleared on every change):
 * looking for a feature's nodes walks all the children of the object's node, so asking a bus with
 * 256 devices once per device (a device's {@code msi-write} falls back to its bus's) made
 * validation quadratic in the devices of a bus; it was a third of the language server's time after
 * an edit of a 10,000-device file.
 */
public final class Written {

	private Written() {
	}

	public static boolean isWritten(EObject object, EStructuralFeature feature) {
		if (object.eIsSet(feature)) {
			return true;
		}
		if (object.eResource() instanceof XtextResource resource) {
			return resource.getCache().get(Tuples.create(Written.class, object, feature), resource,
					() -> hasNodes(object, feature));
		}
		return hasNodes(object, feature);
	}

	private static boolean hasNodes(EObject object, EStructuralFeature feature) {
		return !NodeModelUtils.findNodesForFeature(object, feature).isEmpty();
	}
}
