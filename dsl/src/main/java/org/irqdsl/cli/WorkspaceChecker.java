package org.irqdsl.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.irqdsl.validation.IrqDslChecks;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Loads .irqdsl files with the other files of their folders (so references across files resolve)
 * and validates the ones asked for.
 */
public class WorkspaceChecker {

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private IResourceValidator validator;

	/** Result of checking: findings of readable files, and the files that could not be read. */
	public record Result(List<Finding> findings, List<SourceFile> unreadable) {
	}

	public Result check(List<Path> files, SourceFiles reader, SeverityPolicy policy) {
		XtextResourceSet set = resourceSets.get();
		Map<Path, SourceFile> sources = new LinkedHashMap<>();
		for (Path file : files) {
			sources.put(file.toAbsolutePath().normalize(), reader.read(file));
		}
		// siblings give cross-file references; an unreadable sibling is only reported when asked for
		for (Path file : files) {
			for (Path sibling : SourceFiles.siblings(file)) {
				sources.computeIfAbsent(sibling.toAbsolutePath().normalize(), reader::read);
			}
		}
		Map<Path, Resource> resources = new LinkedHashMap<>();
		for (Map.Entry<Path, SourceFile> e : sources.entrySet()) {
			if (e.getValue().readable()) {
				resources.put(e.getKey(), load(set, e.getKey(), e.getValue().text()));
			}
		}
		List<Finding> findings = new ArrayList<>();
		List<SourceFile> unreadable = new ArrayList<>();
		for (Path file : files) {
			Path key = file.toAbsolutePath().normalize();
			SourceFile source = sources.get(key);
			if (!source.readable()) {
				unreadable.add(SourceFile.unreadable(file, source.problem(), source.problemLine()));
				continue;
			}
			Resource resource = resources.get(key);
			for (Issue issue : validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl)) {
				String id = idOf(issue);
				String severity = IrqDslChecks.label(issue.getSeverity());
				policy.apply(id, severity).ifPresent(s -> findings.add(new Finding(file.toString(),
						issue.getLineNumber() == null ? 1 : issue.getLineNumber(),
						issue.getColumn() == null ? 1 : issue.getColumn(), s, issue.getMessage(), id)));
			}
		}
		return new Result(findings, unreadable);
	}

	private static Resource load(XtextResourceSet set, Path path, String text) {
		XtextResource resource = (XtextResource) set.createResource(URI.createFileURI(path.toString()));
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
					Map.of(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name()));
		} catch (IOException e) {
			throw new IllegalStateException("in-memory load failed for " + path, e);
		}
		return resource;
	}

	/** The id a diagnostic is printed with (see {@link IrqDslChecks#idOf(Issue)}). */
	static String idOf(Issue issue) {
		return IrqDslChecks.idOf(issue);
	}
}
