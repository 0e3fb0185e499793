package org.irqdsl.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.validation.checks.Fixtures.*;

import org.irqdsl.validation.Diagnostics;
import org.junit.jupiter.api.Test;

class ProcedureReferenceTest {

	private static final String ID = "procedure-reference";
	private static final String NIC = "device nic at \"00:02.0\" { msi count 1 maskable }";

	private static String x86(String domainLine, String before) {
		return before + platform(x86Vector(domainLine), pciBus("vector", NIC));
	}

	@Test
	void aLibraryProcedureByNameIsAccepted() {
		String text = x86("affinity-library x86_msi_set_affinity_v6_7", "");
		assertThat(Diagnostics.of(text)).noneMatch(d -> d.contains(ID));
	}

	@Test
	void anUnknownLibraryNameListsTheLibrary() {
		String text = x86("affinity-library x86_msi_set_affinity_v9", "");
		assertThat(Diagnostics.of(text)).contains(at(text, "affinity-library", "error [" + ID + "]"));
		assertThat(message(text, ID)).contains("unknown affinity-update procedure 'x86_msi_set_affinity_v9'",
				"x86_msi_set_affinity_v6_7");
	}

	@Test
	void aHotUnplugProcedureCannotMoveAnInterrupt() {
		String text = x86("affinity-procedure unplug", "procedure unplug for hot-unplug { retrigger-pending }\n");
		assertThat(message(text, ID)).contains("it is a procedure for hot-unplug, expected one for affinity-update");
	}

	@Test
	void aPathAfterAnUnguardedPathIsNeverTaken() {
		String text = x86("affinity-procedure p",
				"procedure p for affinity-update { path a { write message } path b when maskable { write message } }\n");
		assertThat(message(text, ID)).contains("path b is never taken");
	}

	@Test
	void aWellFormedUserProcedureIsAccepted() {
		String text = x86("affinity-procedure p",
				"procedure p for affinity-update { runs at-once path a when maskable { mask device write message unmask device } path b { write message } }\n");
		assertThat(Diagnostics.of(text)).noneMatch(d -> d.contains(ID));
	}

	@Test
	void theHotUnplugLibraryIsChecked() {
		String ok = platform("hot-unplug-library cdx_two_stage_migration", x86Vector(""), pciBus("vector", NIC));
		assertThat(Diagnostics.of(ok)).noneMatch(d -> d.contains(ID));
		String bad = platform("hot-unplug-library nope", x86Vector(""), pciBus("vector", NIC));
		assertThat(message(bad, ID)).contains("unknown hot-unplug procedure 'nope'", "migrate_one_irq");
	}

	@Test
	void aBusWritingTheMessageFromAWorkQueueIsAnAsyncWriteAndAGuardedWriteIsRefused() {
		String queued = "procedure w for msi-write { path p { queue-work } }\n" + platform(x86Vector(""),
				"bus pci pcie0 msi-parent vector {\nmsi-write-procedure w\n" + NIC + "\n}");
		assertThat(Diagnostics.of(queued)).contains(at(queued, "msi-write-procedure w", "error [async-msi-write]"));
		assertThat(message(queued, "async-msi-write")).contains("procedure w");
		String guarded = "procedure w for msi-write { path p when maskable { write message } }\n" + platform(x86Vector(""),
				"bus pci pcie0 msi-parent vector {\nmsi-write-procedure w\n" + NIC + "\n}");
		assertThat(message(guarded, ID)).contains("exactly one path, without guards");
	}
}
