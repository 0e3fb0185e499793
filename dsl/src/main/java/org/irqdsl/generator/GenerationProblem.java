package org.irqdsl.generator;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

/**
 * Something a scenario says that the simulator cannot model, at the element (and feature) that
 * says it: reported as a validation error and by {@code irqdsl generate} / {@code simulate}.
 */
public record GenerationProblem(EObject source, EStructuralFeature feature, String message) {
}
