package org.irqdsl.validation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.irqdsl.IrqDslStandaloneSetup;
import org.irqdsl.validation.IrqDslChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Injector;

/**
 * The policy lives in the language's validator, which the command line, the language server and
 * Eclipse all call: a file validated the way an editor does (IResourceValidator, NORMAL_AND_FAST,
 * no command line) honours its folder's .irqdsl-checks and its irqdsl-ignore comments.
 */
class PolicyInTheValidatorTest {

	private static final Injector INJECTOR = new IrqDslStandaloneSetup().createInjectorAndDoEMFRegistration();

	@TempDir
	Path dir;

	private static final String PLATFORM = """
			platform p {
			    cpus 4
			    domain vector : VECTOR {
			        vectors 0x20..0xff
			        msi-parent-ops {
			            supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX
			            required  MSI_FLAG_USE_DEF_DOM_OPS, MSI_FLAG_USE_DEF_CHIP_OPS
			        }
			        affinity-update two-step
			    }
			    bus pci pcie0 msi-parent vector {
			        device nic at "00:02.0" { msi count 1 } // irqdsl-ignore(nonmaskable-msi-without-remap)
			    }
			}
			""";

	private List<String> validate(Path file) {
		XtextResourceSet set = INJECTOR.getInstance(XtextResourceSet.class);
		Resource resource = set.getResource(URI.createFileURI(file.toString()), true);
		List<Issue> issues = INJECTOR.getInstance(IResourceValidator.class).validate(resource, CheckMode.NORMAL_AND_FAST,
				CancelIndicator.NullImpl);
		return issues.stream().map(i -> i.getLineNumber() + ": " + IrqDslChecks.label(i.getSeverity()) + " [" + i.getCode() + "]")
				.toList();
	}

	@Test
	void anEditorsValidationHonoursTheFolderConfigurationAndTheComments() throws IOException {
		Path file = dir.resolve("p.irqdsl");
		Files.writeString(file, PLATFORM, StandardCharsets.UTF_8);
		assertThat(validate(file)).containsExactly("12: warning [unmaskable-without-parent-mask]");
		Files.writeString(dir.resolve(".irqdsl-checks"), "unmaskable-without-parent-mask: info\n", StandardCharsets.UTF_8);
		assertThat(validate(file)).containsExactly("12: info [unmaskable-without-parent-mask]");
		Files.writeString(dir.resolve(".irqdsl-checks"), "unmaskable-without-parent-mask: off\nnonmaskable-msi-without-remap: off\n",
				StandardCharsets.UTF_8);
		assertThat(validate(file)).isEmpty();
	}

	@Test
	void aFileWithoutAFolderHasTheDefaultPolicy() {
		assertThat(new CheckPolicies().of(null)).isEqualTo(FilePolicy.DEFAULT);
	}
}
