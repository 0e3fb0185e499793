package org.irqdsl.linking;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.util.SimpleAttributeResolver;

/**
 * What references can reach inside one element of a model: each object below it (itself included)
 * that has a name, with its place in the element, its type and its names. References find their
 * targets by name only ({@code IrqDslScopeProvider}: devices by simple name, everything else by
 * qualified name), so two elements with equal targets, put at the same place, resolve every
 * reference of the rest of the file to the same places.
 */
public final class LinkTargets {

	/** One object a reference can name. {@code path} is relative to the element ("" for the element itself). */
	public record Target(String path, EClass type, QualifiedName qualifiedName, String name) {
	}

	private LinkTargets() {
	}

	public static List<Target> of(EObject element, IQualifiedNameProvider names) {
		List<Target> targets = new ArrayList<>();
		collect(element, "", names, targets);
		return targets;
	}

	private static void collect(EObject object, String path, IQualifiedNameProvider names, List<Target> targets) {
		QualifiedName qualifiedName = names.getFullyQualifiedName(object);
		String name = SimpleAttributeResolver.NAME_RESOLVER.apply(object);
		if (path.isEmpty() || qualifiedName != null || name != null) {
			targets.add(new Target(path, object.eClass(), qualifiedName, name));
		}
		for (EReference containment : object.eClass().getEAllContainments()) {
			Object value = object.eGet(containment, false);
			if (value instanceof List<?> list) {
				for (int i = 0; i < list.size(); i++) {
					collect((EObject) list.get(i), path + "/@" + containment.getName() + "." + i, names, targets);
				}
			} else if (value instanceof EObject child) {
				collect(child, path + "/@" + containment.getName(), names, targets);
			}
		}
	}
}
