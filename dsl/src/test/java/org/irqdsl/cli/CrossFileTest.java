package org.irqdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.cli.CliRun.TORN_UPDATE;
import static org.irqdsl.cli.CliRun.X86_NOREMAP_PLATFORM;
import static org.irqdsl.cli.CliRun.check;
import static org.irqdsl.cli.CliRun.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;
import org.irqdsl.IrqDslInjector;
import org.irqdsl.irqDsl.Model;
import org.irqdsl.irqDsl.Scenario;
import org.irqdsl.workspace.SourceFiles;
import org.irqdsl.workspace.WorkspaceChecker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files of one folder form a workspace: a scenario resolves a platform declared in a sibling file. */
class CrossFileTest {

	@TempDir
	Path dir;

	@Test
	void aScenarioResolvesAPlatformOfAnotherFileOfItsFolderWhenOnlyItsFileIsChecked() throws IOException {
		write(dir, "lab/x86_noremap.irqdsl", X86_NOREMAP_PLATFORM);
		Path scenario = write(dir, "lab/torn_update.irqdsl", TORN_UPDATE);
		CliRun run = check(scenario);
		assertThat(run.exit()).isZero();
		// the platform's own findings belong to its file, which was not asked for
		assertThat(run.lines()).containsExactly("1 file checked: 0 errors, 0 warnings, 0 info.");
	}

	/** What editors ask for hover, completion and links: the folder's files loaded, nothing validated. */
	@Test
	void loadResolvesAcrossTheFolderWithoutValidating() throws IOException {
		write(dir, "lab/x86_noremap.irqdsl", X86_NOREMAP_PLATFORM);
		Path scenario = write(dir, "lab/torn_update.irqdsl", TORN_UPDATE);
		Resource resource = IrqDslInjector.get().getInstance(WorkspaceChecker.class).load(List.of(scenario), new SourceFiles(1 << 20))
				.get(scenario);
		Scenario loaded = (Scenario) ((Model) resource.getContents().get(0)).getElements().get(0);
		assertThat(loaded.getPlatform().eIsProxy()).isFalse();
		assertThat(loaded.getPlatform().getName()).isEqualTo("x86_noremap");
		assertThat(loaded.getPlatform().eResource().getURI().lastSegment()).isEqualTo("x86_noremap.irqdsl");
	}

