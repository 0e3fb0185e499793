package org.irqdsl.scoping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

	/** A name's last segment in lower case: names that share it may be equal (in any case); no others can. */
	private static String key(IEObjectDescription d) {
		return d.getName().getLastSegment().toLowerCase(Locale.ROOT);
	}

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

			/**
			 * Only the objects that can have a duplicate: every top-level one, and the others whose
			 * name (in any case) another object of the file has too — the file is their scope, so
			 * a name the file exports once is unique. Looking every name up was a tenth of
			 * validating a 10,000-device file after each edit (docs/performance.md).
			 */
			@Override
			public Iterable<IEObjectDescription> getObjectsToValidate() {
				List<IEObjectDescription> all = new ArrayList<>();
				folder.getObjectsToValidate().forEach(all::add);
				List<String> keys = new ArrayList<>(all.size());
				Map<String, Integer> inFile = new HashMap<>(all.size() * 2);
				for (IEObjectDescription d : all) {
					String key = key(d);
					keys.add(key);
					inFile.merge(key, 1, Integer::sum);
				}
				List<IEObjectDescription> result = new ArrayList<>();
				for (int i = 0; i < all.size(); i++) {
					IEObjectDescription d = all.get(i);
					if (inFile.get(keys.get(i)) > 1 || IrqDslPackage.Literals.TOP_LEVEL.isSuperTypeOf(d.getEClass())) {
						result.add(d);
					}
				}
				return result;
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
