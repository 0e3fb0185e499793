package org.irqdsl.resource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.build.ResolvedResourceDescription;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.impl.AbstractResourceDescription;
import org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IReferenceDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.persistence.SerializableEObjectDescription;
import org.eclipse.xtext.resource.persistence.SerializableReferenceDescription;
import org.eclipse.xtext.resource.persistence.SerializableResourceDescription;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.common.collect.Lists;
import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * A file's entry in the language server's index (Xtext's {@link SerializableResourceDescription}:
 * its exported names and its references into other files), made from the previous entry when the
 * file changed only by elements replaced and linked alone ({@link ReplacedElements}): the entries
 * of those elements are made again, the rest is kept. Computing the entry whole walks every object
 * of the file twice (exported names, then references): on a 10,000-device file, a fifth of an
 * edit's cost (docs/performance.md). The index's first pass (Xtext's {@code Indexer}) gets the
 * exported names alone, without resolving anything ({@link #exported}); the build, after resolving,
 * the whole entry ({@link #of}).
 * <p>
 * Why the rest can be kept: an element linked alone offers the same {@code LinkTargets} at the same
 * place as the one it replaced, so every other object keeps its URI fragment, its name and its
 * resolved references.
 */
@Singleton
public class DescriptionSnapshots {

	@Inject
	private IResourceDescription.Manager manager;

	@Inject
	private IDefaultResourceDescriptionStrategy strategy;

	@Inject
	private IQualifiedNameProvider names;

	private record Made(SerializableResourceDescription entry, long mark) {
	}

	private final Map<Resource, Made> made = Collections.synchronizedMap(new WeakHashMap<>());

	/**
	 * What the first pass of a build needs of a changed file (Xtext's {@code Indexer}): its exported
	 * names only, without resolving a reference (the other files may not be indexed yet). Taken
	 * from the previous entry where only elements linked alone changed; otherwise Xtext's own.
	 */
	public IResourceDescription exported(Resource resource, IResourceDescription previous) {
		if (resource instanceof IrqDslResource irqdsl) {
			Made last = made.get(resource);
			if (last != null && last.entry() == previous) {
				Optional<Set<String>> replaced = irqdsl.replacedElements().since(last.mark());
				List<SerializableEObjectDescription> exported = replaced.isPresent()
						? updatedExports(last.entry(), irqdsl, replaced.get())
						: null;
				if (exported != null) {
					SerializableResourceDescription names = new SerializableResourceDescription();
					names.setURI(previous.getURI());
					names.setDescriptions(exported);
					return new ResolvedResourceDescription(names);
				}
			}
		}
		return new ResolvedResourceDescription(manager.getResourceDescription(resource));
	}

	/** The entry of the resource as it is now, references resolved; {@code previous} is the index's entry of it, if any. */
	public SerializableResourceDescription of(Resource resource, IResourceDescription previous) {
		if (!(resource instanceof IrqDslResource irqdsl)) {
			return SerializableResourceDescription.createCopy(manager.getResourceDescription(resource));
		}
		EcoreUtil2.resolveLazyCrossReferences(resource, CancelIndicator.NullImpl);
		long now = irqdsl.replacedElements().mark();
		Made last = made.get(resource);
		if (last != null && last.mark() == now) {
			return last.entry();
		}
		SerializableResourceDescription entry = null;
		if (last != null && last.entry() == previous) {
			Optional<Set<String>> replaced = irqdsl.replacedElements().since(last.mark());
			if (replaced.isPresent()) {
				entry = updated(last.entry(), irqdsl, replaced.get());
			}
		}
		if (entry == null) {
			entry = SerializableResourceDescription.createCopy(manager.getResourceDescription(resource));
		}
		made.put(resource, new Made(entry, now));
		return entry;
	}

	/** The previous entry with the entries of the replaced elements made again; null when it cannot be. */
	private SerializableResourceDescription updated(SerializableResourceDescription previous, IrqDslResource resource,
			Set<String> replaced) {
		List<SerializableEObjectDescription> exported = updatedExports(previous, resource, replaced);
		if (exported == null) {
			return null;
		}
		List<SerializableReferenceDescription> references = new ArrayList<>(previous.getReferences());
		for (String fragment : replaced) { // each names a loaded element: updatedExports checked
			if (!splice(references, fragment, references(resource.getEObject(fragment)), d -> d.getSourceEObjectUri().fragment())) {
				return null;
			}
		}
		SerializableResourceDescription entry = new SerializableResourceDescription();
		entry.setURI(previous.getURI());
		entry.setDescriptions(exported);
		entry.setReferences(references);
		entry.setImportedNames(Lists.newArrayList(manager.getResourceDescription(resource).getImportedNames()));
		return entry;
	}

	/** The previous entry's exported names with those of the replaced elements made again; null when they cannot be. */
	private List<SerializableEObjectDescription> updatedExports(SerializableResourceDescription previous, IrqDslResource resource,
			Set<String> replaced) {
		List<SerializableEObjectDescription> exported = new ArrayList<>(previous.getDescriptions());
		for (String fragment : replaced) {
			EObject element = resource.getEObject(fragment);
			if (element == null || element.eIsProxy() || !splice(exported, fragment, exported(element), d -> d.getEObjectURI().fragment())) {
				return null;
			}
		}
		return exported;
	}

	/**
	 * Replaces the entries of the element (a contiguous run: both lists are in the order of a walk
	 * of the model) with the new ones; false when there were none, which leaves no place to put
	 * new ones (the entry is then made whole).
	 */
	static <T> boolean splice(List<T> entries, String element, List<T> fresh, java.util.function.Function<T, String> fragmentOf) {
		int first = -1;
		int end = -1;
		for (int i = 0; i < entries.size(); i++) {
			if (ReplacedElements.isWithin(fragmentOf.apply(entries.get(i)), element)) {
				if (first < 0) {
					first = i;
				} else if (end != i) {
					return false; // not contiguous: not the order this class relies on
				}
				end = i + 1;
			}
		}
		if (first < 0) {
			return fresh.isEmpty();
		}
		entries.subList(first, end).clear();
		entries.addAll(first, fresh);
		return true;
	}

	/** The exported names of the element and below it, as Xtext's whole walk makes them. */
	private List<SerializableEObjectDescription> exported(EObject element) {
		return copy(exportsOf(element, strategy), List.of()).getDescriptions();
	}

	/** The exported names of the element and below it, in the order and form of Xtext's whole walk. */
	static List<IEObjectDescription> exportsOf(EObject element, IDefaultResourceDescriptionStrategy strategy) {
		List<IEObjectDescription> made = new ArrayList<>();
		for (EObject ancestor = element.eContainer(); ancestor != null; ancestor = ancestor.eContainer()) {
			if (!strategy.createEObjectDescriptions(ancestor, d -> {
			})) {
				return made; // the whole walk does not go below this ancestor
			}
		}
		if (strategy.createEObjectDescriptions(element, made::add)) {
			for (TreeIterator<EObject> below = element.eAllContents(); below.hasNext();) {
				if (!strategy.createEObjectDescriptions(below.next(), made::add)) {
					below.prune();
				}
			}
		}
		return made;
	}
	/** The references into other files of the element and below it, as Xtext's whole walk makes them. */
	private List<SerializableReferenceDescription> references(EObject element) {
		List<IReferenceDescription> made = new ArrayList<>();
		List<EObject> objects = new ArrayList<>();
		objects.add(element);
		element.eAllContents().forEachRemaining(objects::add);
		for (EObject object : objects) {
			strategy.createReferenceDescriptions(object, exportedContainer(object), made::add);
		}
		return copy(List.of(), made).getReferences();
	}

	/** Xtext's own copies of the entries (its copy of one entry is private). */
	private static SerializableResourceDescription copy(List<IEObjectDescription> exported, List<IReferenceDescription> references) {
		return SerializableResourceDescription.createCopy(new AbstractResourceDescription() {
			@Override
			protected List<IEObjectDescription> computeExportedObjects() {
				return exported;
			}

			@Override
			public Iterable<QualifiedName> getImportedNames() {
				return List.of();
			}

			@Override
			public Iterable<IReferenceDescription> getReferenceDescriptions() {
				return references;
			}

			@Override
			public URI getURI() {
				return null;
			}
		});
	}

	/** The URI of the nearest exported object at or above a reference's owner (Xtext's {@code findExportedContainerURI}). */
	private URI exportedContainer(EObject owner) {
		for (EObject o = owner; o != null; o = o.eContainer()) {
			if (names.getFullyQualifiedName(o) != null) {
				return org.eclipse.emf.ecore.util.EcoreUtil.getURI(o);
			}
		}
		return null;
	}
}
