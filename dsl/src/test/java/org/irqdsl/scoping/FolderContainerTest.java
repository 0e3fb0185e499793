package org.irqdsl.scoping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.validation.checks.Fixtures.gicIts;
import static org.irqdsl.validation.checks.Fixtures.pciBus;
import static org.irqdsl.validation.checks.Fixtures.platform;

import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.validation.Issue;
import org.irqdsl.validation.Diagnostics;
import org.irqdsl.validation.IrqDslChecks;
import org.junit.jupiter.api.Test;

/**
 * The folder rule in the language itself, whatever loaded the files into one resource set: a file
 * sees the files of its own folder and nothing else; a resource without a folder sees only itself.
 */
class FolderContainerTest {

	private static final String PLATFORM_P = platform(gicIts(), pciBus("its", "device nic at \"00:02.0\" { msi count 1 }"));

	private static final String SCENARIO_ON_P = "scenario s on p {\n  initially nic.msi[0] on cpu 1 vector 0x30\n}\n";

	/** The ids of the diagnostics of the file at {@code uri}, all files validated in one resource set. */
	private static List<String> idsOf(String uri, String... urisAndTexts) {
		List<Issue> issues = Diagnostics.issuesAt(urisAndTexts);
		return issues.stream().filter(i -> i.getUriToProblem().trimFragment().toString().equals(uri)).map(IrqDslChecks::idOf).toList();
	}

	@Test
	void aScenarioSeesAPlatformOfItsOwnFolder() {
		assertThat(idsOf("memory:/ws/a/s.irqdsl", "memory:/ws/a/p.irqdsl", PLATFORM_P, "memory:/ws/a/s.irqdsl", SCENARIO_ON_P))
				.doesNotContain(IrqDslChecks.UNRESOLVED_REFERENCE.id());
	}

	@Test
	void aScenarioDoesNotSeeAPlatformOfAnotherFolderLoadedInTheSameResourceSet() {
		assertThat(idsOf("memory:/ws/b/s.irqdsl", "memory:/ws/a/p.irqdsl", PLATFORM_P, "memory:/ws/b/s.irqdsl", SCENARIO_ON_P))
				.contains(IrqDslChecks.UNRESOLVED_REFERENCE.id());
	}

	@Test
	void aParentFolderIsAnotherFolder() {
		assertThat(idsOf("memory:/ws/a/b/s.irqdsl", "memory:/ws/a/p.irqdsl", PLATFORM_P, "memory:/ws/a/b/s.irqdsl", SCENARIO_ON_P))
				.contains(IrqDslChecks.UNRESOLVED_REFERENCE.id());
	}

	@Test
	void aResourceWithoutAFolderSeesOnlyItself() {
		assertThat(idsOf("untitled:Untitled-2", "untitled:Untitled-1", PLATFORM_P, "untitled:Untitled-2", SCENARIO_ON_P))
				.contains(IrqDslChecks.UNRESOLVED_REFERENCE.id());
		assertThat(idsOf("inmemory:s", "inmemory:p", PLATFORM_P, "inmemory:s", SCENARIO_ON_P)).contains(IrqDslChecks.UNRESOLVED_REFERENCE.id());
		// ... and itself
		assertThat(idsOf("untitled:Untitled-1", "untitled:Untitled-1", PLATFORM_P + SCENARIO_ON_P))
				.doesNotContain(IrqDslChecks.UNRESOLVED_REFERENCE.id());
	}

	@Test
	void aPlatformDeclaredInTwoFilesOfAFolderIsADuplicateAtBothPlaces() {
		List<Issue> issues = Diagnostics.issuesAt("memory:/ws/a/one.irqdsl", PLATFORM_P, "memory:/ws/a/two.irqdsl", PLATFORM_P);
		List<Issue> duplicates = issues.stream().filter(i -> IrqDslChecks.DUPLICATE_NAME.id().equals(IrqDslChecks.idOf(i))).toList();
		assertThat(duplicates).extracting(i -> i.getUriToProblem().trimFragment().lastSegment(), Issue::getLineNumber, Issue::getMessage)
				.containsExactly(
						org.assertj.core.groups.Tuple.tuple("one.irqdsl", 1,
								"the name 'p' is declared more than once (also in two.irqdsl of this folder; platforms and scenarios share one namespace)"),
						org.assertj.core.groups.Tuple.tuple("two.irqdsl", 1,
								"the name 'p' is declared more than once (also in one.irqdsl of this folder; platforms and scenarios share one namespace)"));
	}

	@Test
	void theSamePlatformNameInTwoFoldersIsNoDuplicate() {
		List<Issue> issues = Diagnostics.issuesAt("memory:/ws/a/p.irqdsl", PLATFORM_P, "memory:/ws/b/p.irqdsl", PLATFORM_P);
		assertThat(issues).extracting(IrqDslChecks::idOf).doesNotContain(IrqDslChecks.DUPLICATE_NAME.id());
	}

	@Test
	void folderOfAUri() {
		assertThat(FolderContainerManager.folderOf(URI.createFileURI("/x/y/z.irqdsl"))).isEqualTo(URI.createFileURI("/x/y"));
		assertThat(FolderContainerManager.folderOf(URI.createURI("untitled:Untitled-1"))).isNull();
		// (a relative URI has none, but Xtext's index resolves it against the working directory)
		assertThat(FolderContainerManager.folderOf(URI.createURI("__synthetic0.irqdsl"))).isNull();
	}
}
