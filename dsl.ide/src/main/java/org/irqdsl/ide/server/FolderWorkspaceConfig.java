package org.irqdsl.ide.server;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.util.IFileSystemScanner;
import org.eclipse.xtext.util.UriExtensions;
import org.eclipse.xtext.workspace.IProjectConfig;
import org.eclipse.xtext.workspace.ISourceFolder;
import org.eclipse.xtext.workspace.IWorkspaceConfig;
import org.irqdsl.scoping.FolderContainerManager;

/**
 * The language server's workspace as the language sees it: one project per folder that holds
 * {@code .irqdsl} files (a folder is one workspace, {@link FolderContainerManager}), its files only,
 * not its subfolders'. The roots the client sends only say where to look for folders first; a
 * document opened in any other folder adds that folder ({@link FolderWorkspaceManager}). So a file
 * is indexed with the same neighbours whether the root is its folder, a parent, one of several,
 * or none.
 */
final class FolderWorkspaceConfig implements IWorkspaceConfig {

	static final String EXTENSION = ".irqdsl";

	private static final UriExtensions URIS = new UriExtensions();

	private final Map<URI, FolderProject> projects = new LinkedHashMap<>();

	/** The folders with .irqdsl files under the roots, and the extra folders. */
	FolderWorkspaceConfig(Collection<Path> roots, Collection<Path> extraFolders) {
		Set<Path> folders = new LinkedHashSet<>();
		for (Path root : roots) {
			folders.addAll(foldersWithSources(root));
		}
		folders.addAll(extraFolders);
		for (Path folder : folders) {
			FolderProject project = new FolderProject(folder);
			projects.putIfAbsent(project.getPath(), project);
		}
	}

	/** The URI of a folder as the language server writes it (empty authority, trailing slash). */
	static URI folderUri(Path folder) {
		return URIS.withEmptyAuthority(URI.createFileURI(folder.toAbsolutePath().normalize().toString())).appendSegment("");
	}

	static URI fileUri(Path file) {
		return URIS.withEmptyAuthority(URI.createFileURI(file.toAbsolutePath().normalize().toString()));
	}

	private static List<Path> foldersWithSources(Path root) {
		List<Path> result = new ArrayList<>();
		if (!Files.isDirectory(root)) {
			return result;
		}
		try {
			Files.walkFileTree(root, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
					String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
					if (!dir.equals(root) && (name.startsWith(".") || name.equals("node_modules"))) {
						return FileVisitResult.SKIP_SUBTREE;
					}
					if (!sources(dir).isEmpty()) {
						result.add(dir.toAbsolutePath().normalize());
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException e) {
					return FileVisitResult.CONTINUE; // an unreadable folder holds nothing to index
				}
			});
		} catch (IOException e) {
			// the folders found so far
		}
		return result;
	}

	/** The .irqdsl files of one folder, not of its subfolders. */
	static List<Path> sources(Path folder) {
		try (Stream<Path> list = Files.list(folder)) {
			return list.filter(f -> f.getFileName().toString().endsWith(EXTENSION) && Files.isRegularFile(f)).sorted().toList();
		} catch (IOException | RuntimeException e) {
			return List.of();
		}
	}

	@Override
	public Set<? extends IProjectConfig> getProjects() {
		return new LinkedHashSet<>(projects.values());
	}

	@Override
	public IProjectConfig findProjectContaining(URI member) {
		URI folder = FolderContainerManager.folderOf(member);
		return folder == null ? null : projects.get(folder.appendSegment(""));
	}

	@Override
	public IProjectConfig findProjectByName(String name) {
		return projects.values().stream().filter(p -> p.getName().equals(name)).findFirst().orElse(null);
	}

	/** One folder: a project with one source folder, the folder itself without its subfolders. */
	final class FolderProject implements IProjectConfig, ISourceFolder {

		private final Path folder;
		private final URI uri;

		FolderProject(Path folder) {
			this.folder = folder.toAbsolutePath().normalize();
			this.uri = folderUri(folder);
		}

		@Override
		public String getName() {
			return uri.toString(); // unique, unlike the folder's simple name
		}

		@Override
		public URI getPath() {
			return uri;
		}

		@Override
		public Set<? extends ISourceFolder> getSourceFolders() {
			return Set.of(this);
		}

		@Override
		public ISourceFolder findSourceFolderContaining(URI member) {
			return contains(member) ? this : null;
		}

		@Override
		public boolean contains(URI member) {
			URI memberFolder = FolderContainerManager.folderOf(member);
			return memberFolder != null && memberFolder.appendSegment("").equals(uri);
		}

		@Override
		public List<URI> getAllResources(IFileSystemScanner scanner) {
			return sources(folder).stream().map(FolderWorkspaceConfig::fileUri).toList();
		}

		@Override
		public IWorkspaceConfig getWorkspaceConfig() {
			return FolderWorkspaceConfig.this;
		}
	}
}
