package org.irqdsl.validation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.diagnostics.Severity;

/** Where a check sends what it finds; the message gets the check's id attached by the reporter. */
public interface CheckReporter {

	/** Reports at the check's default severity. */
	default void report(CheckInfo check, String message, EObject source, EStructuralFeature feature) {
		report(check, check.severity(), message, source, feature, -1);
	}

	default void report(CheckInfo check, String message, EObject source, EStructuralFeature feature, int index) {
		report(check, check.severity(), message, source, feature, index);
	}

	void report(CheckInfo check, Severity severity, String message, EObject source, EStructuralFeature feature,
			int index);

	/** Whether the validation was cancelled (an editor's newer edit): a long check stops and reports nothing. */
	default boolean cancelled() {
		return false;
	}
}
