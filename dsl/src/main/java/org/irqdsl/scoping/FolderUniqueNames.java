package org.irqdsl.scoping;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.ISelectable;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.DefaultUniqueNameContext;
import org.eclipse.xtext.validation.INamesAreUniqueValidationHelper.Context;
import org.irqdsl.irqDsl.IrqDslPackage;

import com.google.inject.Singleton;

/**
 * Where a name must be unique: a top-level name (platform, scenario, procedure) in its folder (the
 * container, {@link FolderContainerManager}), every other name in its file. A platform declared in
 * two files is then one duplicate at each declaration, not one per domain, bus and device as well.
 */
@Singleton
public class FolderUniqueNames extends DefaultUniqueNameContext.Container {

	@Override
	public Context tryGetContext(Resource resource, CancelIndicator cancelIndicator) {
		Context folder = super.tryGetContext(resource, cancelIndicator);
		IResourceDescription file = getResourceDescription(resource);
		if (folder == null || file == null) {
			return folder;
		}
		return new Context() {
			@Override
			public ISelectable getValidationScope(IEObjectDescription description, EClass clusterType) {
				return clusterType == IrqDslPackage.Literals.TOP_LEVEL ? folder.getValidationScope(description, clusterType) : file;
			}

			@Override
			public Iterable<IEObjectDescription> getObjectsToValidate() {
				return folder.getObjectsToValidate();
			}

			@Override
			public CancelIndicator cancelIndicator() {
				return folder.cancelIndicator();
			}

			@Override
			public boolean isCaseSensitive(EObject object, EClass clusterType) {
				return folder.isCaseSensitive(object, clusterType);
			}
		};
	}
}
