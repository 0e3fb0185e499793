package org.irqdsl.resource;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.IFragmentProvider;

/**
 * EMF's own URI fragments ({@code //@elements.0/@buses.2/@devices.9107}), computed without EMF's
 * quadratic cost. EMF finds a many-valued segment's index with {@code List.indexOf}, linear in the
 * siblings, and Xtext asks for the fragment of every object when it indexes a resource and again
 * when it unloads it (each object becomes a proxy): on a bus of 10,000 devices that is 10^8
 * comparisons per edit in the language server (docs/performance.md, "Language server"). Here the
 * index comes from a map of the last list seen, built once per list (callers walk siblings in
 * order), and is confirmed with {@code list.get(index) == object}, so a changed list only costs a
 * rebuild, never a wrong fragment. The fragments are EMF's exactly (the language has no IDs, keys
 * or feature maps), so resolving them is left to EMF.
 */
public class IrqDslFragmentProvider implements IFragmentProvider {

	/** The last list whose indices were mapped, per thread (the language server reads concurrently). */
	private static final ThreadLocal<ListIndex> LAST = ThreadLocal.withInitial(ListIndex::new);

	@Override
	public EObject getEObject(Resource resource, String fragment, Fallback fallback) {
		return fallback.getEObject(fragment);
	}

	@Override
	public String getFragment(EObject object, Fallback fallback) {
		InternalEObject container = ((InternalEObject) object).eInternalContainer();
		EReference feature = object.eContainmentFeature();
		if (container == null || feature == null || container.eResource() != object.eResource()) {
			return fallback.getFragment(object); // a root, or contained across resources: EMF's rule
		}
		String prefix = getFragment(container, fallback);
		if (!feature.isMany()) {
			return prefix + "/@" + feature.getName();
		}
		List<?> siblings = (List<?>) container.eGet(feature, false);
		return prefix + "/@" + feature.getName() + "." + LAST.get().indexOf(siblings, object);
	}

	/**
	 * Index of an object in a list, from a map of the list built once. Held weakly, so that a
	 * thread's last list never keeps an unloaded model alive (EObjects compare by identity).
	 */
	private static final class ListIndex {
		private WeakReference<List<?>> list = new WeakReference<>(null);
		private Map<Object, Integer> indices;

		int indexOf(List<?> siblings, Object object) {
			if (siblings == list.get()) {
				Integer index = indices.get(object);
				if (index != null && index < siblings.size() && siblings.get(index) == object) {
					return index;
				}
			}
			list = new WeakReference<>(siblings);
			indices = new WeakHashMap<>(siblings.size() * 2);
			for (int i = 0; i < siblings.size(); i++) {
				indices.put(siblings.get(i), i);
			}
			Integer index = indices.get(object);
			return index == null ? -1 : index;
		}
	}
}
