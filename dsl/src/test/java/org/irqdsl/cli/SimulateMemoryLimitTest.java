package org.irqdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code irqdsl simulate} runs out of memory as it runs out of states or time: verdicts, incomplete, no stack trace. */
class SimulateMemoryLimitTest {

	@TempDir
	Path dir;

	/**
	 * 30 MSI-X devices on an 8-CPU x86 platform, four CPUs moving them all while ten raise: a state
	 * of 82 longs, millions of states.
	 */
	static String manyDevices() {
		int devices = 30;
		int cpus = 8;
		StringBuilder sb = new StringBuilder("platform x86_many {\n    cpus " + cpus + "\n"
				+ "    domain vector : VECTOR {\n        vectors 0x20..0xeb\n        msi-parent-ops {\n"
				+ "            supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX, MSI_FLAG_PCI_MSIX_ALLOC_DYN\n"
				+ "            required  MSI_FLAG_USE_DEF_DOM_OPS, MSI_FLAG_USE_DEF_CHIP_OPS\n        }\n"
				+ "        affinity-update two-step\n    }\n    bus pci pci0000 msi-parent vector {\n");
		for (int i = 0; i < devices; i++) {
			sb.append(String.format("        device d%d at \"%02x:00.0\" { msi-x count 4 }%n", i, i + 1));
		}
		sb.append("    }\n}\nscenario many_moves on x86_many {\n");
		for (int i = 0; i < devices; i++) {
			sb.append(String.format("    initially d%d.msi-x[0] on cpu %d vector 0x%x%n", i, i % cpus, 0x30 + i));
		}
		sb.append("    concurrently {\n");
		for (int c = 0; c < 4; c++) {
			sb.append("        cpu ").append(c).append(" {");
			for (int i = c; i < devices; i += 4) {
				sb.append(" set-affinity d").append(i).append(".msi-x[0] cpu ").append((i + 1) % cpus);
			}
			sb.append(" }\n");
		}
		for (int i = 0; i < 10; i++) {
			sb.append("        device d").append(i).append(" { raise msi-x[0] times 2 }\n");
		}
		return sb.append("    }\n    expect no lost-interrupt\n    expect no deadlock\n}\n").toString();
	}

	@Test
	void theMemoryLimitGivesIncompleteVerdicts() throws Exception {
		Path file = Files.writeString(dir.resolve("many.irqdsl"), manyDevices());
		CliRun run = CliRun.irqdsl("simulate", "--max-memory", "1", file);
		assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
		assertThat(run.out()).contains("(incomplete: memory limit of 1 MB reached)")
				.contains("expect no lost-interrupt: incomplete - no lost-interrupt in the")
				.contains("but memory limit of 1 MB reached: not every interleaving was seen")
				.contains("1 scenario simulated: 0 holding, 0 failing, 2 incomplete.");
	}

	@Test
	void aNegativeMemoryLimitIsAUsageError() {
		CliRun run = CliRun.irqdsl("simulate", "--max-memory", "-1", "../examples");
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.err()).contains("--max-memory -1: expected a number of megabytes");
	}

	/** The real command in a JVM with a small heap: the verdicts are printed, no OutOfMemoryError. */
	@Test
	void underASmallHeapSimulatePrintsIncompleteVerdictsInsteadOfAStackTrace() throws Exception {
		Path file = Files.writeString(dir.resolve("many.irqdsl"), manyDevices());
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		Process p = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
				IrqDslCli.class.getName(), "simulate", "--timeout", "300", file.toString())
				.redirectError(dir.resolve("stderr.txt").toFile()).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
		String err = Files.readString(dir.resolve("stderr.txt"));
		assertThat(err).doesNotContain("OutOfMemoryError").doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(out).contains("expect no lost-interrupt: incomplete - ").contains("memory limit")
				.contains("1 scenario simulated: 0 holding, 0 failing, 2 incomplete.");
		assertThat(p.exitValue()).isEqualTo(1);
	}
}
