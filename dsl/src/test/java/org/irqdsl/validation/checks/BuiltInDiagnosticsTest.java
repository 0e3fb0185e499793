package org.irqdsl.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.irqdsl.validation.checks.Fixtures.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.irqdsl.IrqDslStandaloneSetup;
import org.irqdsl.validation.policy.SeverityPolicy;
import org.irqdsl.workspace.SourceFiles;
import org.irqdsl.workspace.WorkspaceChecker;
import org.irqdsl.validation.Diagnostics;
import org.irqdsl.validation.IrqDslChecks;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diagnostics that are not checks of the catalog: syntax, unresolved-reference, duplicate-name, empty-file. */
class BuiltInDiagnosticsTest {

	@Nested
	class Syntax {

		@Test
		void missingClosingBraceIsReportedWhereTheFileEnds() {
			String text = platform(x86Vector()).stripTrailing().replaceAll("}$", "");
			assertThat(Diagnostics.of(text)).containsExactly(text.lines().count() + ": error [syntax]");
			assertThat(Diagnostics.messages(text)).containsExactly(
					"expected 'cpus', 'kernel', 'domain', 'bus', 'hot-unplug-procedure', 'hot-unplug-library', 'irq-move' or '}' after '}', found end of file");
		}

		@Test
		void everySyntaxErrorOfAFileIsReportedAtItsLine() {
			String text = platform(x86Vector("affinity-update sometimes"), pciBus("vector", "device msi-x at \"00:02.0\""));
			assertThat(Diagnostics.messages(text)).containsExactly(
					"expected 'direct', 'masked', 'two-step', 'lazy-move', 'remap' or 'immutable' after 'affinity-update', found 'sometimes'",
					"expected a name after 'device', found 'msi-x'");
			assertThat(Diagnostics.of(text)).containsExactly(at(text, "affinity-update sometimes", "error [syntax]"),
					at(text, "device msi-x", "error [syntax]"));
		}

		@Test
		void theNormativeCoreHasNoSyntaxError() {
			String text = platform(x86Vector("affinity-update two-step"), pciBus("vector",
					"device nvme0 at \"00:03.0\" { msi-x count 32 }")) + """
					scenario torn_update on p {
					    initially nvme0.msi-x[0] on cpu 1 vector 0x30
					    concurrently {
					        cpu 1       { set-affinity nvme0.msi-x[0] cpu 2 vector 0x31 }
					        device nvme0 { raise msi-x[0] }
					    }
					    expect no lost-interrupt
					}
					""";
			assertThat(Diagnostics.of(text)).isEmpty();
		}
	}

	@Nested
	class UnresolvedReference {

		@Test
		void unknownParentDomain() {
			String text = platform(x86Vector(), dmar().replace("parent vector", "parent nosuch"));
			assertThat(Diagnostics.of(text)).containsExactly(at(text, "parent nosuch", "error [unresolved-reference]"));
			assertThat(Diagnostics.messages(text)).containsExactly("unknown domain 'nosuch' (known here: vector, ir)");
		}

		@Test
		void unknownPlatformLeavesTheScenariosDevicesUnresolvedToo() {
			String text = """
					scenario s on nosuch {
					    initially nic.msi[0] on cpu 1 vector 0x30
					}
					""";
			assertThat(Diagnostics.of(text)).containsExactly("1: error [unresolved-reference]", "2: error [unresolved-reference]");
			assertThat(Diagnostics.messages(text)).containsExactly("unknown platform 'nosuch': no platform is visible here",
					"unknown device 'nic': the scenario's platform is unknown");
		}

		@Test
		void knownNamesResolve() {
			String text = platform(x86Vector(), dmar("affinity-update remap"), pciBus("ir", "device nvme0 at \"00:03.0\" { msi-x count 32 }"));
			assertThat(Diagnostics.of(text)).isEmpty();
		}
	}

	@Nested
	class DuplicateName {

		private static final String TEXT = """
				platform p {
				    cpus 4
				    domain vector : VECTOR
				    domain vector : VECTOR
				}
				platform p {
				    cpus 2
				}
				""";

		private static List<Issue> duplicates(String text) {
			return Diagnostics.issues("test.irqdsl", text).stream().filter(i -> IrqDslChecks.DUPLICATE_NAME.id().equals(i.getCode())).toList();
		}

		@Test
		void everyDeclarationOfADuplicateNameIsAnError() {
			assertThat(duplicates(TEXT)).extracting(Issue::getLineNumber, Issue::getSeverity, Issue::getMessage).containsExactlyInAnyOrder(
					tuple(1, Severity.ERROR, "the name 'p' is declared more than once (platforms and scenarios share one namespace)"),
					tuple(3, Severity.ERROR, "domain name 'vector' is declared more than once in platform p"),
					tuple(4, Severity.ERROR, "domain name 'vector' is declared more than once in platform p"),
					tuple(6, Severity.ERROR, "the name 'p' is declared more than once (platforms and scenarios share one namespace)"));
		}

		@Test
		void devicesOfOnePlatformOnDifferentBusesMayNotShareAName() {
			String text = platform(x86Vector("affinity-update two-step"),
					"bus pci a msi-parent vector { device nic at \"00:02.0\" { msi-x count 1 } }",
					"bus pci b msi-parent vector { device nic at \"01:00.0\" { msi-x count 1 } }");
			assertThat(Diagnostics.of(text)).containsExactly(at(text, "01:00.0", "error [duplicate-name]"));
			assertThat(Diagnostics.messages(text)).singleElement().asString().contains("Duplicate device 'nic'", "scenarios");
		}

		@Test
		void domainsOfDifferentPlatformsMayShareAName() {
			String text = platform(x86Vector("affinity-update two-step")) + platform(x86Vector("affinity-update two-step")).replace("platform p", "platform q");
			assertThat(duplicates(text)).isEmpty();
		}

		@Test
		void duplicatesCarryTheDuplicateNameId() {
			assertThat(Diagnostics.of(TEXT)).containsExactlyInAnyOrder("1: error [duplicate-name]", "3: error [duplicate-name]",
					"4: error [duplicate-name]", "6: error [duplicate-name]");
		}
	}

	@Nested
	class EmptyFile {

		@TempDir
		Path folder;

		/** What {@code irqdsl check FILE} finds in a file of this text, as "LINE: severity [id]". */
		private List<String> check(String text) throws Exception {
			Path file = folder.resolve("test.irqdsl");
			Files.writeString(file, text);
			WorkspaceChecker checker = new IrqDslStandaloneSetup().createInjectorAndDoEMFRegistration()
					.getInstance(WorkspaceChecker.class);
			return checker.check(List.of(file), new SourceFiles(1 << 20), SeverityPolicy.NONE)
					.findings().stream().map(f -> f.line() + ": " + f.severity() + " [" + f.id() + "]").toList();
		}

		@Test
		void emptyFile() throws Exception {
			assertThat(check("")).containsExactly("1: error [empty-file]");
		}

		@Test
		void fileWithOnlyComments() throws Exception {
			assertThat(check("// x86 server\n/* nothing yet */\n")).containsExactly("1: error [empty-file]");
		}

		@Test
		void editorsSeeItToo() {
			assertThat(Diagnostics.of("// nothing\n")).containsExactly("1: error [empty-file]");
		}

		@Test
		void fileThatDeclaresAPlatform() throws Exception {
			assertThat(check(platform(gicIts()))).isEmpty();
		}
	}
}
