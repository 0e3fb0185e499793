package org.irqdsl.validation;

import java.util.List;

import org.eclipse.emf.ecore.EObject;

/** A check that knows how to fix what it reports: the fix lives with the check. */
public interface FixableCheck {

	/**
	 * The fixes for a finding of this check reported on {@code source} (the object the check passed
	 * to its reporter) at {@code offset} (where the finding starts); empty when there is no obvious one.
	 */
	List<QuickFix> fixes(EObject source, int offset);
}
