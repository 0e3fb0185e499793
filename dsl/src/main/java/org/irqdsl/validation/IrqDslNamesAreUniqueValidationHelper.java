package org.irqdsl.validation;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.validation.NamesAreUniqueValidationHelper;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.irqDsl.Platform;

/** Xtext's duplicate-name check, with the catalog's id and the language's words in its message. */
public class IrqDslNamesAreUniqueValidationHelper extends NamesAreUniqueValidationHelper {

	@Override
	protected String getErrorCode() {
		return IrqDslChecks.DUPLICATE_NAME.id();
	}

	@Override
	public String getDuplicateNameErrorMessage(IEObjectDescription description, EClass clusterType, EStructuralFeature feature) {
		String name = description.getName().getLastSegment();
		if (clusterType == IrqDslPackage.Literals.TOP_LEVEL) {
			return "the name '" + name + "' is declared more than once (platforms and scenarios share one namespace)";
		}
		EObject object = description.getEObjectOrProxy();
		EObject container = object == null ? null : object.eContainer();
		while (container != null && !(container instanceof Platform)) {
			container = container.eContainer();
		}
		return getTypeLabel(clusterType) + " name '" + name + "' is declared more than once"
				+ (container instanceof Platform p ? " in platform " + p.getName() : "");
	}

	@Override
	protected String getTypeLabel(EClass eClass) {
		if (eClass == IrqDslPackage.Literals.TOP_LEVEL) {
			return "platform or scenario";
		}
		return eClass.getName().toLowerCase();
	}
}
