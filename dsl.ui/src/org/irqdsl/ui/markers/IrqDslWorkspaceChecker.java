package org.irqdsl.ui.markers;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.irqdsl.ui.IrqDslActivator;
import org.irqdsl.ui.IrqDslLanguage;

/**
 * Problem markers for the {@code .irqdsl} files no editor has open: when the plugin starts, and
 * whenever a file is saved, added or changed on disk, the files of its folder are checked again
 * (platforms are visible across a folder's files). Files open in an editor are the editor's: it
 * checks their unsaved text as it changes.
 */
public final class IrqDslWorkspaceChecker implements IResourceChangeListener {

	private final Set<IFile> pending = new LinkedHashSet<>();
	private final Job job = Job.create("Checking irqdsl files", this::run);

	public void start() {
		job.setSystem(true);
		ResourcesPlugin.getWorkspace().addResourceChangeListener(this, IResourceChangeEvent.POST_CHANGE);
		try {
			ResourcesPlugin.getWorkspace().getRoot().accept(resource -> {
				if (isIrqdsl(resource)) {
					enqueue((IFile) resource);
				}
				return resource.getType() != IResource.FILE && (resource.getType() != IResource.PROJECT || resource.isAccessible());
			});
		} catch (CoreException e) {
			IrqDslActivator.log("cannot list the workspace's irqdsl files", e);
		}
	}

	public void stop() {
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(this);
		job.cancel();
	}

	private static boolean isIrqdsl(IResource resource) {
		return resource.getType() == IResource.FILE && IrqDslLanguage.FILE_EXTENSION.equals(resource.getFileExtension());
	}

	@Override
	public void resourceChanged(IResourceChangeEvent event) {
		if (event.getDelta() == null) {
			return;
		}
		try {
			event.getDelta().accept(delta -> {
				IResource resource = delta.getResource();
				if (isIrqdsl(resource) && (delta.getKind() == IResourceDelta.REMOVED || delta.getKind() == IResourceDelta.ADDED
						|| (delta.getFlags() & (IResourceDelta.CONTENT | IResourceDelta.REPLACED)) != 0)) {
					// the folder's other files may see (or lose) its platforms
					IContainer folder = resource.getParent();
					if (folder.isAccessible()) {
						for (IResource sibling : folder.members()) {
							if (isIrqdsl(sibling)) {
								enqueue((IFile) sibling);
							}
						}
					}
				}
				return true;
			});
		} catch (CoreException e) {
			IrqDslActivator.log("cannot follow the changes of irqdsl files", e);
		}
	}

	/** Checks the file again as it is on disk (an editor closed without saving leaves its markers behind). */
	public void recheck(IFile file) {
		if (file != null && isIrqdsl(file)) {
			enqueue(file);
		}
	}

	private void enqueue(IFile file) {
		synchronized (pending) {
			pending.add(file);
		}
		job.schedule(200);
	}

	private IStatus run(IProgressMonitor monitor) {
		while (!monitor.isCanceled()) {
			IFile file;
			synchronized (pending) {
				if (pending.isEmpty()) {
					return Status.OK_STATUS;
				}
				file = pending.iterator().next();
				pending.remove(file);
			}
			if (!file.isAccessible() || file.getLocation() == null
					|| FileBuffers.getTextFileBufferManager().getTextFileBuffer(file.getFullPath(), LocationKind.IFILE) != null) {
				continue; // gone, or open in an editor (which checks it)
			}
			try {
				String text = new String(file.readAllBytes(), StandardCharsets.UTF_8);
				IrqDslMarkers.replace(file, IrqDslLanguage.check(file.getLocation().toPath(), text));
			} catch (CoreException | RuntimeException e) {
				IrqDslActivator.log("cannot check " + file.getFullPath(), e);
			}
		}
		return Status.CANCEL_STATUS;
	}
}
