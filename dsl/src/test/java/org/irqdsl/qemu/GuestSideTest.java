package org.irqdsl.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.irqdsl.runtime.kernel.KernelProcedures;
import org.irqdsl.runtime.kernel.KernelRelease;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuestSideTest {

	private static final String CONSOLE = """
			SeaBIOS noise\r
			=== irqdsl-qemu: booted
			=== irqdsl-qemu: lspci
			00:1f.2 SATA controller: Intel Corporation 82801IR/IO/IH (ICH9R/DO/DH) 6 port SATA Controller [AHCI mode] (rev 02)
			=== irqdsl-qemu: interrupts
			 25:  0 0 0 3 PCI-MSI 512000-edge ahci[0000:00:1f.2]
			=== irqdsl-qemu: dmesg
			[    0.000000] Linux version 6.1.0-57-amd64 (debian-kernel@lists.debian.org) #1 SMP PREEMPT_DYNAMIC Debian 6.1.192-3 (2026-11-26)
			=== irqdsl-qemu: traceable msi_set_affinity __pci_write_msi_msg
			=== irqdsl-qemu: not-traceable irq_msi_update_msg lapic_vector_set_in_irr
			=== irqdsl-qemu: move nvme0.msi-x[0] set-affinity cpu 2 irq 26 on 1
			              sh-1       [001] d.h1.    18.100: msi_set_affinity <-irq_do_set_affinity
			              sh-1       [001] d.h1.    18.101: __pci_write_msi_msg <-pci_msi_domain_write_msg
			              sh-1       [003] d.h1.    18.101: __pci_write_msi_msg <-pci_msi_domain_write_msg
			              sh-1       [001] d.h1.    18.102: __pci_write_msi_msg <-pci_msi_domain_write_msg
			=== irqdsl-qemu: moved nvme0.msi-x[0] set-affinity cpu 2 irq 26 on 2
			=== irqdsl-qemu: end
			""";

	@Test
	void theConsoleSplitsIntoTheDumpsAndTheMoves() {
		GuestOutput g = GuestOutput.parse(CONSOLE);
		assertThat(g.lspci()).startsWith("00:1f.2 SATA").doesNotContain("irqdsl");
		assertThat(g.interrupts()).contains("ahci[0000:00:1f.2]");
		assertThat(g.dmesg()).contains("Linux version");
		assertThat(g.listed("traceable")).containsExactly("msi_set_affinity", "__pci_write_msi_msg");
		assertThat(g.listed("not-traceable")).containsExactly("irq_msi_update_msg", "lapic_vector_set_in_irr");
		assertThat(g.moves()).containsOnlyKeys("nvme0.msi-x[0] set-affinity cpu 2");
		assertThat(g.ended()).isTrue();
	}

	@Test
	void debiansUpstreamReleaseIsReadNotItsAbiName() {
		assertThat(TraceReport.release(GuestOutput.parse(CONSOLE).dmesg())).contains(new KernelRelease(6, 1, 192));
		assertThat(TraceReport.release("[0.0] Linux version 6.12.9 (x@y)")).contains(new KernelRelease(6, 12, 9));
	}

	@Test
	void theTwoWritesOnTheMovingCpuAgreeWithTheV67TwoStepPathForMsix() {
		GuestOutput g = GuestOutput.parse(CONSOLE);
		TracedMove mv = new TracedMove("nvme0.msi-x[0] set-affinity cpu 2", "nvme0", "00:04.0", 0, true, 1, 2);
		TraceReport r = TraceReport.of(mv, new MsiShape(0, false, false, 1), KernelProcedures.X86_V6_7,
				g.moves().get(mv.label()), g.listed("traceable"));
		assertThat(r.predictedPath()).isEqualTo("two-step");
		assertThat(r.predictedWrites()).isEqualTo(2);
		assertThat(r.observedWrites()).containsExactly(2);
		assertThat(r.observedPendingCheck()).isEmpty();
		assertThat(r.agrees()).isTrue();
	}

	/**
	 * unlock_vector_lock() called from msi_set_affinity() is the last step before the (inline) IRR test:
	 * the two-step call that reaches it ran the pending check; the direct path never takes the lock.
	 */
	@Test
	void unlockVectorLockFromMsiSetAffinityShowsThePendingCheckRan() {
		List<String> twoStep = List.of(
				"              sh-1       [001] d.h1.    18.099: vector_update: irq=26 vector=36 cpu=2 prev_vector=35 prev_cpu=1",
				"              sh-1       [001] d.h1.    18.100: msi_set_affinity <-irq_do_set_affinity",
				"              sh-1       [001] d.h1.    18.101: __pci_write_msi_msg <-pci_msi_domain_write_msg",
				"              sh-1       [001] d.h1.    18.102: __pci_write_msi_msg <-pci_msi_domain_write_msg",
				"              sh-1       [001] d.h1.    18.103: unlock_vector_lock <-msi_set_affinity",
				"              sh-1       [002] d.h1.    18.104: unlock_vector_lock <-lapic_online");
		List<String> traceable = List.of("msi_set_affinity", "__pci_write_msi_msg", "unlock_vector_lock");
		TracedMove mv = new TracedMove("nvme0.msi-x[0] set-affinity cpu 2", "nvme0", "00:04.0", 0, true, 1, 2);
		TraceReport r = TraceReport.of(mv, new MsiShape(0, false, false, 1), KernelProcedures.X86_V6_7, twoStep, traceable);
		assertThat(r.predictedPendingCheck()).isTrue();
		assertThat(r.observedPendingCheck()).contains(true);
		assertThat(r.agrees()).isTrue();
		assertThat(r.toText()).contains("pending check ran (unlock_vector_lock <- msi_set_affinity)");

		// the unlock on another CPU, from another caller, is not this call's: the check did not run
		TraceReport none = TraceReport.of(mv, new MsiShape(0, false, false, 1), KernelProcedures.X86_V6_7,
				List.of(twoStep.get(0), twoStep.get(1), twoStep.get(2), twoStep.get(3), twoStep.get(5)), traceable);
		assertThat(none.observedPendingCheck()).contains(false);
		assertThat(none.agrees()).isFalse();
	}

	/** The kernel kept the vector number on the new CPU: msi_set_affinity() updates directly, and so does the procedure. */
	@Test
	void theVectorTheKernelAllocatedDecidesThePath() {
		List<String> trace = List.of(
				"              sh-1       [001] d.h1.    18.099: vector_update: irq=25 vector=35 cpu=2 prev_vector=35 prev_cpu=1",
				"              sh-1       [001] d.h1.    18.100: msi_set_affinity <-irq_do_set_affinity",
				"              sh-1       [001] d.h1.    18.101: __pci_write_msi_msg <-pci_msi_domain_write_msg");
		TracedMove mv = new TracedMove("nvme0.msi-x[0] set-affinity cpu 2", "nvme0", "00:04.0", 0, true, 1, 2);
		TraceReport same = TraceReport.of(mv, new MsiShape(0, false, false, 1), KernelProcedures.X86_V6_7, trace,
				List.of("msi_set_affinity", "__pci_write_msi_msg"));
		assertThat(same.predictedPath()).isEqualTo("direct");
		assertThat(same.agrees()).isTrue();
		assertThat(same.toText()).contains("0x23 on cpu 1 -> 0x23 on cpu 2 (the same vector number");
		List<String> changed = List.of(trace.get(0).replace("vector=35 cpu=2", "vector=36 cpu=2"), trace.get(1), trace.get(2));
		TraceReport other = TraceReport.of(mv, new MsiShape(0, false, false, 1), KernelProcedures.X86_V6_7, changed,
				List.of("msi_set_affinity", "__pci_write_msi_msg"));
		assertThat(other.predictedPath()).isEqualTo("two-step");
		assertThat(other.agrees()).isFalse();
	}

	/**
	 * A CPU offline (Debian 6.1.192 guest, CPU 1): irq_migrate_all_off_this_cpu() moves every irq of the
	 * CPU and a managed one is shut down (its write comes from msi_domain_deactivate); only the traced
	 * irq's msi_set_affinity() call, named by the guest's kprobe, is compared.
	 */
	@Test
	void anOfflineComparesOnlyTheTracedIrqsCall() {
		List<String> trace = List.of("move ahci.msi[0] offline cpu 1 irq 25 on 1",
				"           <...>-20      [001] d..2.    11.569869: irq_do_set_affinity <-irq_migrate_all_off_this_cpu",
				"           <...>-20      [001] d..3.    11.569869: msi_set_affinity <-irq_do_set_affinity",
				"           <...>-20      [001] d..3.    11.569869: msi_irq: (msi_set_affinity+0x0/0x1a0) irq=25",
				"           <...>-20      [001] d..3.    11.569869: pci_msi_domain_write_msg <-msi_set_affinity",
				"           <...>-20      [001] d..3.    11.569869: __pci_write_msi_msg <-msi_set_affinity",
				"           <...>-20      [001] d..2.    11.569869: irq_do_set_affinity <-irq_migrate_all_off_this_cpu",
				"           <...>-20      [001] d..3.    11.569869: msi_irq: (msi_set_affinity+0x0/0x1a0) irq=27",
				"           <...>-20      [001] d..3.    11.569869: msi_set_affinity <-irq_do_set_affinity",
				"           <...>-20      [001] d..3.    11.569869: __pci_write_msi_msg <-msi_set_affinity",
				"           <...>-20      [001] d..3.    11.569869: __pci_write_msi_msg <-msi_set_affinity",
				"           <...>-20      [001] d..2.    11.569869: pci_msi_domain_write_msg <-msi_domain_deactivate",
				"           <...>-20      [001] d..2.    11.569869: __pci_write_msi_msg <-msi_domain_deactivate",
				"moved ahci.msi[0] offline cpu 1 irq 25 on 3");
		TracedMove mv = new TracedMove("ahci.msi[0] offline cpu 1", "ahci", "00:1f.2", 0, false, 1, -1);
		List<String> traceable = List.of("msi_set_affinity", "__pci_write_msi_msg", "pci_msi_domain_write_msg");
		TraceReport r = TraceReport.of(mv, new MsiShape(1, false, true, 0), KernelProcedures.X86_V6_7, trace, traceable);
		assertThat(r.predictedPath()).isEqualTo("direct");
		assertThat(r.observedWrites()).containsExactly(1);
		assertThat(r.otherCalls()).isEqualTo(1);
		assertThat(r.agrees()).isTrue();
		assertThat(r.toText()).contains("(and 1 call for the CPU's other irqs, not compared)").contains("tracepoints do not fire on the outgoing CPU");
		// the other irq's call is the two-step one: comparing it would disagree
		TraceReport other = TraceReport.of(mv, new MsiShape(1, false, true, 0), KernelProcedures.X86_V6_7,
				trace.stream().map(l -> l.replace("irq 25 on", "irq 27 on")).toList(), traceable);
		assertThat(other.observedWrites()).containsExactly(2);
		assertThat(other.agrees()).isFalse();
	}

	@Test
	void theSameTwoWritesDisagreeWithTheDirectPathOfANonMaskableMsi() {
		GuestOutput g = GuestOutput.parse(CONSOLE);
		TracedMove mv = new TracedMove("nvme0.msi-x[0] set-affinity cpu 2", "ahci", "00:1f.2", 0, false, 1, 2);
		TraceReport r = TraceReport.of(mv, new MsiShape(1, false, true, 0), KernelProcedures.X86_V6_7,
				g.moves().get(mv.label()), g.listed("traceable"));
		assertThat(r.predictedPath()).isEqualTo("direct");
		assertThat(r.predictedWrites()).isEqualTo(1);
		assertThat(r.agrees()).isFalse();
		assertThat(r.toText()).contains("DISAGREE");
	}

	@Test
	void theInitLoadsTheModulesAndTracesTheMoves() {
		String init = GuestInit.script(List.of("libata.ko", "ahci.ko"),
				List.of(new TracedMove("ahci.msi[0] set-affinity cpu 2", "ahci", "00:1f.2", 0, false, 1, 2)));
		assertThat(init).startsWith("#!/bin/busybox sh\n").contains("insmod /modules/libata.ko").contains("/bin/lspci -vv")
				.contains("set_ftrace_filter").contains("msi_set_affinity irq=+4(%di):u32").contains("move 'ahci.msi[0] set-affinity cpu 2' 00:1f.2 0 1 2\n").endsWith("poweroff -f\n");
		assertThat(init.indexOf("libata.ko")).isLessThan(init.indexOf("ahci.ko"));
	}

	@Test
	void cpioEntriesAreNewcWithParentFoldersAndATrailer() throws Exception {
		Cpio c = new Cpio().file("bin/x", "hi".getBytes(StandardCharsets.UTF_8), true);
		ByteArrayOutputStream o = new ByteArrayOutputStream();
		c.writeTo(o);
		byte[] b = o.toByteArray();
		String s = new String(b, StandardCharsets.ISO_8859_1);
		assertThat(b.length % 4).isZero();
		assertThat(s).startsWith("070701").contains("bin\0").contains("bin/x\0").contains("TRAILER!!!\0");
		// the folder comes first, with mode 040755
		assertThat(s.substring(14, 22)).isEqualTo(String.format("%08x", 040755));
		assertThat(c.has("/bin")).isTrue();
	}

	@Test
	void modulesComeDependenciesFirstAndBuiltInsNeedNone(@TempDir Path dir) throws Exception {
		Path mods = Files.createDirectories(dir.resolve("lib/6.1.0-9"));
		Files.writeString(mods.resolve("modules.dep"), """
				kernel/drivers/ata/libata.ko: kernel/drivers/scsi/scsi_mod.ko kernel/drivers/scsi/scsi_common.ko
				kernel/drivers/ata/ahci.ko: kernel/drivers/ata/libahci.ko kernel/drivers/ata/libata.ko kernel/drivers/scsi/scsi_mod.ko kernel/drivers/scsi/scsi_common.ko
				kernel/drivers/ata/libahci.ko: kernel/drivers/ata/libata.ko kernel/drivers/scsi/scsi_mod.ko kernel/drivers/scsi/scsi_common.ko
				""");
		Files.writeString(mods.resolve("modules.builtin"), "kernel/drivers/pci/pcie/portdrv.ko\n");
		Path boot = Files.createDirectories(dir.resolve("boot"));
		Files.writeString(boot.resolve("vmlinuz-6.1.0-9"), "k");
		Files.writeString(boot.resolve("vmlinuz-5.10.0-30"), "k");
		GuestKernel k = GuestKernel.find(java.util.Optional.empty(), boot, dir.resolve("lib"));
		assertThat(k.release()).isEqualTo("6.1.0-9");
		assertThat(k.modules(List.of("ahci", "portdrv")).stream().map(p -> p.getFileName().toString()))
				.containsExactly("scsi_common.ko", "scsi_mod.ko", "libata.ko", "libahci.ko", "ahci.ko");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> k.modules(List.of("nvme")))
				.hasMessageContaining("no module nvme (and not built in)");
	}
}
