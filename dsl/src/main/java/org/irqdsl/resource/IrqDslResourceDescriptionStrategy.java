package org.irqdsl.resource;


import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionStrategy;
import org.eclipse.xtext.util.IAcceptor;

import com.google.inject.Singleton;

/**
 * Xtext's export strategy (every object with a qualified name), without the walk below an object
 * none of whose contents can have a name. The default walks every object of the file and asks the
 * qualified-name provider about each: a device's MSI and MSI-X capabilities, its interrupt lists
 * and so on, which have no {@code name}, were half the objects the language server's index visited
 * after each edit of a 10,000-device file (docs/performance.md, "Language server"). What is
 * exported is the same: only subtrees that cannot hold a named object are skipped, decided from
 * the metamodel (a class with a {@code name} attribute, itself, a subclass, or anything it may
 * contain), so a device with a VMD and its buses is still walked.
 */
@Singleton
public class IrqDslResourceDescriptionStrategy extends DefaultResourceDescriptionStrategy {

	/** The classes whose objects may hold a named object at any depth. */
	private final ContainmentClosure named = new ContainmentClosure(IrqDslResourceDescriptionStrategy::hasNameAttribute);

	@Override
	public boolean createEObjectDescriptions(EObject object, IAcceptor<IEObjectDescription> acceptor) {
		return super.createEObjectDescriptions(object, acceptor) && named.belowObject(object);
	}

	/** Whether an object of this type (or a subtype), or anything below it, may have a name. */
	boolean mayHaveNamed(EClass type) {
		return named.reaches(type);
	}

	/** The attribute Xtext's qualified-name provider reads ({@code SimpleAttributeResolver.NAME_RESOLVER}). */
	private static boolean hasNameAttribute(EClass c) {
		for (EAttribute a : c.getEAllAttributes()) {
			if ("name".equals(a.getName())) {
				return true;
			}
		}
		return false;
	}
}
