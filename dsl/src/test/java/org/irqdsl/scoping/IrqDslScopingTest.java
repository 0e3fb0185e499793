package org.irqdsl.scoping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.validation.checks.Fixtures.*;

import java.util.List;

import org.eclipse.xtext.validation.Issue;
import org.irqdsl.validation.Diagnostics;
import org.junit.jupiter.api.Test;

/**
 * What names resolve where: platforms across the files of a folder, a scenario's devices among its
 * platform's (VMD children included), domains inside their platform, keywords as names.
 */
class IrqDslScopingTest {

	/** Platform p: nic (MSI, 1 vector) and nvme0 (MSI-X, 32) under the GIC ITS, nvme1 behind a VMD. */
	private static final String PLATFORM_P = platform(gicIts(), pciBus("its", "device nic at \"00:02.0\" { msi count 1 }",
			"device nvme0 at \"00:03.0\" { msi-x count 32 }",
			vmdDevice("bypass", "", "device nvme1 at \"10000:01:00.0\" { msi-x count 8 }")));

	/** Platform q: its own nic, with 4 MSI vectors, and no nvme0. */
	private static final String PLATFORM_Q = platform(gicIts(), pciBus("its", "device nic at \"00:02.0\" { msi count 4 }"))
			.replace("platform p", "platform q");

	/** The diagnostics of the file named {@code file} after validating all the files as one resource set. */
	private static List<String> of(String file, String... namesAndTexts) {
		List<Issue> issues = Diagnostics.issues(namesAndTexts);
		return issues.stream().filter(i -> i.getUriToProblem().trimFragment().lastSegment().equals(file))
				.map(Diagnostics::brief).toList();
	}

	private static String scenario(String on, String... lines) {
		return "scenario s on " + on + " {\n" + String.join("\n", lines) + "\n}\n";
	}

	@Test
	void scenarioResolvesAPlatformOfAnotherFile() {
		String text = scenario("p", "initially nic.msi[0] on cpu 1 vector 0x30", "concurrently {",
				"cpu 1 { set-affinity nic.msi[0] cpu 2 }", "device nic { raise msi[0] }", "}", "expect no lost-interrupt");
		assertThat(Diagnostics.issues("p.irqdsl", PLATFORM_P, "s.irqdsl", text)).isEmpty();
	}

	@Test
	void theLinkAcrossFilesCarriesThePlatformsFacts() {
		String text = scenario("p", "initially nic.msi[1] on cpu 1 vector 0x30");
		assertThat(of("s.irqdsl", "p.irqdsl", PLATFORM_P, "s.irqdsl", text)).containsExactly(
				at(text, "nic.msi[1]", "error [entry-index]"));
	}

	@Test
	void aPlatformNoFileDeclaresDoesNotResolve() {
		String text = scenario("r", "initially nic.msi[0] on cpu 1 vector 0x30");
		assertThat(of("s.irqdsl", "p.irqdsl", PLATFORM_P, "s.irqdsl", text)).containsExactly(
				at(text, "scenario s on r", "error [unresolved-reference]"), at(text, "initially", "error [unresolved-reference]"));
	}

	@Test
	void devicesBehindAVmdChildBusResolve() {
		String text = PLATFORM_P + scenario("p", "initially nvme1.msi-x[7] on cpu 1 vector 0x30", "concurrently {",
				"device nvme1 { raise msi-x[0] }", "cpu 0 { free_irq nvme1.msi-x[7] }", "}");
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void aDeviceOfAnotherPlatformDoesNotResolve() {
		String text = PLATFORM_P + PLATFORM_Q + scenario("q", "initially nvme0.msi-x[0] on cpu 1 vector 0x30");
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "initially nvme0", "error [unresolved-reference]"));
		assertThat(Diagnostics.messages(text)).containsExactly("unknown device 'nvme0' (known here: nic)");
	}

	@Test
	void aDeviceNameSharedByTwoPlatformsResolvesToTheScenariosPlatform() {
		String onQ = scenario("q", "initially nic.msi[3] on cpu 1 vector 0x30");
		assertThat(of("s.irqdsl", "p.irqdsl", PLATFORM_P, "q.irqdsl", PLATFORM_Q, "s.irqdsl", onQ)).isEmpty();

		String onP = scenario("p", "initially nic.msi[3] on cpu 1 vector 0x30");
		assertThat(of("s.irqdsl", "p.irqdsl", PLATFORM_P, "q.irqdsl", PLATFORM_Q, "s.irqdsl", onP)).containsExactly(
				at(onP, "nic.msi[3]", "error [entry-index]"));
	}

	@Test
	void aDomainNamedVectorIsANameAndAParent() {
		String text = platform(x86Vector(), dmar("affinity-update remap"), pciBus("ir", "device nic at \"00:02.0\" { msi count 1 maskable }"))
				+ scenario("p", "initially nic.msi[0] on cpu 1 vector 0x30", "concurrently {",
						"cpu 1 { set-affinity nic.msi[0] cpu 2 vector 0x31 }", "}");
		assertThat(text).contains("domain vector : VECTOR", "domain ir : DMAR parent vector");
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void domainsOfAnotherPlatformAreNotVisible() {
		String q = "platform q {\n cpus 2\n " + dmar("affinity-update remap") + "\n}\n";
		String text = platform(x86Vector()) + q;
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "parent vector", "error [unresolved-reference]"));
		assertThat(Diagnostics.messages(text)).containsExactly("unknown domain 'vector' (known here: ir)");
	}

	@Test
	void otherKeywordsWorkAsNamesToo() {
		String text = platform(domain("device : VECTOR", "vectors 0x20..0xff", X86_VECTOR_OPS, "affinity-update two-step"),
				"bus pci bus msi-parent device {\n device msi at \"00:02.0\" { msi count 1 maskable }\n}")
				+ scenario("p", "initially msi.msi[0] on cpu 1 vector 0x30");
		assertThat(Diagnostics.of(text)).isEmpty();
	}
}
