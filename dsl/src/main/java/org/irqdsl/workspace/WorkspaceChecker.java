package org.irqdsl.workspace;

import org.irqdsl.diagnostics.Finding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.irqdsl.validation.IrqDslChecks;
import org.irqdsl.validation.policy.CheckPolicies;
import org.irqdsl.validation.policy.SeverityPolicy;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Loads .irqdsl files with the other files of their folders (so references across files resolve)
 * and validates the ones asked for.
 * <p>
 * The diagnostics are the language's, as every host gets them (every syntax error, the wording of
 * unknown names, a file with syntax errors gets only those, a check that throws is an
 * {@code internal-error}: see {@code IrqDslRuntimeModule}). What the command line adds:
 * <ul>
 * <li>unreadable files and the severity policy ({@code -W}/{@code -E});</li>
 * <li>findings are sorted by position within each file;</li>
 * <li>an {@code internal-error} finding, or an exception Xtext logs and swallows outside the
 * checks (linking, scoping), becomes an internal error naming the file (exit status 3), instead of a
 * stack trace and silently incomplete results.</li>
 * </ul>
 */
public class WorkspaceChecker {

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private IResourceValidator validator;

	/** This injector's resources (parser, messages), whatever another injector registered globally for .irqdsl. */
	@Inject
	private IResourceFactory resourceFactory;

	/**
	 * Result of checking: findings of the files asked for, in file order (an unreadable file
	 * contributes its {@code unreadable} finding), the files that could not be read, and internal
	 * errors (a check or Xtext failed on a file: its findings may be incomplete).
	 */
	public record Result(List<Finding> findings, List<SourceFile> unreadable, List<String> internalErrors) {
	}

	/** The FAST checks of {@code files} (and their folders' files for references): what {@code irqdsl check} runs. */
	public Result check(List<Path> files, SourceFiles reader, SeverityPolicy policy) {
		return checkKeeping(files, reader, policy).result();
	}

	/** Like {@link #check} in a mode: {@code CheckMode.ALL} adds the scenarios' simulated verdicts, as editors show them. */
	public Result check(List<Path> files, SourceFiles reader, SeverityPolicy policy, CheckMode mode) {
		return checkKeeping(files, reader, policy, mode).result();
	}

	/** What {@link #check} finds, and the loaded resource of each readable file asked for (to generate or simulate it). */
	public record Checked(Result result, Map<Path, Resource> resources) {
	}

	/** Like {@link #check}, keeping the resources of the files asked for (keyed by the path as given). */
	public Checked checkKeeping(List<Path> files, SourceFiles reader, SeverityPolicy policy) {
		return checkKeeping(files, reader, policy, CheckMode.FAST_ONLY);
	}

	/** Like {@link #checkKeeping(List, SourceFiles, SeverityPolicy)} in a mode (editors: {@code CheckMode.ALL}). */
	public Checked checkKeeping(List<Path> files, SourceFiles reader, SeverityPolicy policy, CheckMode mode) {
		try (InternalErrors internal = InternalErrors.capture()) {
			Map<Path, Resource> kept = new LinkedHashMap<>();
			Result result = check(files, reader, policy, mode, internal, kept);
			return new Checked(result, kept);
		}
	}

	private Result check(List<Path> files, SourceFiles reader, SeverityPolicy policy, CheckMode mode, InternalErrors internal,
			Map<Path, Resource> kept) {
		XtextResourceSet set = resourceSets.get();
		CheckPolicies.useSwitches(set, policy); // the validator applies -W/-E over the folders' .irqdsl-checks
		// the folder rule: each file sees its folder's files; an unreadable sibling is only reported when asked for
		Map<Path, SourceFile> sources = FolderLoader.sources(files, reader::read);
		Map<Path, Resource> resources = parseReadable(set, sources);
		List<Finding> findings = new ArrayList<>();
		List<SourceFile> unreadable = new ArrayList<>();
		List<String> internalErrors = new ArrayList<>();
		for (Path file : files) {
			Path key = FolderLoader.key(file);
			SourceFile source = sources.get(key);
			if (!source.readable()) {
				unreadable.add(SourceFile.unreadable(file, source.problem(), source.problemLine(), source.problemColumn()));
				findings.add(new Finding(file.toString(), Math.max(source.problemLine(), 1), Math.max(source.problemColumn(), 1),
						"error", source.problem(), IrqDslChecks.UNREADABLE.id()));
				continue;
			}
			int before = internal.count();
			kept.put(file, resources.get(key));
			List<Finding> found = validate(file, resources.get(key), mode);
			findings.addAll(found);
			for (Finding f : found) {
				if (IrqDslChecks.INTERNAL_ERROR.id().equals(f.id())) {
					internalErrors.add(file + ":" + f.line() + ":" + f.column() + ": " + f.message());
				}
			}
			if (internal.count() > before) {
				internalErrors.add(file + ": internal error while checking this file" + internal.describeSince(before)
						+ "; its findings may be incomplete. Please report it with the file (IRQDSL_DEBUG=1 prints the details).");
			}
		}
		if (internal.count() > 0 && internalErrors.isEmpty()) {
			internalErrors.add("internal error while loading the files" + internal.describeSince(0)
					+ "; the findings may be incomplete (IRQDSL_DEBUG=1 prints the details).");
		}
		return new Result(findings, unreadable, internalErrors);
	}

	private List<Finding> validate(Path file, Resource resource, CheckMode mode) {
		String name = file.toString();
		List<Finding> result = new ArrayList<>();
		for (Issue issue : validator.validate(resource, mode, CancelIndicator.NullImpl)) {
			if (issue.getSeverity() == Severity.IGNORE) {
				continue;
			}
			Finding f = Finding.of(name, issue);
			result.add(f); // the validator applied the policy (CheckPolicies.useSwitches above)
		}
		result.sort(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column));
		return result;
	}

	/**
	 * The resources of {@code files} (keyed by the path as given; an unreadable file has none),
	 * loaded with the other files of their folders and not validated: what an editor's hover,
	 * completion and links need, without running the checks on every request.
	 */
	public Map<Path, Resource> load(List<Path> files, SourceFiles reader) {
		Map<Path, Resource> resources = parseReadable(resourceSets.get(), FolderLoader.sources(files, reader::read));
		Map<Path, Resource> loaded = new LinkedHashMap<>();
		for (Path file : files) {
			Resource resource = resources.get(FolderLoader.key(file));
			if (resource != null) {
				loaded.put(file, resource);
			}
		}
		return loaded;
	}

	/** One resource per readable source, in one resource set (so that the folder's files see each other). */
	private Map<Path, Resource> parseReadable(XtextResourceSet set, Map<Path, SourceFile> sources) {
		Map<Path, Resource> resources = new LinkedHashMap<>();
		for (Map.Entry<Path, SourceFile> e : sources.entrySet()) {
			if (e.getValue().readable()) {
				resources.put(e.getKey(), parse(set, e.getKey(), e.getValue().text()));
			}
		}
		return resources;
	}

	private XtextResource parse(XtextResourceSet set, Path path, String text) {
		XtextResource resource = (XtextResource) resourceFactory.createResource(URI.createFileURI(path.toString()));
		set.getResources().add(resource);
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
					Map.of(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name()));
		} catch (IOException e) {
			throw new IllegalStateException("in-memory load failed for " + path, e);
		}
		return resource;
	}
}
