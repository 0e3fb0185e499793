package org.irqdsl.validation;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EValidator;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.ComposedChecks;
import org.eclipse.xtext.validation.CompositeEValidator;
import org.eclipse.xtext.validation.NamesAreUniqueValidator;
import org.irqdsl.resource.ContainmentClosure;

/**
 * Which classes of one package the validators registered for it can check, and below which
 * classes such an object can be contained: derived from the validators' {@link Check} methods
 * (collected the way {@link AbstractDeclarativeValidator} collects them, {@link ComposedChecks}
 * included), so a new check on any class is seen without a list to maintain.
 * <p>
 * Conservative: a validator that is not declarative (EMF's EObjectValidator, any other), or a
 * check method on {@code EObject} (or a class, not a model interface), can check everything.
 * One exception: Xtext's {@link NamesAreUniqueValidator#checkUniqueNamesInResourceOf} checks the
 * whole resource once per validation run, at the first object it sees, which is the root: the
 * root is always visited. The subtypes of a class are looked up in its own package (one grammar,
 * one package: no other package extends the language's classes).
 */
final class CheckedTypes {

	private final EPackage ePackage;
	/** The validators the answers were derived from (identity): the registry may change. */
	private final List<EValidator> validators;
	private final boolean everything;
	private final List<Class<?>> checkedInterfaces;
	/** Which objects can hold a checked one below them. */
	private final ContainmentClosure closure = new ContainmentClosure(this::checked);

	private CheckedTypes(EPackage ePackage, List<EValidator> validators) {
		this.ePackage = ePackage;
		this.validators = validators;
		List<Class<?>> interfaces = new ArrayList<>();
		boolean all = validators.isEmpty();
		for (EValidator v : validators) {
			if (!(v instanceof AbstractDeclarativeValidator declarative)) {
				all = true;
				continue;
			}
			for (Method m : checkMethods(declarative.getClass())) {
				Class<?> parameter = m.getParameterTypes()[0];
				if (m.getDeclaringClass() == NamesAreUniqueValidator.class && m.getName().equals("checkUniqueNamesInResourceOf")) {
					continue;
				}
				if (parameter.isInterface() && EObject.class.isAssignableFrom(parameter) && parameter != EObject.class) {
					interfaces.add(parameter);
				} else {
					all = true;
				}
			}
		}
		this.everything = all;
		this.checkedInterfaces = List.copyOf(interfaces);
	}

	/** The answers for the validator(s) registered for {@code ePackage} in {@code registry} now. */
	static CheckedTypes of(EPackage ePackage, EValidator.Registry registry) {
		return new CheckedTypes(ePackage, validatorsOf(ePackage, registry));
	}

	/** Whether these answers still hold for the registry's validators of the package. */
	boolean current(EValidator.Registry registry) {
		List<EValidator> now = validatorsOf(ePackage, registry);
		if (now.size() != validators.size()) {
			return false;
		}
		for (int i = 0; i < now.size(); i++) {
			if (now.get(i) != validators.get(i)) {
				return false;
			}
		}
		return true;
	}

	/** Whether an object of {@code eClass} or one it can contain (at any depth) can be checked. */
	boolean visits(EClass eClass) {
		return everything || checked(eClass) || closure.below(eClass);
	}

	/** Whether an object of {@code eClass} can contain (at any depth) an object that can be checked. */
	boolean descends(EClass eClass) {
		return everything || closure.below(eClass);
	}

	private boolean checked(EClass eClass) {
		Class<?> instance = eClass.getInstanceClass();
		if (instance == null) {
			return true;
		}
		for (Class<?> c : checkedInterfaces) {
			if (c.isAssignableFrom(instance)) {
				return true;
			}
		}
		return false;
	}

	/** The validators the Diagnostician calls for the package's objects (a composite's parts). */
	private static List<EValidator> validatorsOf(EPackage ePackage, EValidator.Registry registry) {
		EValidator v = registry.getEValidator(ePackage);
		if (v instanceof CompositeEValidator composite) {
			List<EValidator> parts = new ArrayList<>();
			for (CompositeEValidator.EValidatorEqualitySupport s : composite.getContents()) {
				parts.add(s.getDelegate());
			}
			return parts;
		}
		return v == null ? List.of() : List.of(v);
	}

	/** The {@link Check} methods of a declarative validator class, as AbstractDeclarativeValidator collects them. */
	static List<Method> checkMethods(Class<?> validator) {
		List<Method> result = new ArrayList<>();
		collect(validator, new HashSet<>(), result);
		return result;
	}

	private static void collect(Class<?> validator, Set<Class<?>> visited, List<Method> result) {
		for (Class<?> k = validator; k != null && k != AbstractDeclarativeValidator.class; k = k.getSuperclass()) {
			if (visited.add(k)) {
				for (Method m : k.getDeclaredMethods()) {
					if (m.getAnnotation(Check.class) != null && m.getParameterTypes().length == 1) {
						result.add(m);
					}
				}
			}
			ComposedChecks composed = k.getAnnotation(ComposedChecks.class);
			if (composed != null) {
				for (Class<?> external : composed.validators()) {
					collect(external, visited, result);
				}
			}
		}
	}
}
