package org.irqdsl.validation;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.xtext.validation.NamesAreUniqueValidationHelper;
import org.irqdsl.irqDsl.IrqDslPackage;

/** Xtext's duplicate-name check, with the catalog's id and the language's words in its message. */
public class IrqDslNamesAreUniqueValidationHelper extends NamesAreUniqueValidationHelper {

	@Override
	protected String getErrorCode() {
		return IrqDslChecks.DUPLICATE_NAME.id();
	}

	@Override
	protected String getTypeLabel(EClass eClass) {
		if (eClass == IrqDslPackage.Literals.TOP_LEVEL) {
			return "platform or scenario";
		}
		return eClass.getName().toLowerCase();
	}
}
