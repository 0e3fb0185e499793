package org.irqdsl.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.irqdsl.analysis.PciAddress;
import org.irqdsl.importer.KernelLog.RemapState;
import org.irqdsl.importer.KernelLog.RemapVendor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KernelLogParserTest {

	static KernelLog parse(String text) {
		return KernelLogParser.parse(InputText.of("dmesg", "test", text));
	}

	static KernelLog sample(String name) {
		return KernelLogParser.parse(Samples.input("dmesg", name));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { //
			"[    0.086739] DMAR-IR: Enabled IRQ remapping in x2apic mode", //
			"<6>[    0.086739] DMAR-IR: Enabled IRQ remapping in x2apic mode", //
			"[Tue Jan 20 10:17:45 2026] DMAR-IR: Enabled IRQ remapping in x2apic mode", //
			"6,339,5140900,-;DMAR-IR: Enabled IRQ remapping in x2apic mode", //
			"Jan 20 10:17:45 myhost kernel: [    0.086739] DMAR-IR: Enabled IRQ remapping in x2apic mode", //
			"2026-01-20T10:17:45.123456+01:00 myhost kernel: DMAR-IR: Enabled IRQ remapping in x2apic mode", //
			"[    0.086739] myhost kernel: DMAR-IR: Enabled IRQ remapping in x2apic mode", //
			"DMAR-IR: Enabled IRQ remapping in x2apic mode" })
	void everyPrefixIsRemoved(String line) {
		assertThat(KernelLogParser.message(line)).isEqualTo("DMAR-IR: Enabled IRQ remapping in x2apic mode");
		assertThat(parse(line).remap()).singleElement().satisfies(e -> {
			assertThat(e.state()).isEqualTo(RemapState.ON);
			assertThat(e.vendor()).isEqualTo(RemapVendor.DMAR);
		});
	}

	@Test
	void chromeOsSyslogPrefixedDmar() {
		KernelLog l = sample("dmesg-chromeos-dmar-ir-x2apic-syslogprefix.txt");
		assertThat(l.remap()).singleElement().satisfies(e -> assertThat(e.at().line()).isEqualTo(12));
		assertThat(l.intelIommu()).isPresent();
		assertThat(l.notes()).extracting(Evidence::what).contains("x2apic enabled");
		assertThat(l.problems()).isEmpty();
	}

	@Test
	void surfaceX2apicOptOutStillRemapsInXapicMode() {
		KernelLog l = sample("dmesg-surfacepro7-dmar-ir-xapic-x2apic-optout.txt");
		assertThat(l.remap()).singleElement().satisfies(e -> {
			assertThat(e.message()).contains("xapic mode");
			assertThat(e.at().line()).isEqualTo(13);
		});
		assertThat(l.notes()).extracting(n -> n.at().line()).containsExactly(11, 14);
	}

	@Test
	void epycAmdViWithCrLf() {
		KernelLog l = sample("dmesg-epyc-genoa-amdvi-ir-x2apic.txt");
		assertThat(l.remap()).singleElement().satisfies(e -> assertThat(e.vendor()).isEqualTo(RemapVendor.AMDVI));
		assertThat(l.amdIommu()).isPresent();
	}

	@Test
	void riscvImsicAndAplicWithWallClockTimestamps() {
		KernelLog l = sample("dmesg-riscv-spacemit-k3-imsic-aplic.txt");
		assertThat(l.imsic()).hasValueSatisfying(e -> assertThat(e.at().line()).isEqualTo(4));
		assertThat(l.aplic()).hasValueSatisfying(e -> assertThat(e.what()).contains("512 wired interrupts forwarded"));
		assertThat(l.riscv()).isPresent();
		assertThat(l.x86()).isEmpty();
	}

	@Test
	void oldKernelMsiAllocations() {
		KernelLog l = sample("dmesg-alienware-m11x-noir-msi-alloc.txt");
		assertThat(l.msiAllocations()).extracting(KernelLog.MsiAllocation::address).containsExactly(new PciAddress(0, 0, 1, 0),
				new PciAddress(0, 0, 0x1c, 0), new PciAddress(0, 0, 0x1c, 1), new PciAddress(0, 0, 0x1c, 4));
		assertThat(l.msiAllocations().get(0).irq()).isEqualTo(40);
		assertThat(l.remap()).isEmpty();
		assertThat(l.x86()).isPresent(); // intel_idle
	}

	@Test
	void versionCpusCommandLineAndGic() {
		KernelLog l = parse("""
				[    0.000000] Linux version 5.4.0-150-generic (buildd@lcy02-amd64-010) (gcc version 9.4.0) #167-Ubuntu SMP
				[    0.000000] Kernel command line: BOOT_IMAGE=/vmlinuz root=/dev/sda1 ro intremap=off quiet
				[    0.000000] GICv3: 256 SPIs implemented
				[    0.000000] ITS [mem 0x2f020000-0x2f03ffff]
				[    0.000000] ITS@0x000000002f020000: allocated 8192 Devices @80000 (indirect, esz 8, psz 64K, shr 1)
				[    0.123456] smp: Brought up 1 node, 16 CPUs
				""");
		assertThat(l.version()).hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(new KernelVersion(5, 4, 0)));
		assertThat(l.remap()).singleElement().satisfies(e -> assertThat(e.state()).isEqualTo(RemapState.OFF));
		assertThat(l.gicIts()).hasValueSatisfying(e -> assertThat(e.at().line()).isEqualTo(4));
		assertThat(l.cpus()).hasValueSatisfying(c -> assertThat(c.count()).isEqualTo(16));
	}

	@Test
	void failedRemappingAndUnknownRemappingWording() {
		KernelLog l = parse("""
				[    0.1] DMAR-IR: Failed to enable irq remapping.  You are vulnerable to irq-injection attacks.
				[    0.2] DMAR-IR: Enabled IRQ remaXping in x2apic mode
				[    0.3] DMAR-IR: Queued invalidation will be enabled to support x2apic and Intr-remapping.
				[    0.4] Some driver: interrupt remapping is cool
				[    0.5] Linux version unknown
				""");
		assertThat(l.remap()).singleElement().satisfies(e -> assertThat(e.state()).isEqualTo(RemapState.OFF));
		assertThat(l.problems()).extracting(p -> p.at().line()).containsExactly(4, 5);
	}
}
