package org.irqdsl.ui;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.irqdsl.ide.IrqDslIdeSetup;

import com.google.inject.Injector;

/**
 * The irqdsl language in-process: the Xtext injector of dsl.ide ({@link IrqDslIdeSetup}, the same
 * services as the language server) and parsing of an editor's text together with the other
 * {@code .irqdsl} files of its folder (platforms are visible across the files of a folder).
 */
public final class IrqDslLanguage {

	public static final String FILE_EXTENSION = "irqdsl";

	private static volatile Injector injector;

	private IrqDslLanguage() {
	}

	public static Injector injector() {
		Injector result = injector;
		if (result == null) {
			synchronized (IrqDslLanguage.class) {
				result = injector;
				if (result == null) {
					// Guice's bytecode generation needs --add-opens java.base/java.lang, which a stock
					// eclipse.ini does not have: off for the embedded Guice (read once, when its first
					// injector is made), and the property restored for any other Guice in the IDE
					String flag = "guice_bytecode_gen_option";
					String before = System.getProperty(flag);
					if (before == null) {
						System.setProperty(flag, "DISABLED");
					}
					ClassLoader previous = Thread.currentThread().getContextClassLoader();
					Thread.currentThread().setContextClassLoader(IrqDslLanguage.class.getClassLoader());
					try {
						result = new IrqDslIdeSetup().createInjectorAndDoEMFRegistration();
					} finally {
						Thread.currentThread().setContextClassLoader(previous);
						if (before == null) {
							System.clearProperty(flag);
						}
					}
					injector = result;
				}
			}
		}
		return result;
	}

	/** A parsed text: its resource (in a resource set with its folder's other files) and its LSP document. */
	public record Parsed(XtextResource resource, Document document, String text) {

		public List<Issue> validate(CancelIndicator cancel) {
			return injector().getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL, cancel);
		}
	}

	/**
	 * Parses {@code text} as the file at {@code location} (an absolute path; may be null for a text
	 * without a file), with the other {@code .irqdsl} files of its folder as they are on disk.
	 */
	public static Parsed parse(Path location, String text) {
		Injector inj = injector();
		XtextResourceSet set = inj.getInstance(XtextResourceSet.class);
		IResourceFactory factory = inj.getInstance(IResourceFactory.class);
		Path file = location == null ? Path.of("untitled." + FILE_EXTENSION).toAbsolutePath() : location.toAbsolutePath().normalize();
		XtextResource resource = load(set, factory, file, text);
		for (Path sibling : siblings(file)) {
			try {
				load(set, factory, sibling, Files.readString(sibling, StandardCharsets.UTF_8));
			} catch (IOException | RuntimeException unreadable) {
				// an unreadable sibling only loses its platforms for references; its own editor reports it
			}
		}
		return new Parsed(resource, new Document(1, text), text);
	}

	private static XtextResource load(XtextResourceSet set, IResourceFactory factory, Path file, String text) {
		XtextResource resource = (XtextResource) factory.createResource(URI.createFileURI(file.toString()));
		set.getResources().add(resource);
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
					Map.of(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name()));
		} catch (IOException e) {
			throw new IllegalStateException("in-memory load failed for " + file, e);
		}
		return resource;
	}

	private static List<Path> siblings(Path file) {
		List<Path> result = new ArrayList<>();
		Path folder = file.getParent();
		if (folder == null || !Files.isDirectory(folder)) {
			return result;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*." + FILE_EXTENSION)) {
			for (Path p : files) {
				if (!p.toAbsolutePath().normalize().equals(file) && Files.isRegularFile(p) && Files.size(p) < (4 << 20)) {
					result.add(p.toAbsolutePath().normalize());
				}
			}
		} catch (IOException | RuntimeException e) {
			// no siblings
		}
		result.sort(null);
		return result;
	}

	/** Line (0-based) and character of an offset, as LSP positions count them. */
	public static org.eclipse.lsp4j.Position position(Parsed parsed, int offset) {
		return parsed.document().getPosition(Math.max(0, Math.min(offset, parsed.text().length())));
	}

	public static int offset(Parsed parsed, org.eclipse.lsp4j.Position position) {
		try {
			return parsed.document().getOffSet(position);
		} catch (IndexOutOfBoundsException e) {
			return parsed.text().length();
		}
	}
}
