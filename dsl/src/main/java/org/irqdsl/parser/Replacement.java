package org.irqdsl.parser;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.irqdsl.linking.LinkTargets;

/**
 * What a partial re-parse did to the model: it put {@code replacement} where {@code replaced} was
 * (the same container, feature and index). {@code replacedTargets} are the replaced element's
 * {@link LinkTargets}, taken before Xtext unloaded it (a proxy has no container to name it by).
 */
public record Replacement(EObject container, EStructuralFeature feature, int index, EObject replaced,
		List<LinkTargets.Target> replacedTargets, EObject replacement) {
}
