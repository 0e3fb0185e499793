package org.irqdsl.validation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EValidator;
import org.eclipse.xtext.validation.CancelableDiagnostician;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * Xtext's diagnostician without the visits that cannot find anything: it does not descend into an
 * object none of whose possible contents (at any depth) a registered validator can check
 * ({@link CheckedTypes}). The checks are on the platforms and scenarios, which read their devices
 * themselves; visiting the ~50,000 objects below them was most of the traversal's cost on a
 * 10,000-device file (docs/performance.md, "Validation of a large file"). The objects visited,
 * their order and so the findings are those of a full traversal.
 */
@Singleton
public class IrqDslDiagnostician extends CancelableDiagnostician {

	private final Map<EPackage, CheckedTypes> checkedTypes = new ConcurrentHashMap<>();

	@Inject
	public IrqDslDiagnostician(EValidator.Registry registry) {
		super(registry);
	}

	@Override
	protected boolean doValidateContents(EObject eObject, DiagnosticChain diagnostics, Map<Object, Object> context) {
		EClass eClass = eObject.eClass();
		CheckedTypes types = checkedTypes(eClass.getEPackage());
		if (!types.descends(eClass)) {
			return true;
		}
		boolean result = true;
		for (EObject child : eObject.eContents()) {
			if (!result && diagnostics == null) {
				break;
			}
			EClass childClass = child.eClass();
			CheckedTypes childTypes = childClass.getEPackage() == eClass.getEPackage() ? types : checkedTypes(childClass.getEPackage());
			if (childTypes.visits(childClass)) {
				result &= validate(child, diagnostics, context);
			}
		}
		return result;
	}

	/** The answers for the package's validators as registered now (a validator added later is seen). */
	CheckedTypes checkedTypes(EPackage ePackage) {
		CheckedTypes known = checkedTypes.get(ePackage);
		if (known != null && known.current(eValidatorRegistry)) {
			return known;
		}
		CheckedTypes fresh = CheckedTypes.of(ePackage, eValidatorRegistry);
		checkedTypes.put(ePackage, fresh);
		return fresh;
	}
}
