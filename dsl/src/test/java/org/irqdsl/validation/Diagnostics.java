package org.irqdsl.validation;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.StringInputStream;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.irqdsl.IrqDslStandaloneSetup;
import org.irqdsl.diagnostics.Finding;

import com.google.inject.Injector;

/**
 * Parses and validates .irqdsl text the way the command line does and returns its diagnostics as
 * {@code line: severity [id]} strings, so a test states exactly what a text must produce.
 */
public final class Diagnostics {

	private static final Injector INJECTOR = new IrqDslStandaloneSetup().createInjectorAndDoEMFRegistration();

	private Diagnostics() {
	}

	private static XtextResource last;

	/** The resource of the last text validated (the last file of the last call). */
	public static XtextResource lastResource() {
		return last;
	}

	/** Validates {@code files} (name, text, name, text...) in one resource set; diagnostics of all of them. */
	public static List<Issue> issues(String... namesAndTexts) {
		return issues(CheckMode.FAST_ONLY, namesAndTexts);
	}

	/**
	 * The issues in {@code mode}: FAST_ONLY is what the command line's check runs, NORMAL_AND_FAST
	 * what editors and the language server run (it adds the scenarios' simulated verdicts).
	 */
	public static List<Issue> issues(CheckMode mode, String... namesAndTexts) {
		String[] urisAndTexts = namesAndTexts.clone();
		for (int i = 0; i < urisAndTexts.length; i += 2) {
			urisAndTexts[i] = "memory:/ws/" + namesAndTexts[i];
		}
		return issuesAt(mode, urisAndTexts);
	}

	/** Like {@link #issues(String...)}, each file at the URI given (any scheme, with or without a folder). */
	public static List<Issue> issuesAt(String... urisAndTexts) {
		return issuesAt(CheckMode.FAST_ONLY, urisAndTexts);
	}

	private static List<Issue> issuesAt(CheckMode mode, String... urisAndTexts) {
		XtextResourceSet set = INJECTOR.getInstance(XtextResourceSet.class);
		List<Resource> resources = new java.util.ArrayList<>();
		for (int i = 0; i < urisAndTexts.length; i += 2) {
			// the resource factory by content type: an untitled: URI has no file extension
			Resource r = INJECTOR.getInstance(org.eclipse.xtext.resource.IResourceFactory.class).createResource(URI.createURI(urisAndTexts[i]));
			set.getResources().add(r);
			try {
				r.load(new StringInputStream(urisAndTexts[i + 1]), null);
			} catch (java.io.IOException e) {
				throw new IllegalStateException(e);
			}
			resources.add(r);
			last = (XtextResource) r;
		}
		IResourceValidator validator = INJECTOR.getInstance(IResourceValidator.class);
		return resources.stream().flatMap(r -> validator.validate(r, mode, CancelIndicator.NullImpl).stream()).toList();
	}

	/** The diagnostics of one text as {@code line: severity [id]}. */
	public static List<String> of(String text) {
		return issues("test.irqdsl", text).stream().map(Diagnostics::brief).collect(Collectors.toList());
	}

	/** The ids of one text's diagnostics. */
	public static List<String> ids(String text) {
		return issues("test.irqdsl", text).stream().map(i -> IrqDslChecks.idOf(i)).collect(Collectors.toList());
	}

	public static String brief(Issue i) {
		Finding f = new Finding("", i.getLineNumber(), i.getColumn(), IrqDslChecks.label(i.getSeverity()), i.getMessage(),
				IrqDslChecks.idOf(i));
		return f.line() + ": " + f.severity() + " [" + f.id() + "]";
	}

	/** The messages of one text's diagnostics. */
	public static List<String> messages(String text) {
		return issues("test.irqdsl", text).stream().map(Issue::getMessage).collect(Collectors.toList());
	}
}
