package org.irqdsl.linking;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.irqDsl.Scenario;

import com.google.inject.Inject;

/**
 * "unknown domain 'nosuch' (known here: vector, ir)" instead of Xtext's "Couldn't resolve reference
 * to Domain 'nosuch'.": the language's word for the kind of thing, and a few names that would
 * resolve there, from the scope provider. A scenario's device when the scenario's platform is
 * itself unknown says so; a reference with nothing in scope says that nothing is visible. The code
 * stays Xtext's linking diagnostic (the id {@code unresolved-reference}).
 */
public class IrqDslLinkingDiagnosticMessageProvider extends LinkingDiagnosticMessageProvider {

	/** At most this many candidate names in a message. */
	static final int MAX_CANDIDATES = 8;

	@Inject
	private IScopeProvider scopes;

	@Override
	public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
		return new DiagnosticMessage(message(context.getContext(), context.getReference(), context.getLinkText()), Severity.ERROR,
				Diagnostic.LINKING_DIAGNOSTIC);
	}

	private String message(EObject context, EReference reference, String linkText) {
		String kind = reference.getEReferenceType().getName().toLowerCase();
		StringBuilder result = new StringBuilder("unknown ").append(kind).append(" '").append(linkText).append("'");
		try {
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
			// the message must never break linking: the short form still names the kind and the text
			return result.toString();
		}
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
}
