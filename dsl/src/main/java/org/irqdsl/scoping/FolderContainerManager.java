package org.irqdsl.scoping;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.IContainer;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;

/**
 * One folder is one workspace: the container of a file is the set of indexed files of its own
 * folder, and it sees no other container. So what a file resolves does not depend on how the host
 * grouped the files (the command line's arguments, a language-server root or project, an Eclipse
 * project): only on which files sit next to it. A resource without a folder (an opaque
 * {@code untitled:} URI, a relative in-memory URI) is a container of its own.
 */
public class FolderContainerManager implements IContainer.Manager {

	@Override
	public IContainer getContainer(IResourceDescription desc, IResourceDescriptions resourceDescriptions) {
		return new FolderContainer(desc, resourceDescriptions);
	}

	@Override
	public List<IContainer> getVisibleContainers(IResourceDescription desc, IResourceDescriptions resourceDescriptions) {
		return List.of(getContainer(desc, resourceDescriptions));
	}

	/** The folder of a resource, or null when its URI has none. */
	public static URI folderOf(URI uri) {
		if (uri == null || !uri.isHierarchical() || uri.isRelative() || uri.segmentCount() == 0) {
			return null;
		}
		return uri.trimFragment().trimQuery().trimSegments(1);
	}

	/** Whether two resources are files of the same folder. */
	public static boolean sameFolder(URI a, URI b) {
		URI folder = folderOf(a);
		return folder != null && folder.equals(folderOf(b));
	}

	/**
	 * The files of a description's folder in an index (itself included, as described, even when the
	 * index has an older or no description of it). Computed once, on first use: the host has loaded
	 * the folder by then.
	 */
	static final class FolderContainer extends org.eclipse.xtext.resource.impl.AbstractContainer {

		private final IResourceDescription self;
		private final IResourceDescriptions index;
		private List<IResourceDescription> members;

		FolderContainer(IResourceDescription self, IResourceDescriptions index) {
			this.self = self;
			this.index = index;
		}

		@Override
		public synchronized Iterable<IResourceDescription> getResourceDescriptions() {
			if (members == null) {
				List<IResourceDescription> result = new ArrayList<>();
				result.add(self);
				if (folderOf(self.getURI()) != null) {
					java.util.Set<URI> seen = new java.util.HashSet<>();
					seen.add(self.getURI());
					for (IResourceDescription d : index.getAllResourceDescriptions()) {
						// an index made of several chunks (language-server projects) may list a file twice: the first wins
						if (sameFolder(self.getURI(), d.getURI()) && seen.add(d.getURI())) {
							result.add(d);
						}
					}
				}
				members = result;
			}
			return members;
		}

		@Override
		public boolean isEmpty() {
			return false;
		}
	}
}
