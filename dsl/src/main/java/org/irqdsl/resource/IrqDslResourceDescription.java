package org.irqdsl.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescription;
import org.eclipse.xtext.util.IResourceScopeCache;

/**
 * Xtext's description of a loaded file, whose exported names are made from the previous state's
 * when the file changed only by elements linked alone ({@link ReplacedElements}): the previous
 * names of the replaced elements (their objects are unloaded proxies now, named by the URI
 * fragment they had) give way to the new elements' names, the rest are kept. The validator's
 * unique-name check reads these names after each edit; making them whole walked every object of
 * a 10,000-device file (docs/performance.md). The kept names are right for the same reason as in
 * {@link DescriptionSnapshots}: an element linked alone has the same names at the same places.
 */
public class IrqDslResourceDescription extends DefaultResourceDescription {

	private final IrqDslResource resource;
	private final IDefaultResourceDescriptionStrategy strategy;

	public IrqDslResourceDescription(IrqDslResource resource, IDefaultResourceDescriptionStrategy strategy, IResourceScopeCache cache) {
		super(resource, strategy, cache);
		this.resource = resource;
		this.strategy = strategy;
	}

	@Override
	protected List<IEObjectDescription> computeExportedObjects() {
		long now = resource.replacedElements().mark();
		IrqDslResource.Exports last = resource.lastExports();
		List<IEObjectDescription> exports = null;
		if (last != null) {
			Optional<Set<String>> replaced = resource.replacedElements().since(last.mark());
			exports = replaced.map(fragments -> updated(last.exports(), fragments)).orElse(null);
		}
		if (exports == null) {
			exports = super.computeExportedObjects();
		}
		resource.lastExports(new IrqDslResource.Exports(now, List.copyOf(exports)));
		return exports;
	}

	/** The previous names with the replaced elements' made again; null when they cannot be. */
	private List<IEObjectDescription> updated(List<IEObjectDescription> previous, Set<String> replaced) {
		List<IEObjectDescription> exports = new ArrayList<>(previous);
		for (String fragment : replaced) {
			EObject element = resource.getEObject(fragment);
			if (element == null || element.eIsProxy()
					|| !DescriptionSnapshots.splice(exports, fragment, DescriptionSnapshots.exportsOf(element, strategy), IrqDslResourceDescription::unloadedAt)) {
				return null;
			}
		}
		return exports;
	}

	/** The fragment an unloaded object had; "" for an object still loaded (never within a replaced element). */
	private static String unloadedAt(IEObjectDescription description) {
		EObject object = description.getEObjectOrProxy();
		return object.eIsProxy() ? ((InternalEObject) object).eProxyURI().fragment() : "";
	}
}
