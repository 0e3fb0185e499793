package org.irqdsl.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EValidator;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.AbstractInjectableValidator;
import org.eclipse.xtext.validation.CancelableDiagnostician;
import org.eclipse.xtext.validation.FeatureBasedDiagnostic;
import org.eclipse.xtext.validation.impl.ConcreteSyntaxEValidator;
import org.irqdsl.resource.IrqDslResource;
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
 * The language's rules for a whole file, the same in every host (command line, language server,
 * Eclipse):
 * <ul>
 * <li>a file with syntax errors (or binary text) gets only those: the checks of half-parsed text
 * describe what is not there (a device "null", a vector range 0x20..0x0, a platform "without
 * CPUs"), and its unknown names are mostly the parser's;</li>
 * <li>an empty (or comments-only) file has no model for the validator to visit, yet is reported;</li>
 * <li>an exception while validating an object becomes an {@code internal-error} finding there
 * instead of a log entry;</li>
 * <li>the check policy (.irqdsl-checks, -W/-E, irqdsl-ignore comments) filters every issue of the
 * checks ({@link PolicyIssues}).</li>
 * </ul>
 */
public class IrqDslResourceValidator extends ResourceValidatorImpl {

	@Inject
	private CheckPolicies policies;

	@Override
	protected void collectResourceDiagnostics(Resource resource, CancelIndicator monitor, IAcceptor<Issue> acceptor) {
		List<Resource.Diagnostic> text = IrqDslResource.textErrors(resource);
		if (text.isEmpty()) {
			super.collectResourceDiagnostics(resource, monitor, acceptor);
			return;
		}
		for (Resource.Diagnostic d : text) {
			issueFromXtextResourceDiagnostic(d, Severity.ERROR, acceptor);
		}
	}

	/** Like Xtext's, but an exception is reported at the element as an {@code internal-error}. */
	@Override
	protected void validate(Resource resource, EObject element, CheckMode mode, CancelIndicator monitor, IAcceptor<Issue> acceptor) {
		try {
			Map<Object, Object> options = new HashMap<>();
			options.put(CheckMode.KEY, mode);
			options.put(CancelableDiagnostician.CANCEL_INDICATOR, monitor);
			options.put(ConcreteSyntaxEValidator.DISABLE_CONCRETE_SYNTAX_EVALIDATOR, Boolean.TRUE);
			options.put(EValidator.class, getDiagnostician());
			if (resource instanceof XtextResource x) {
				options.put(AbstractInjectableValidator.CURRENT_LANGUAGE_NAME, x.getLanguageName());
			}
			Diagnostic diagnostic = getDiagnostician().validate(element, options);
			if (diagnostic.getChildren().isEmpty()) {
				issueFromEValidatorDiagnostic(diagnostic, acceptor);
			} else {
				for (Diagnostic child : diagnostic.getChildren()) {
					issueFromEValidatorDiagnostic(child, acceptor);
				}
			}
		} catch (RuntimeException e) {
			getOperationCanceledManager().propagateAsErrorIfCancelException(e);
			issueFromEValidatorDiagnostic(new FeatureBasedDiagnostic(Diagnostic.ERROR, CheckFailure.message(e), element, null, -1,
					CheckType.FAST, IrqDslChecks.INTERNAL_ERROR.id()), acceptor);
		}
	}

	@Override
	protected void validate(Resource resource, CheckMode mode, CancelIndicator monitor, IAcceptor<Issue> out) {
		if (!IrqDslResource.textErrors(resource).isEmpty()) {
			return;
		}
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
