package org.irqdsl.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.IContainer;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptionsProvider;
import org.eclipse.xtext.validation.NamesAreUniqueValidationHelper;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.irqDsl.Platform;

import com.google.inject.Inject;

/** Xtext's duplicate-name check (across the files of a folder for top-level names), with the catalog's id and the language's words in its message. */
public class IrqDslNamesAreUniqueValidationHelper extends NamesAreUniqueValidationHelper {

	@Inject
	private IContainer.Manager containers;

	@Inject
	private IResourceDescriptionsProvider index;

	@Inject
	private IResourceDescription.Manager descriptions;

	@Override
	protected String getErrorCode() {
		return IrqDslChecks.DUPLICATE_NAME.id();
	}

	@Override
	public String getDuplicateNameErrorMessage(IEObjectDescription description, EClass clusterType, EStructuralFeature feature) {
		String name = description.getName().getLastSegment();
		if (clusterType == IrqDslPackage.Literals.TOP_LEVEL) {
			List<String> others = otherFilesDeclaring(description);
			return "the name '" + name + "' is declared more than once (" + (others.isEmpty() ? ""
					: "also in " + String.join(", ", others) + " of this folder; ") + "platforms and scenarios share one namespace)";
		}
		EObject object = description.getEObjectOrProxy();
		EObject container = object == null ? null : object.eContainer();
		while (container != null && !(container instanceof Platform)) {
			container = container.eContainer();
		}
		return getTypeLabel(clusterType) + " name '" + name + "' is declared more than once"
				+ (container instanceof Platform p ? " in platform " + p.getName() : "");
	}

	/** The other files of the folder that declare the same top-level name (names are unique per folder: FolderContainerManager). */
	private List<String> otherFilesDeclaring(IEObjectDescription description) {
		EObject object = description.getEObjectOrProxy();
		Resource resource = object == null ? null : object.eResource();
		if (resource == null || resource.getResourceSet() == null) {
			return List.of();
		}
		IResourceDescription self = descriptions.getResourceDescription(resource);
		IContainer folder = containers.getContainer(self, index.getResourceDescriptions(resource.getResourceSet()));
		Set<String> files = new TreeSet<>();
		for (IEObjectDescription d : folder.getExportedObjects(IrqDslPackage.Literals.TOP_LEVEL, description.getName(), false)) {
			if (!d.getEObjectURI().trimFragment().equals(resource.getURI())) {
				files.add(URI.decode(d.getEObjectURI().trimFragment().lastSegment()));
			}
		}
		return new ArrayList<>(files);
	}

	@Override
	protected String getTypeLabel(EClass eClass) {
		if (eClass == IrqDslPackage.Literals.TOP_LEVEL) {
			return "platform or scenario";
		}
		return eClass.getName().toLowerCase();
	}
}
