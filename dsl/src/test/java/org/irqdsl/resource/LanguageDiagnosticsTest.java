package org.irqdsl.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.StringInputStream;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.irqdsl.IrqDslStandaloneSetup;
import org.irqdsl.validation.Diagnostics;
import org.irqdsl.validation.IrqDslChecks;
import org.irqdsl.validation.IrqDslResourceValidator;
import org.junit.jupiter.api.Test;

import com.google.inject.Injector;

/**
 * The diagnostics come from the language's own injector, with no command-line module: what the
 * language server, Eclipse and {@code irqdsl check} all get.
 */
class LanguageDiagnosticsTest {

	private static final Injector PLAIN = new IrqDslStandaloneSetup().createInjectorAndDoEMFRegistration();

	private static final String PLATFORM = """
			platform p {
			    cpus 4
			    domain vector : VECTOR {
			        vectors 0x20..0xff
			    }
			    domain ir : INTEL_IR parent vector {
			        vectors 0x20..0xff
			    }
			    bus pci pcie0 msi-parent %s {
			        device nic at "00:02.0" { msi count 1 }
			    }
			}
			""";

	private static List<String> messages(String text) {
		return Diagnostics.issues("t.irqdsl", text).stream().map(i -> i.getLineNumber() + ":" + i.getColumn() + " ["
				+ IrqDslChecks.idOf(i) + "] " + i.getMessage()).toList();
	}

	@Test
	void anUnknownNameSaysWhatWouldResolveThere() {
		assertThat(messages(PLATFORM.formatted("nosuch"))).contains("9:30 [unresolved-reference] unknown domain 'nosuch' (known here: vector, ir)");
	}

	@Test
	void aScenarioDeviceOfAnUnknownPlatformSaysThePlatformIsUnknown() {
		String text = """
				scenario s on nowhere {
				    initially nic.msi[0] on cpu 1 vector 0x40
				    concurrently {
				        device nic { raise msi[0] }
				    }
				    expect no lost-interrupt
				}
				""";
		assertThat(messages(text)).anyMatch(m -> m.contains("unknown device 'nic': the scenario's platform is unknown"))
				.anyMatch(m -> m.contains("unknown platform 'nowhere': no platform is visible here"));
	}

	@Test
	void everySyntaxErrorIsReportedAndNothingElse() {
		String text = PLATFORM.formatted("nosuch").replace("cpus 4", "cpus").replace("msi count 1", "msi count");
		// two errors on their own lines; the unknown 'nosuch' of half-parsed text is not reported
		assertThat(messages(text)).hasSize(2).allMatch(m -> m.contains("[syntax]"));
		assertThat(messages(text).get(0)).startsWith("3:5 [syntax] expected a number or '[' after 'cpus'");
		assertThat(messages(text).get(1)).startsWith("10:").contains("[syntax] expected a number");
	}

	@Test
	void theResourceKeepsTheRealTextsNodeModel() throws Exception {
		String text = PLATFORM.formatted("vector").replace("cpus 4", "cpus").replace("msi count 1", "msi count");
		XtextResource resource = load(text);
		assertThat(resource.getParseResult().getRootNode().getText()).isEqualTo(text);
		assertThat(resource.getErrors()).hasSize(2);
	}

	@Test
	void aTopLevelErrorSaysWhereParsingResumed() {
		String text = "junk here\n" + PLATFORM.formatted("vector") + "more junk\n";
		assertThat(messages(text)).containsExactly(
				"1:1 [syntax] expected 'platform', 'scenario', 'procedure' or end of file, found 'junk'; skipped to line 2",
				"14:1 [syntax] expected 'platform', 'scenario', 'procedure' or end of file after '}', found 'more'; the rest of the file is not checked");
	}

	@Test
	void aNulMakesTheTextBinary() {
		assertThat(messages("platform p {\n    cpus 2\0\n}\n"))
				.containsExactly("2:11 [unreadable] binary file: NUL byte at line 2, column 11 (offset 23); expected a UTF-8 text file");
	}

	@Test
	void aLoneCarriageReturnEndsALineComment() {
		assertThat(messages("platform p { // a comment\r    cpus 2\r}\r")).noneMatch(m -> m.contains("[syntax]"));
	}

	@Test
	void aValidatorThatThrowsBecomesAnInternalErrorAtItsObject() throws Exception {
		IrqDslResourceValidator validator = new IrqDslResourceValidator() {
			@Override
			public Diagnostician getDiagnostician() {
				return new Diagnostician() {
					@Override
					public boolean validate(EObject eObject, DiagnosticChain diagnostics, Map<Object, Object> context) {
						throw new IllegalStateException("boom");
					}
				};
			}
		};
		PLAIN.injectMembers(validator);
		List<Issue> issues = validator.validate(load(PLATFORM.formatted("vector")), CheckMode.FAST_ONLY, CancelIndicator.NullImpl);
		assertThat(issues).hasSize(1);
		assertThat(IrqDslChecks.idOf(issues.get(0))).isEqualTo("internal-error");
		assertThat(issues.get(0).getLineNumber()).isEqualTo(1);
		assertThat(issues.get(0).getMessage()).startsWith("internal error: a check failed here (IllegalStateException in LanguageDiagnosticsTest");
	}

	private static XtextResource load(String text) throws Exception {
		XtextResourceSet set = PLAIN.getInstance(XtextResourceSet.class);
		XtextResource r = (XtextResource) set.createResource(URI.createURI("memory:/ws/t.irqdsl"));
		r.load(new StringInputStream(text), null);
		return r;
	}
}
