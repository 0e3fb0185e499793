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
	 * Index of an object in a list, from a map of the list built once. A fragment's segments are
	 * computed from the object up to the root, so one walk touches one list per level: the last
	 * {@link #LISTS} lists are kept (a single one would be rebuilt at every level, the quadratic
	 * cost this class exists to avoid). Held weakly, so that a thread's last lists never keep an
	 * unloaded model alive (EObjects compare by identity).
	 */
	private static final class ListIndex {
		private static final int LISTS = 8;
		@SuppressWarnings("unchecked")
		private final WeakReference<List<?>>[] lists = new WeakReference[LISTS];
		@SuppressWarnings("unchecked")
		private final Map<Object, Integer>[] indices = new Map[LISTS];
		private int next;

		int indexOf(List<?> siblings, Object object) {
			for (int i = 0; i < LISTS; i++) {
				if (lists[i] != null && lists[i].get() == siblings) {
					Integer index = indices[i].get(object);
					if (index != null && index < siblings.size() && siblings.get(index) == object) {
						return index;
					}
					return rebuild(i, siblings, object);
				}
			}
			int slot = next;
			next = (next + 1) % LISTS;
			return rebuild(slot, siblings, object);
		}

		private int rebuild(int slot, List<?> siblings, Object object) {
			Map<Object, Integer> map = new WeakHashMap<>(siblings.size() * 2);
			for (int i = 0; i < siblings.size(); i++) {
				map.put(siblings.get(i), i);
			}
			lists[slot] = new WeakReference<>(siblings);
			indices[slot] = map;
			Integer index = map.get(object);
			return index == null ? -1 : index;
		}
	}
}
