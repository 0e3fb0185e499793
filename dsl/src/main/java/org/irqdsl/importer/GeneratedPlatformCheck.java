package org.irqdsl.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.irqdsl.IrqDslInjector;
import org.irqdsl.diagnostics.Finding;
import org.irqdsl.irqDsl.Bus;
import org.irqdsl.irqDsl.Device;
import org.irqdsl.irqDsl.Domain;

/**
 * Checks a generated platform with the language's own resource validator, in memory, so that the
 * machine report and {@code irqdsl check} of the written file run the same checks. Each finding
 * names the declaration it is about (its EObject's nearest device, bus or domain), which is how
 * the report ties it to the importer's evidence.
 */
public final class GeneratedPlatformCheck {

	/** A finding and the declaration it is about: "device nic", "bus pcie0", "domain vector" or "platform". */
	public record Checked(Finding finding, String subject) {
	}

	private GeneratedPlatformCheck() {
	}

	/**
	 * The findings of {@code text}, reported against {@code displayName}. Like {@code irqdsl check}
	 * without -W/-Werror switches: every check at its own severity, the FAST checks only.
	 */
	public static synchronized List<Checked> check(String text, String displayName) {
		XtextResourceSet set = IrqDslInjector.get().getInstance(XtextResourceSet.class);
		// a URI of its own: the text is never written, and no file of the user's folder joins it
		Resource resource = set.createResource(URI.createURI("irqdsl-import:/" + URI.encodeSegment(displayName, false)
				+ (displayName.endsWith(".irqdsl") ? "" : ".irqdsl")));
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
		} catch (IOException e) {
			throw new UncheckedIOException("cannot load the generated platform", e);
		}
		IResourceValidator validator = IrqDslInjector.get().getInstance(IResourceValidator.class);
		List<Checked> checked = new ArrayList<>();
		for (Issue issue : validator.validate(resource, CheckMode.FAST_ONLY, CancelIndicator.NullImpl)) {
			Finding f = Finding.of(displayName, issue);
			checked.add(new Checked(f, subject(problemOf(resource, issue))));
		}
		checked.sort(Comparator.comparingInt((Checked c) -> c.finding().line()).thenComparingInt(c -> c.finding().column()));
		return checked;
	}

	private static EObject problemOf(Resource resource, Issue issue) {
		return issue.getUriToProblem() == null ? null : resource.getEObject(issue.getUriToProblem().fragment());
	}

	/** The nearest device, bus or domain containing {@code object}, or the platform. */
	static String subject(EObject object) {
		for (EObject o = object; o != null; o = o.eContainer()) {
			if (o instanceof Device d) {
				return "device " + d.getName();
			}
			if (o instanceof Bus b) {
				return "bus " + b.getName();
			}
			if (o instanceof Domain d) {
				return "domain " + d.getName();
			}
		}
		return "platform";
	}
}
