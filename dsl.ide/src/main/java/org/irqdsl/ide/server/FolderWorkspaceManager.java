package org.irqdsl.ide.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.xtext.ide.server.BuildManager.Buildable;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.eclipse.xtext.ide.server.WorkspaceManager;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.workspace.IWorkspaceConfig;

import com.google.inject.Inject;

/**
 * Xtext's workspace with {@link FolderWorkspaceConfig}: projects are folders, and a document
 * opened (or changed on disk) in a folder the roots did not cover adds its folder, indexed from
 * disk like any other, instead of being ignored.
 */
public class FolderWorkspaceManager extends WorkspaceManager {

	private final Set<Path> extraFolders = new LinkedHashSet<>();

	@Inject
	private UriExtensions uris;

	@Override
	protected IWorkspaceConfig createWorkspaceConfig() {
		List<Path> roots = new ArrayList<>();
		for (WorkspaceFolder root : getWorkspaceFolders()) {
			Path path = toPath(uris.toUri(root.getUri()));
			if (path != null) {
				roots.add(path);
			}
		}
		return new FolderWorkspaceConfig(roots, extraFolders);
	}

	@Override
	public Buildable didOpen(URI uri, Integer version, String contents) {
		addFolderOf(uri);
		return super.didOpen(uri, version, contents);
	}

	@Override
	public Buildable didChangeFiles(List<URI> dirtyFiles, List<URI> deletedFiles) {
		dirtyFiles.forEach(this::addFolderOf);
		return super.didChangeFiles(dirtyFiles, deletedFiles);
	}

	/** Makes the folder of a file a project when no project has it yet. */
	private void addFolderOf(URI uri) {
		Path file = toPath(uri);
		if (file == null || file.getParent() == null || !file.getFileName().toString().endsWith(FolderWorkspaceConfig.EXTENSION)
				|| getProjectConfig(uri) != null) {
			return;
		}
		extraFolders.add(file.getParent());
		refreshWorkspaceConfig(CancelIndicator.NullImpl);
	}

	private static Path toPath(URI uri) {
		if (uri == null || !uri.isFile()) {
			return null;
		}
		try {
			return Path.of(uri.toFileString()).toAbsolutePath().normalize();
		} catch (RuntimeException e) {
			return null;
		}
	}
}
