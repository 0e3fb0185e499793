package org.irqdsl.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.resource.XtextSyntaxDiagnostic;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.irqDsl.Scenario;
import org.irqdsl.validation.IrqDslChecks;
import org.irqdsl.workspace.FolderLoader;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Loads .irqdsl files with the other files of their folders (so references across files resolve)
 * and validates the ones asked for.
 * <p>
 * What the command line adds to the language's own diagnostics:
 * <ul>
 * <li>every syntax error of a file is found, each at its own position: after an error the
 * parse is redone without the broken line (or, at the top level, without the text up to the next
 * declaration), where ANTLR's recovery would skip the rest of the block or of the file;</li>
 * <li>a file with syntax errors gets only its syntax errors: the checks of half-parsed text
 * describe what is not there (a device "null", a vector range 0x20..0x0);</li>
 * <li>findings are sorted by position within each file;</li>
 * <li>an exception inside Xtext or a check (which Xtext logs and swallows) becomes an internal
 * error naming the file, instead of a stack trace and silently incomplete results.</li>
 * </ul>
 */
public class WorkspaceChecker {

	/** At most this many re-parses of a file to find its syntax errors ({@link #load}). */
	static final int MAX_REPARSES = 100;

	/** ... and at most this many characters parsed for it in all. */
	static final long REPARSE_BUDGET_CHARS = 32L << 20;

	private static final Pattern RESUME_AT = Pattern.compile("(?m)^[ \\t]*(platform|scenario)\\b");
	private static final Pattern UNRESOLVED = Pattern.compile("Couldn't resolve reference to (\\w+) '(.*)'\\.?");
	private static final int MAX_CANDIDATES = 8;

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private IResourceValidator validator;

	@Inject
	private IScopeProvider scopes;

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

	public Result check(List<Path> files, SourceFiles reader, SeverityPolicy policy) {
		return checkKeeping(files, reader, policy).result();
	}

	/** What {@link #check} finds, and the loaded resource of each readable file asked for (to generate or simulate it). */
	public record Checked(Result result, Map<Path, Resource> resources) {
	}

	/** Like {@link #check}, keeping the resources of the files asked for (keyed by the path as given). */
	public Checked checkKeeping(List<Path> files, SourceFiles reader, SeverityPolicy policy) {
		try (InternalErrors internal = InternalErrors.capture()) {
			Map<Path, Resource> kept = new LinkedHashMap<>();
			Result result = check(files, reader, policy, internal, kept);
			return new Checked(result, kept);
		}
	}

