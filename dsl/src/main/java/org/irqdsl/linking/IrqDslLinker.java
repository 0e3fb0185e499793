package org.irqdsl.linking;

import java.util.List;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.IDiagnosticConsumer;
import org.eclipse.xtext.diagnostics.IDiagnosticProducer;
import org.eclipse.xtext.linking.lazy.LazyLinker;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.nodemodel.INode;
import org.irqdsl.parser.Replacement;
import org.irqdsl.resource.ContainmentClosure;

import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.Multimap;
import com.google.inject.Inject;

/**
 * Xtext's lazy linker, which can also link only what a partial re-parse replaced.
 * <p>
 * After a partial re-parse Xtext re-links the whole resource: every reference of the file becomes
 * a lazy proxy again and is resolved again through its scope — on a 10,000-device file, two thirds
 * of what an edit cost the language server after the re-parse itself (docs/performance.md). When
 * the new element offers references the same {@link LinkTargets} as the one it replaced, at the
 * same place, every reference outside it resolves to the same place as before, so only these need
 * linking: the references of the new element, and those outside it that pointed into the old one
 * (now proxies of unloaded objects), which get lazy proxies again and resolve by name. References
 * that did not resolve before stay lazy proxies and are resolved again, with their diagnostics, by
 * the resolution that follows linking, as after a whole link.
 */
public class IrqDslLinker extends LazyLinker {

	@Inject
	private IQualifiedNameProvider names;

	/** The classes whose objects may hold, at any depth, an object with a reference to follow. */
	private static final ContainmentClosure REFERRING = new ContainmentClosure(c -> c.getEAllReferences().stream().anyMatch(IrqDslLinker::followed));

	/** Whether something the object holds, at any depth, may have a reference the linker sets (a device without a VMD: no). */
	public static boolean mayReferBelow(EObject object) {
		return REFERRING.belowObject(object);
	}

	/**
	 * Links what {@code replacement} replaced, when that gives what a whole link gives; false
	 * (and nothing done) when the whole resource must be linked.
	 */
	public boolean linkReplaced(Replacement replacement, IDiagnosticConsumer consumer) {
		EObject element = replacement.replacement();
		Resource resource = element.eResource();
		if (resource == null || !replacement.replacedTargets().equals(LinkTargets.of(element, names))) {
			return false;
		}
		IDiagnosticProducer producer = createDiagnosticProducer(consumer, resource);
		Multimap<EStructuralFeature.Setting, INode> settingsToLink = ArrayListMultimap.create();
		getCache().execWithoutCacheClear(resource, r -> {
			TreeIterator<EObject> inside = getAllLinkableContents(element);
			while (inside.hasNext()) {
				EObject object = inside.next();
				clearReferences(object);
				installProxies(object, producer, settingsToLink);
			}
			for (TreeIterator<EObject> all = resource.getAllContents(); all.hasNext();) {
				EObject object = all.next();
				if (object == element) {
					all.prune();
					continue;
				}
				if (pointsIntoUnloaded(object, resource.getURI())) {
					clearReferences(object);
					installProxies(object, producer, settingsToLink);
				}
				if (!mayReferBelow(object)) {
					all.prune(); // nothing below it refers to anything: a device's capabilities, say
				}
			}
			return null;
		});
		installQueuedLinks(settingsToLink);
		return true;
	}

	/** Whether a reference of the object holds an object of this resource that was unloaded (a plain proxy, not a lazy link). */
	private boolean pointsIntoUnloaded(EObject object, URI resourceUri) {
		for (EReference reference : object.eClass().getEAllReferences()) {
			if (!followed(reference)) {
				continue;
			}
			Object value = object.eGet(reference, false);
			if (value instanceof List<?> list) {
				for (Object target : list) {
					if (isUnloaded((EObject) target, object.eResource(), resourceUri)) {
						return true;
					}
				}
			} else if (value instanceof EObject target && isUnloaded(target, object.eResource(), resourceUri)) {
				return true;
			}
		}
		return false;
	}

	/** A reference the linker sets: not a containment, its opposite, derived or transient. */
	private static boolean followed(EReference reference) {
		return !reference.isContainment() && !reference.isContainer() && !reference.isDerived() && !reference.isTransient();
	}

	private boolean isUnloaded(EObject target, Resource resource, URI resourceUri) {
		if (!target.eIsProxy()) {
			return target.eResource() == null; // detached without becoming a proxy
		}
		URI uri = ((InternalEObject) target).eProxyURI();
		return resourceUri.equals(uri.trimFragment()) && !getEncoder().isCrossLinkFragment(resource, uri.fragment());
	}
}