	@Test
	void theScenarioIsCheckedAgainstThePlatformOfTheOtherFile() throws IOException {
		write(dir, "lab/x86_noremap.irqdsl", X86_NOREMAP_PLATFORM);
		Path scenario = write(dir, "lab/torn_update.irqdsl", TORN_UPDATE.replace("cpu 2 vector 0x31", "cpu 7 vector 0x31")
				.replace("nic.msi[0] on cpu 1", "nvme0.msi-x[40] on cpu 1"));
		CliRun run = check(scenario);
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.lines()).containsExactly(
				scenario + ":2:27: error: nvme0.msi-x[40]: the device has 32 msi-x entries (0..31) [entry-index]",
				scenario + ":4:50: error: cpu 7 is not one of platform x86_noremap's CPUs ({0, 1, 2, 3}) [cpu-range]",
				"1 file checked: 2 errors, 0 warnings, 0 info.");
	}

	@Test
	void checkingBothFilesReportsEachFilesFindingsOnce() throws IOException {
		Path platform = write(dir, "lab/x86_noremap.irqdsl", X86_NOREMAP_PLATFORM);
		Path scenario = write(dir, "lab/torn_update.irqdsl", TORN_UPDATE);
		CliRun run = check(scenario, dir.resolve("lab"));
		assertThat(run.exit()).isZero();
		assertThat(run.lines()).containsExactly(
				platform + ":16:37: info: device nic (00:02.0): non-maskable MSI without interrupt remapping is moved by the two-step update (old address + new vector, then the new address, then a pending check on the old CPU, as x86 msi_set_affinity() does): no interrupt is lost, spurious interrupts are the price (seed 001) [nonmaskable-msi-without-remap]",
				platform + ":16:37: warning: device nic (00:02.0): MSI cannot be masked at the device and MSI parent vector does not take masking (no MSI_FLAG_PCI_MSI_MASK_PARENT in effect): a rogue device cannot be silenced after disable_irq (seed 002) [unmaskable-without-parent-mask]",
				"2 files checked: 0 errors, 1 warning, 1 info.");
	}

	@Test
	void aPlatformInAnotherFolderIsNotVisible() throws IOException {
		write(dir, "elsewhere/x86_noremap.irqdsl", X86_NOREMAP_PLATFORM);
		Path scenario = write(dir, "lab/torn_update.irqdsl", TORN_UPDATE);
		CliRun run = check(scenario);
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.lines()).containsExactly(
				scenario + ":1:25: error: unknown platform 'x86_noremap': no platform is visible here [unresolved-reference]",
				scenario + ":2:15: error: unknown device 'nic': the scenario's platform is unknown [unresolved-reference]",
				scenario + ":4:35: error: unknown device 'nic': the scenario's platform is unknown [unresolved-reference]",
				scenario + ":5:16: error: unknown device 'nic': the scenario's platform is unknown [unresolved-reference]",
				"1 file checked: 4 errors, 0 warnings, 0 info.");
	}

	@Test
	void anUnreadableSiblingDoesNotStopTheCheckButItsPlatformIsUnknown() throws IOException {
		write(dir, "lab/x86_noremap.irqdsl", new byte[] { 'p', (byte) 0xC3, '(' });
		Path scenario = write(dir, "lab/torn_update.irqdsl", TORN_UPDATE);
		CliRun run = check(scenario);
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.lines()).first().asString().isEqualTo(scenario + ":1:25: error: unknown platform 'x86_noremap': no platform is visible here [unresolved-reference]");
	}

	@Test
	void aFolderOnTheCommandLineDoesNotLendItsPlatformsToAnotherFolder() throws IOException {
		write(dir, "a/x86_noremap.irqdsl", X86_NOREMAP_PLATFORM);
		Path scenario = write(dir, "b/torn_update.irqdsl", TORN_UPDATE);
		CliRun alone = check(dir.resolve("b"));
		CliRun together = check(dir.resolve("a"), dir.resolve("b"));
		assertThat(alone.lines()).first().asString()
				.isEqualTo(scenario + ":1:25: error: unknown platform 'x86_noremap': no platform is visible here [unresolved-reference]");
		// the same findings for b's file, whatever else was asked for
		assertThat(together.lines().stream().filter(l -> l.startsWith(scenario.toString())).toList())
				.isEqualTo(alone.lines().stream().filter(l -> l.startsWith(scenario.toString())).toList());
		assertThat(together.exit()).isEqualTo(alone.exit()).isEqualTo(1);
	}

	@Test
	void aPlatformDeclaredInTwoFilesOfAFolderIsADuplicateInBoth() throws IOException {
		Path first = write(dir, "lab/first.irqdsl", X86_NOREMAP_PLATFORM);
		Path second = write(dir, "lab/second.irqdsl", X86_NOREMAP_PLATFORM);
		CliRun run = check(dir.resolve("lab"));
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.lines()).contains(
				first + ":2:10: error: the name 'x86_noremap' is declared more than once (also in second.irqdsl of this folder; platforms and scenarios share one namespace) [duplicate-name]",
				second + ":2:10: error: the name 'x86_noremap' is declared more than once (also in first.irqdsl of this folder; platforms and scenarios share one namespace) [duplicate-name]");
		// checking one of them alone reports it too: its folder is loaded
		assertThat(check(second).lines()).contains(
				second + ":2:10: error: the name 'x86_noremap' is declared more than once (also in first.irqdsl of this folder; platforms and scenarios share one namespace) [duplicate-name]");
	}
}
