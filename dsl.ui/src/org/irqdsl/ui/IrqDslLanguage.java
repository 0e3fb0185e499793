package org.irqdsl.ui;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.irqdsl.diagnostics.Finding;
import org.irqdsl.validation.policy.SeverityPolicy;
import org.irqdsl.workspace.SourceFile;
import org.irqdsl.workspace.SourceFiles;
import org.irqdsl.workspace.WorkspaceChecker;
import org.irqdsl.ide.IrqDslIdeSetup;
import org.irqdsl.workspace.FolderLoader;

import com.google.inject.Injector;

/**
 * The irqdsl language in-process: the Xtext injector of dsl.ide ({@link IrqDslIdeSetup}, the same
 * services as the language server), and an editor's text checked by the command line's own
 * classes, so that the plugin's markers are {@code irqdsl check}'s findings.
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
						// the language's own bindings, syntax and linking messages included: the same as the CLI's
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

	/**
	 * A loaded text: its resource (loaded with its folder's other files, as {@code irqdsl check}
	 * loads it) and its LSP document. Hover, completion, links and formatting need no more.
	 */
	public record Parsed(XtextResource resource, Document document, String text) {

		/** The language's issues of the resource, with offsets, simulated verdicts included (quick fixes, scenario runs). */
		public List<Issue> validate(CancelIndicator cancel) {
			return injector().getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL, cancel);
		}
	}

	/** A checked text: what {@code irqdsl check --simulate} finds in it (the markers), and the text it was found in. */
	public record Checked(Parsed parsed, List<Finding> findings) {
	}

	/** The size limit of a file, as {@code irqdsl check}'s default {@code --max-file-size}. */
	private static final long MAX_BYTES = 8L << 20;

	/**
	 * Loads {@code text} as the file at {@code location} (an absolute path; null for a text without
	 * a file, which then sees only itself) with the other {@code .irqdsl} files of its folder as they
	 * are on disk ({@link org.irqdsl.workspace.FolderLoader}), without running the checks.
	 */
	public static Parsed parse(Path location, String text) {
		Path file = file(location);
		XtextResource resource = (XtextResource) injector().getInstance(WorkspaceChecker.class).load(List.of(file), reader(file, text))
				.get(file);
		return new Parsed(resource, new Document(1, text), text);
	}

	/**
	 * Loads and checks {@code text} as {@link #parse} loads it, the way {@code irqdsl check --simulate}
	 * does ({@link WorkspaceChecker}, CheckMode.ALL: the scenarios' verdicts too, as the language
	 * server reports them).
	 */
	public static Checked check(Path location, String text) {
		Path file = file(location);
		WorkspaceChecker.Checked checked = injector().getInstance(WorkspaceChecker.class).checkKeeping(List.of(file),
				reader(file, text), SeverityPolicy.NONE, CheckMode.ALL);
		XtextResource resource = (XtextResource) checked.resources().get(file);
		return new Checked(new Parsed(resource, new Document(1, text), text), checked.result().findings());
	}

	private static Path file(Path location) {
		return location == null ? untitled() : FolderLoader.key(location);
	}

	/** The files on disk, except {@code file}, whose text is the editor's. */
	private static SourceFiles reader(Path file, String text) {
		return new SourceFiles(MAX_BYTES) {
			@Override
			public SourceFile read(Path path) {
				return FolderLoader.key(path).equals(file) ? SourceFile.read(path, text) : super.read(path);
			}
		};
	}

	/** A file in a folder that does not exist: no siblings. */
	private static Path untitled() {
		return Path.of(System.getProperty("java.io.tmpdir"), "irqdsl-untitled-" + java.util.UUID.randomUUID(), "untitled." + FILE_EXTENSION);
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
