package org.irqdsl.ide.server;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.build.BuildContext;
import org.eclipse.xtext.build.Indexer;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.service.OperationCanceledManager;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsData;
import org.irqdsl.resource.DescriptionSnapshots;

import com.google.inject.Inject;

/**
 * Xtext's first pass of a build (which files changed their exported names), with a changed file's
 * exported names taken from its previous entry when only elements linked alone changed
 * ({@link DescriptionSnapshots#exported}) instead of a walk of the whole file.
 */
public class IncrementalIndexer extends Indexer {

	@Inject
	private OperationCanceledManager operationCanceled;

	@Override
	protected IResourceDescription.Delta addToIndex(Resource resource, boolean isPreIndexing, ResourceDescriptionsData oldIndex,
			BuildContext context) {
		if (!(resource instanceof XtextResource xtext)) {
			return super.addToIndex(resource, isPreIndexing, oldIndex, context);
		}
		operationCanceled.checkCanceled(context.getCancelIndicator());
		URI uri = resource.getURI();
		IResourceDescription.Manager manager = context.getResourceServiceProvider(uri).getResourceDescriptionManager();
		IResourceDescription old = oldIndex != null ? oldIndex.getResourceDescription(uri) : null;
		return manager.createDelta(old, snapshots(xtext).exported(resource, old));
	}

	/** The language's snapshots (the server's own injector knows no language services). */
	static DescriptionSnapshots snapshots(XtextResource resource) {
		return resource.getResourceServiceProvider().get(DescriptionSnapshots.class);
	}
}
