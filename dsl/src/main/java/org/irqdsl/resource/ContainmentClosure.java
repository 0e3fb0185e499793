package org.irqdsl.resource;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;

/**
 * Which objects of a model can hold, at any depth of containment, an object whose class satisfies
 * a predicate — decided from the metamodel, so a walk over a model can skip the subtrees that
 * cannot (the export of names, the validator's visit, the linker's search for references into a
 * replaced element). An object of a containment's type may be of any subclass of it; a type from
 * another package is assumed to hold anything.
 */
public final class ContainmentClosure {

	private final Predicate<EClass> wanted;
	private final Map<EClass, Boolean> self = new ConcurrentHashMap<>();
	private final Map<EClass, Boolean> below = new ConcurrentHashMap<>();

	public ContainmentClosure(Predicate<EClass> wanted) {
		this.wanted = wanted;
	}

	/** Whether an object of this type (a subclass included), or one it may contain, satisfies the predicate. */
	public boolean reaches(EClass type) {
		// only answers computed from the top are kept: one computed inside a cycle saw a cut path
		return self.computeIfAbsent(type, t -> reaches(t, new HashSet<>()));
	}

	/** Whether something an object of exactly this class may contain, at any depth, satisfies the predicate. */
	public boolean below(EClass eClass) {
		return below.computeIfAbsent(eClass, c -> below(c, new HashSet<>()));
	}

	/** Whether a containment the object has set may hold, at any depth, an object that satisfies the predicate. */
	public boolean belowObject(EObject object) {
		if (!below(object.eClass())) {
			return false;
		}
		for (EReference containment : object.eClass().getEAllContainments()) {
			EClass contained = containment.getEReferenceType();
			if ((contained == null || contained.getEPackage() != object.eClass().getEPackage() || reaches(contained))
					&& object.eIsSet(containment)) {
				return true;
			}
		}
		return false;
	}

	private boolean reaches(EClass type, Set<EClass> visiting) {
		if (!visiting.add(type)) {
			return false; // a cycle: the answer comes from the other paths
		}
		if (type.getEPackage() == null) {
			return true;
		}
		for (EClassifier classifier : type.getEPackage().getEClassifiers()) {
			if (classifier instanceof EClass c && (c == type || type.isSuperTypeOf(c))
					&& (wanted.test(c) || below(c, visiting))) {
				return true;
			}
		}
		return false;
	}

	private boolean below(EClass eClass, Set<EClass> visiting) {
		for (EReference containment : eClass.getEAllContainments()) {
			EClass contained = containment.getEReferenceType();
			if (contained == null || contained.getEPackage() != eClass.getEPackage() || reaches(contained, visiting)) {
				return true;
			}
		}
		return false;
	}
}
