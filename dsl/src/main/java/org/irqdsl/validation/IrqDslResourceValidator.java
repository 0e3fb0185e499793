package org.irqdsl.validation;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.IAcceptor;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.CheckType;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.xtext.validation.ResourceValidatorImpl;
import org.irqdsl.irqDsl.Model;
import org.irqdsl.validation.policy.CheckPolicies;
import org.irqdsl.validation.policy.PolicyIssues;

import com.google.inject.Inject;

/**
 * Adds what no EObject check can say: an empty (or comments-only) file has no model for the
 * validator to visit, yet the command line and the editors must all report it. And applies the
 * check policy to every issue ({@link PolicyIssues}).
 */
public class IrqDslResourceValidator extends ResourceValidatorImpl {

	@Inject
	private CheckPolicies policies;

	@Override
	protected void validate(Resource resource, CheckMode mode, CancelIndicator monitor, IAcceptor<Issue> out) {
		// the check policy (.irqdsl-checks, -W/-E, irqdsl-ignore comments) filters every issue
		PolicyIssues acceptor = new PolicyIssues(resource, mode, policies, out);
		super.validate(resource, mode, monitor, acceptor);
		boolean empty = resource.getContents().isEmpty()
				|| resource.getContents().get(0) instanceof Model model && model.getElements().isEmpty();
		if (empty && resource.getErrors().isEmpty()) {
			Issue.IssueImpl issue = new Issue.IssueImpl();
			issue.setSeverity(Severity.ERROR);
			issue.setCode(IrqDslChecks.EMPTY_FILE.id());
			issue.setMessage("the file declares nothing: expected a platform or a scenario");
			issue.setUriToProblem(resource.getURI());
			issue.setLineNumber(1);
			issue.setColumn(1);
			issue.setLineNumberEnd(1);
			issue.setColumnEnd(1);
			issue.setOffset(0);
			issue.setLength(0);
			issue.setType(CheckType.FAST);
			acceptor.accept(issue);
		}
		acceptor.finish();
	}
}
