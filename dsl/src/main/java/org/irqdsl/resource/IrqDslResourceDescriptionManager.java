package org.irqdsl.resource;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionManager;

import com.google.inject.Singleton;

/**
 * Which files an editor's build checks again after a file changed. Xtext's rule — only when the
 * changed file's exported names changed — suits languages whose references need only a name; here
 * a scenario in one file simulates the platform of another file of its folder, and its verdict
 * depends on the whole platform: an edit that changes no name (a device made maskable, the
 * affinity update switched from two-step to direct) changes it. So any change of a file affects
 * the files that use one of its names, as {@code irqdsl check} of the folder would judge them
 * (DependentFilesIT). Who uses what is still Xtext's: the imported names of each file.
 */
@Singleton
public class IrqDslResourceDescriptionManager extends DefaultResourceDescriptionManager {

	/** A file's description whose exported names are updated from the previous ones where they can be. */
	@Override
	protected IResourceDescription internalGetResourceDescription(Resource resource, IDefaultResourceDescriptionStrategy strategy) {
		if (resource instanceof IrqDslResource irqdsl) {
			return new IrqDslResourceDescription(irqdsl, strategy, getCache());
		}
		return super.internalGetResourceDescription(resource, strategy);
	}

	@Override
	protected boolean hasChanges(IResourceDescription.Delta delta, IResourceDescription candidate) {
		return delta.getOld() != delta.getNew();
	}
}
