package org.irqdsl.validation.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.util.IAcceptor;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.CheckType;
import org.eclipse.xtext.validation.Issue;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.IrqDslChecks;

/**
 * What the resource validator hands on, under the file's {@link FilePolicy}: every issue (Xtext's
 * own syntax and linking issues too) at the policy's severity, or not at all when its check is off
 * or an irqdsl-ignore comment suppresses it; then the .irqdsl-checks file's bad lines
 * ({@code check-config}) and the suppressions that suppressed nothing ({@code unused-suppression}).
 * Collect with {@link #accept}, then {@link #finish}.
 */
public final class PolicyIssues implements IAcceptor<Issue> {

	private final Resource resource;
	private final CheckMode mode;
	private final CheckConfig config;
	private final FilePolicy policy;
	private final IAcceptor<Issue> out;
	private final List<Issue> collected = new ArrayList<>();

	public PolicyIssues(Resource resource, CheckMode mode, CheckPolicies policies, IAcceptor<Issue> out) {
		this.resource = resource;
		this.mode = mode;
		this.config = policies.config(resource);
		this.policy = policies.of(resource);
		this.out = out;
	}

	@Override
	public void accept(Issue issue) {
		collected.add(issue);
	}

	/** Hands on what was collected, filtered, and the configuration's own findings. */
	public void finish() {
		List<Suppression> suppressions = Suppression.of(resource);
		Set<String> used = new HashSet<>(); // "index:id" of each suppression id that suppressed something
		for (Issue issue : collected) {
			String id = IrqDslChecks.idOf(issue);
			Optional<Severity> severity = policy.severity(id, issue.getSeverity());
			if (severity.isEmpty()) {
				continue;
			}
			int suppressedBy = suppressing(suppressions, issue, id);
			if (suppressedBy >= 0) {
				used.add(suppressedBy + ":" + id);
				continue;
			}
			out.accept(severity.get() == issue.getSeverity() ? issue : copy(issue, severity.get()));
		}
		if (!mode.shouldCheck(CheckType.FAST)) {
			return; // what follows are FAST findings: an editor's NORMAL-only pass keeps the earlier ones
		}
		for (CheckConfig.Problem p : config.problems()) {
			report(IrqDslChecks.CHECK_CONFIG, display(config.file()) + ":" + p.line() + ": " + p.message(), 1, 1, 0, 0);
		}
		for (int i = 0; i < suppressions.size(); i++) {
			unused(suppressions.get(i), i, used);
		}
	}

	private static int suppressing(List<Suppression> suppressions, Issue issue, String id) {
		if (issue.getLineNumber() == null) {
			return -1;
		}
		for (int i = 0; i < suppressions.size(); i++) {
			Suppression s = suppressions.get(i);
			if (s.line() == issue.getLineNumber() && s.ids().contains(id)) {
				return i;
			}
		}
		return -1;
	}

	private void unused(Suppression s, int index, Set<String> used) {
		if (s.malformed() != null) {
			report(IrqDslChecks.UNUSED_SUPPRESSION, s.malformed(), s.commentLine(), s.commentColumn(), s.offset(), s.length());
			return;
		}
		for (String id : s.ids()) {
			Optional<CheckInfo> check = IrqDslChecks.byId(id);
			String where = s.line() == s.commentLine() ? "this line" : "line " + s.line();
			if (check.isEmpty()) {
				report(IrqDslChecks.UNUSED_SUPPRESSION, "irqdsl-ignore names no check '" + id
						+ "'; expected a check id (irqdsl check --list-checks lists them)", s.commentLine(), s.commentColumn(),
						s.offset(), s.length());
			} else if (!used.contains(index + ":" + id) && ran(check.get())) {
				report(IrqDslChecks.UNUSED_SUPPRESSION, "irqdsl-ignore(" + id + ") suppresses nothing: " + where + " has no " + id
						+ " finding; remove it", s.commentLine(), s.commentColumn(), s.offset(), s.length());
			}
		}
	}

	/** Whether a check's findings would have been seen here: it is on and of a kind this validation runs. */
	private boolean ran(CheckInfo check) {
		return policy.enabled(check) && mode.shouldCheck(check.kind().checkType());
	}

	private void report(CheckInfo check, String message, int line, int column, int offset, int length) {
		Optional<Severity> severity = policy.severity(check.id(), check.severity());
		if (severity.isEmpty()) {
			return;
		}
		Issue.IssueImpl issue = new Issue.IssueImpl();
		issue.setSeverity(severity.get());
		issue.setCode(check.id());
		issue.setMessage(message);
		issue.setUriToProblem(resource.getURI());
		issue.setLineNumber(line);
		issue.setColumn(column);
		issue.setLineNumberEnd(line);
		issue.setColumnEnd(column + length);
		issue.setOffset(offset);
		issue.setLength(length);
		issue.setType(CheckType.FAST);
		out.accept(issue);
	}

	private static String display(Path file) {
		return file == null ? CheckConfig.FILE_NAME : file.toString();
	}

	private static Issue copy(Issue issue, Severity severity) {
		Issue.IssueImpl copy = new Issue.IssueImpl();
		copy.setSeverity(severity);
		copy.setCode(issue.getCode());
		copy.setMessage(issue.getMessage());
		copy.setData(issue.getData());
		copy.setUriToProblem(issue.getUriToProblem());
		copy.setLineNumber(issue.getLineNumber());
		copy.setColumn(issue.getColumn());
		copy.setLineNumberEnd(issue.getLineNumberEnd());
		copy.setColumnEnd(issue.getColumnEnd());
		copy.setOffset(issue.getOffset());
		copy.setLength(issue.getLength());
		copy.setType(issue.getType());
		copy.setSyntaxError(issue.isSyntaxError());
		return copy;
	}
}