	private Result check(List<Path> files, SourceFiles reader, SeverityPolicy policy, InternalErrors internal,
			Map<Path, Resource> kept) {
		XtextResourceSet set = resourceSets.get();
		// the folder rule: each file sees its folder's files; an unreadable sibling is only reported when asked for
		Map<Path, SourceFile> sources = FolderLoader.sources(files, reader::read);
		Map<Path, Loaded> resources = new LinkedHashMap<>();
		for (Map.Entry<Path, SourceFile> e : sources.entrySet()) {
			if (e.getValue().readable()) {
				resources.put(e.getKey(), load(set, e.getKey(), e.getValue().text()));
			}
		}
		List<Finding> findings = new ArrayList<>();
		List<SourceFile> unreadable = new ArrayList<>();
		List<String> internalErrors = new ArrayList<>();
		for (Path file : files) {
			Path key = file.toAbsolutePath().normalize();
			SourceFile source = sources.get(key);
			if (!source.readable()) {
				unreadable.add(SourceFile.unreadable(file, source.problem(), source.problemLine(), source.problemColumn()));
				findings.add(new Finding(file.toString(), Math.max(source.problemLine(), 1), Math.max(source.problemColumn(), 1),
						"error", source.problem(), IrqDslChecks.UNREADABLE.id()));
				continue;
			}
			int before = internal.count();
			kept.put(file, resources.get(key).resource());
			findings.addAll(validate(file, resources.get(key), policy));
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

	/**
	 * "unknown domain 'nosuch' (known here: vector, ir)" for Xtext's "Couldn't resolve reference to
	 * Domain 'nosuch'.": the language's word for the kind of thing, and a few names that would resolve.
	 */
	String unresolved(Resource resource, Issue issue) {
		String message = issue.getMessage();
		Matcher m = message == null ? null : UNRESOLVED.matcher(message);
		if (m == null || !m.matches()) {
			return message;
		}
		String kind = m.group(1).toLowerCase();
		StringBuilder result = new StringBuilder("unknown ").append(kind).append(" '").append(m.group(2)).append("'");
		try {
			EObject context = issue.getUriToProblem() == null ? null : resource.getEObject(issue.getUriToProblem().fragment());
			EReference reference = context == null ? null : referenceAt(resource, issue.getOffset(), context);
			if (reference == null) {
				return result.toString();
			}
			Scenario scenario = EcoreUtil2.getContainerOfType(context, Scenario.class);
			if (reference.getEReferenceType() == IrqDslPackage.Literals.DEVICE && scenario != null
					&& (scenario.getPlatform() == null || scenario.getPlatform().eIsProxy())) {
				return result.append(": the scenario's platform is unknown").toString();
			}
			List<String> names = candidates(scopes.getScope(context, reference));
			if (names.isEmpty()) {
				return result.append(": no ").append(kind).append(" is visible here").toString();
			}
			return result.append(" (known here: ").append(String.join(", ", names))
					.append(names.size() == MAX_CANDIDATES ? ", ..." : "").append(")").toString();
		} catch (RuntimeException e) {
			return result.toString();
		}
	}

	/** The cross-reference whose text is at {@code offset}. */
	private static EReference referenceAt(Resource resource, Integer offset, EObject context) {
		if (offset == null || !(resource instanceof XtextResource x) || x.getParseResult() == null) {
			return null;
		}
		for (INode node = NodeModelUtils.findLeafNodeAtOffset(x.getParseResult().getRootNode(), offset); node != null; node = node
				.getParent()) {
			EObject element = node.getGrammarElement();
			CrossReference cross = element instanceof CrossReference c ? c
					: element instanceof RuleCall call && call.eContainer() instanceof CrossReference c ? c : null;
			if (cross != null) {
				return GrammarUtil.getReference(cross, context.eClass());
			}
		}
		return null;
	}

	/** A few names a reference could use: simple names (the scope also offers qualified ones), in scope order. */
	private static List<String> candidates(IScope scope) {
		Set<String> simple = new LinkedHashSet<>();
		Set<String> qualified = new LinkedHashSet<>();
		for (IEObjectDescription d : scope.getAllElements()) {
			if (d.getName().getSegmentCount() == 1) {
				simple.add(d.getName().toString());
			} else if (qualified.size() < MAX_CANDIDATES) {
				qualified.add(d.getName().toString());
			}
			if (simple.size() >= MAX_CANDIDATES) {
				break;
			}
		}
		return new ArrayList<>(simple.isEmpty() ? qualified : simple);
	}

	private List<Finding> validate(Path file, Loaded loaded, SeverityPolicy policy) {
		String name = file.toString();
		List<Finding> syntax = new ArrayList<>();
		for (Skipped s : loaded.skipped()) {
			syntax.add(new Finding(name, s.line(), s.column(), "error", s.message(), IrqDslChecks.SYNTAX.id()));
		}
		List<Finding> other = new ArrayList<>();
		for (Issue issue : validator.validate(loaded.resource(), CheckMode.FAST_ONLY, CancelIndicator.NullImpl)) {
			String id = IrqDslChecks.idOf(issue);
			String message = IrqDslChecks.UNRESOLVED_REFERENCE.id().equals(id) ? unresolved(loaded.resource(), issue) : issue.getMessage();
			if (issue.isSyntaxError() && SyntaxMessages.TOP_LEVEL.equals(issue.getCode())) {
				message += "; the rest of the file is not checked";
			}
			Finding f = new Finding(name, issue.getLineNumber() == null ? 1 : issue.getLineNumber(),
					issue.getColumn() == null ? 1 : issue.getColumn(), IrqDslChecks.label(issue.getSeverity()), message, id);
			(issue.isSyntaxError() ? syntax : other).add(f);
		}
		// a file with syntax errors gets only those: checks of half-parsed text describe what is not
		// there (a device "null", a vector range 0x20..0x0, a platform "without CPUs")
		List<Finding> shown = syntax.isEmpty() ? other : syntax;
		List<Finding> result = new ArrayList<>();
		for (Finding f : shown) {
			policy.apply(f.id(), f.severity()).ifPresent(s -> result.add(withSeverity(f, s)));
		}
		result.sort(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column));
		return result;
	}

	private static Finding withSeverity(Finding f, String severity) {
		return new Finding(f.file(), f.line(), f.column(), severity, f.message(), f.id());
	}

	/** A loaded file: its resource, and the syntax errors of text skipped at the top level. */
	private record Loaded(Resource resource, List<Skipped> skipped) {
	}

	/** A top-level syntax error after which the parse was resumed further down. */
	private record Skipped(int line, int column, String message) {
	}

	/**
	 * Parses the text so that every syntax error is found. ANTLR recovers from an error by skipping
	 * tokens up to one that may follow the rule it was in: at the top level that is the end of the
	 * file, inside a block it can be the end of the block, so errors in what it skipped are never
	 * reported, and it may report a cascade instead (a {@code device} "out of place" after a device
	 * line whose recovery closed the bus). So, error by error from the first: keep the error, blank
	 * its line (when the line's braces balance, removing it keeps the block structure) or, at the
	 * top level, the text up to the next line starting with {@code platform} or {@code scenario},
	 * keeping line breaks so that every position stays the same, and parse again; within a budget
	 * of re-parses. The resource returned is the last parse: the text without its broken lines.
	 */
	private Loaded load(XtextResourceSet set, Path path, String text) {
		List<Skipped> kept = new ArrayList<>();
		String current = text;
		int done = 0; // errors before this offset have been kept, their text blanked
		long parsed = 0;
		for (int parses = 1;; parses++) {
			XtextResource resource = parse(set, path, current);
			parsed += current.length();
			XtextSyntaxDiagnostic first = firstError(resource, done);
			if (first == null || parses > MAX_REPARSES || parsed + current.length() > REPARSE_BUDGET_CHARS) {
				return new Loaded(resource, kept);
			}
			int from = Math.min(first.getOffset(), current.length());
			int lineStart = current.lastIndexOf('\n', from - 1) + 1;
			int lineEnd = current.indexOf('\n', from);
			lineEnd = lineEnd < 0 ? current.length() : lineEnd;
			String message = first.getMessage();
			int blankFrom;
			int blankTo;
			if (SyntaxMessages.TOP_LEVEL.equals(first.getCode())) {
				Matcher next = RESUME_AT.matcher(current);
				if (!next.find(Math.min(from + Math.max(first.getLength(), 1), current.length()))) {
					return new Loaded(resource, kept);
				}
				blankFrom = from;
				blankTo = next.start(1);
				message += "; skipped to line " + lineOf(current, blankTo);
			} else if (!current.substring(lineStart, lineEnd).isBlank() && balanced(current, lineStart, lineEnd)) {
				blankFrom = lineStart;
				blankTo = lineEnd;
			} else {
				return new Loaded(resource, kept);
			}
			kept.add(new Skipped(first.getLine(), first.getColumn(), message));
			set.getResources().remove(resource);
			current = blank(current, blankFrom, blankTo);
			done = Math.max(blankTo, from + 1);
		}
	}

	/** The syntax error with the smallest offset at or after {@code from}. */
	private static XtextSyntaxDiagnostic firstError(Resource resource, int from) {
		XtextSyntaxDiagnostic first = null;
		for (Resource.Diagnostic d : resource.getErrors()) {
			if (d instanceof XtextSyntaxDiagnostic s && s.getOffset() >= from && (first == null || s.getOffset() < first.getOffset())) {
				first = s;
			}
		}
		return first;
	}

	private static int lineOf(String text, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	/** Whether the braces of a line balance, outside strings and comments. */
	static boolean balanced(String text, int from, int to) {
		int depth = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c == '"') {
				for (i++; i < to && text.charAt(i) != '"'; i++) {
					if (text.charAt(i) == '\\') {
						i++;
					}
				}
			} else if (c == '/' && i + 1 < to && text.charAt(i + 1) == '/') {
				break;
			} else if (c == '{') {
				depth++;
			} else if (c == '}') {
				if (--depth < 0) {
					return false;
				}
			}
		}
		return depth == 0;
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

	/** The text with [from, to) replaced by spaces, line breaks kept. */
	private static String blank(String text, int from, int to) {
		StringBuilder b = new StringBuilder(text);
		for (int i = from; i < to; i++) {
			char c = b.charAt(i);
			if (c != '\n' && c != '\r') {
				b.setCharAt(i, ' ');
			}
		}
		return b.toString();
	}
}
