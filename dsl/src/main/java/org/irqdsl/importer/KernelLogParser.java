package org.irqdsl.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.irqdsl.analysis.PciAddress;
import org.irqdsl.importer.KernelLog.Counted;
import org.irqdsl.importer.KernelLog.MsiAllocation;
import org.irqdsl.importer.KernelLog.RemapEvent;
import org.irqdsl.importer.KernelLog.RemapState;
import org.irqdsl.importer.KernelLog.RemapVendor;
import org.irqdsl.importer.KernelLog.Versioned;

/**
 * Reads the kernel messages that decide interrupt delivery from a kernel log: {@code dmesg},
 * {@code dmesg -T}, /dev/kmsg records, syslog's kern.log, {@code journalctl -k}; with or without a
 * {@code <6>} priority prefix and a timestamp. Messages (kernel source in brackets):
 * <ul>
 * <li>{@code Linux version 6.12.0-...} (init/version.c linux_banner);</li>
 * <li>{@code DMAR-IR: Enabled IRQ remapping in x2apic|xapic mode}
 * (drivers/iommu/intel/irq_remapping.c intel_enable_irq_remapping), {@code Failed to enable irq
 * remapping}, the x2apic opt-out ({@code x2apic is disabled because BIOS sets x2apic opt out bit}),
 * {@code x2apic: IRQ remapping doesn't support X2APIC mode} (arch/x86/kernel/apic/apic.c);</li>
 * <li>{@code AMD-Vi: Interrupt remapping enabled} (drivers/iommu/amd/init.c);</li>
 * <li>{@code intremap=off} / {@code nointremap} on the kernel command line
 * (drivers/iommu/irq_remapping.c setup_irqremap);</li>
 * <li>GIC ITS / GICv2m probe lines (drivers/irqchip/irq-gic-v3-its.c, irq-gic-v2m.c), RISC-V
 * {@code riscv-imsic:} and {@code riscv-aplic ...: N interrupts forwarded to MSI}
 * (drivers/irqchip/irq-riscv-imsic-state.c, irq-riscv-aplic-msi.c);</li>
 * <li>{@code smp: Brought up 1 node, 16 CPUs} (kernel/smp.c);</li>
 * <li>{@code pcieport 0000:00:1c.0: irq 41 for MSI/MSI-X} (drivers/pci/msi.c before v3.19).</li>
 * </ul>
 * Other lines are not about interrupt delivery and are skipped. A line that speaks of IRQ or
 * interrupt remapping, or a {@code Linux version} banner, in no known form is reported as
 * unparseable with its number.
 */
public final class KernelLogParser {

	private static final Pattern PRIORITY = Pattern.compile("^<\\d{1,3}>");
	/** /dev/kmsg: "6,339,5140900,-;message". */
	private static final Pattern KMSG = Pattern.compile("^\\d{1,3},\\d+,\\d+,[^;]*;");
	/** syslog / kern.log / journalctl: "Jan 20 10:17:45 host kernel: " or ISO "2026-01-20T10:17:45+0100 host kernel: ". */
	private static final Pattern SYSLOG = Pattern
			.compile("^(?:[A-Z][a-z]{2} [ \\d]\\d \\d{2}:\\d{2}:\\d{2}|\\d{4}-\\d{2}-\\d{2}[T ][\\d:.,]+(?:[+-]\\d{2}:?\\d{2}|Z)?) \\S+ kernel: ");
	/** "[    0.081254]", "[Tue Jan 20 10:17:45 2026]", "[  +0.000002]". */
	private static final Pattern TIMESTAMP = Pattern.compile("^\\[[^\\]]{0,40}\\d[^\\]]{0,40}\\]\\s?");
	/** dmesg --time-format iso: "2026-01-20T10:17:45,123456+01:00 ". */
	/** journalctl -o short-monotonic: "[    0.081254] host kernel: ". */
	private static final Pattern HOST_KERNEL = Pattern.compile("^[\\w.-]+ kernel: ");
	private static final Pattern ISO_TIME = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T[\\d:.,]+(?:[+-]\\d{2}:?\\d{2})? ");

	private static final Pattern BANNER = Pattern.compile("^Linux version (\\S+)");
	private static final Pattern DMAR_IR_ON = Pattern.compile("^(?:DMAR-IR: )?Enabled IRQ remapping in (x2apic|xapic) mode");
	private static final Pattern IR_FAILED = Pattern.compile("Failed to enable (?:irq|IRQ|interrupt) remapping");
	private static final Pattern IR_ERRATUM = Pattern.compile("interrupt remapping is being disabled");
	private static final Pattern AMD_IR_ON = Pattern.compile("^AMD-Vi: Interrupt remapping enabled");
	private static final Pattern AMD_IR_OFF = Pattern.compile("^AMD-Vi: Interrupt remapping disabled");
	private static final Pattern CMDLINE = Pattern.compile("^(?:Kernel command line|Command line): (.*)$");
	private static final Pattern CMDLINE_IR_OFF = Pattern.compile("(?:^|\\s)(?:intremap=(?:[^\\s]*,)?off|nointremap)(?:[\\s,]|$)");
	private static final Pattern X2APIC_OPTOUT = Pattern.compile("x2apic is disabled because BIOS sets x2apic opt out bit");
	private static final Pattern X2APIC_NO_IR = Pattern.compile("^x2apic: IRQ remapping doesn't support X2APIC mode");
	private static final Pattern X2APIC_ON = Pattern.compile("^x2apic enabled|^AMD-Vi: X2APIC enabled|^AMD-Vi: Virtual APIC enabled");
	private static final Pattern IR_KNOWN_INFO = Pattern.compile(
			"^DMAR-IR: (?:IOAPIC id|HPET id|Queued invalidation|Use 'intremap|IRQ remapping was enabled on)|^AMD-Vi: ");
	private static final Pattern REMAP_WORDS = Pattern.compile("(?i)\\b(?:irq|interrupt) remapping\\b");
	private static final Pattern ITS = Pattern.compile("^(?:ITS(?:@0x[0-9a-fA-F]+)?[: \\[]|GICv3: .*\\bITS\\b|GIC: .*\\bITS\\b)");
	private static final Pattern GICV2M = Pattern.compile("^GICv2m: ");
	private static final Pattern GIC = Pattern.compile("^(?:GICv3|GICv2|GIC): ");
	private static final Pattern IMSIC = Pattern.compile("^riscv-imsic: ");
	private static final Pattern APLIC = Pattern.compile("^riscv-aplic \\S+: (\\d+) interrupts (forwarded to MSI|directly connected)");
	private static final Pattern SMP = Pattern.compile("^(?:smp: )?Brought up (?:\\d+ nodes?, )?(\\d{1,5}) CPUs?\\b");
	private static final Pattern MSI_ALLOC = Pattern
			.compile("^(\\S+) ((?:[0-9a-fA-F]{4,5}:)?[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]): irq (\\d{1,7}) for MSI/MSI-X");
	private static final Pattern X86 = Pattern.compile("^(?:x86/|x86:|APIC: |ACPI: IOAPIC|IOAPIC\\[|DMAR: |intel_idle: |smpboot: CPU0: )");
	private static final Pattern RISCV = Pattern.compile("^(?:riscv: |RISC-V |riscv-intc|riscv-imsic|riscv-aplic)");

	private KernelLogParser() {
	}

	/** The message of a log line: priority, kmsg, syslog and timestamp prefixes removed. */
	static String message(String line) {
		String s = line;
		Matcher m = PRIORITY.matcher(s);
		if (m.find()) {
			s = s.substring(m.end());
		}
		m = KMSG.matcher(s);
		if (m.find()) {
			s = s.substring(m.end());
		}
		m = SYSLOG.matcher(s);
		if (m.find()) {
			s = s.substring(m.end());
		}
		m = ISO_TIME.matcher(s);
		if (m.find()) {
			s = s.substring(m.end());
		}
		m = TIMESTAMP.matcher(s);
		if (m.find()) {
			s = s.substring(m.end());
		}
		m = HOST_KERNEL.matcher(s);
		if (m.find()) {
			s = s.substring(m.end());
		}
		return s.strip();
	}

	public static KernelLog parse(InputText input) {
		Optional<Versioned> version = Optional.empty();
		List<RemapEvent> remap = new ArrayList<>();
		List<Evidence> notes = new ArrayList<>();
		Evidence intel = null;
		Evidence amd = null;
		Evidence its = null;
		Evidence v2m = null;
		Evidence gic = null;
		Evidence imsic = null;
		Evidence aplic = null;
		Evidence x86 = null;
		Evidence riscv = null;
		Counted cpus = null;
		List<MsiAllocation> allocations = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		int relevant = 0;
		List<String> lines = input.lines();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).isBlank()) {
				continue;
			}
			SourceRef at = input.at(i + 1);
			String msg = message(lines.get(i));
			boolean known = true;
			Matcher m;
			if ((m = BANNER.matcher(msg)).find()) {
				Optional<KernelVersion> v = KernelVersion.parse(m.group(1));
				if (v.isPresent()) {
					version = Optional.of(new Versioned(v.get(), m.group(1), at));
				} else {
					problems.add(Problem.unparseable(at, "Linux version banner without a version number", msg));
				}
			} else if ((m = DMAR_IR_ON.matcher(msg)).find()) {
				remap.add(new RemapEvent(RemapState.ON, RemapVendor.DMAR, "Intel interrupt remapping enabled in " + m.group(1) + " mode", at));
			} else if (IR_FAILED.matcher(msg).find() || IR_ERRATUM.matcher(msg).find()) {
				remap.add(new RemapEvent(RemapState.OFF, msg.startsWith("DMAR") ? RemapVendor.DMAR : null,
						"interrupt remapping not enabled: " + Texts.excerpt(msg), at));
			} else if (AMD_IR_ON.matcher(msg).find()) {
				remap.add(new RemapEvent(RemapState.ON, RemapVendor.AMDVI, "AMD-Vi interrupt remapping enabled", at));
			} else if (AMD_IR_OFF.matcher(msg).find()) {
				remap.add(new RemapEvent(RemapState.OFF, RemapVendor.AMDVI, "AMD-Vi interrupt remapping disabled", at));
			} else if ((m = CMDLINE.matcher(msg)).find()) {
				if (CMDLINE_IR_OFF.matcher(m.group(1)).find()) {
					remap.add(new RemapEvent(RemapState.OFF, null, "interrupt remapping switched off on the kernel command line", at));
				} else {
					known = false;
				}
			} else if (X2APIC_OPTOUT.matcher(msg).find()) {
				notes.add(new Evidence("x2apic opted out by the BIOS (DMAR table flag): remapping runs in xapic mode", at));
			} else if (X2APIC_NO_IR.matcher(msg).find()) {
				notes.add(new Evidence("x2apic not enabled: interrupt remapping in xapic mode", at));
			} else if (X2APIC_ON.matcher(msg).find()) {
				notes.add(new Evidence(Texts.excerpt(msg), at));
			} else if ((m = SMP.matcher(msg)).find()) {
				cpus = new Counted(Integer.parseInt(m.group(1)), Texts.excerpt(msg), at);
			} else if ((m = MSI_ALLOC.matcher(msg)).find()) {
				Optional<PciAddress> address = PciAddress.parse(m.group(2));
				if (address.isPresent()) {
					allocations.add(new MsiAllocation(address.get(), m.group(2), m.group(1), Integer.parseInt(m.group(3)), at));
				} else {
					problems.add(Problem.unparseable(at, "MSI allocation line with a malformed PCI address", msg));
				}
			} else if ((m = APLIC.matcher(msg)).find()) {
				aplic = first(aplic, new Evidence("RISC-V APLIC: " + m.group(1) + " wired interrupts "
						+ (m.group(2).startsWith("forwarded") ? "forwarded to the IMSIC as MSIs" : "directly connected to harts"), at));
				riscv = first(riscv, new Evidence("RISC-V APLIC", at));
			} else if (IMSIC.matcher(msg).find()) {
				imsic = first(imsic, new Evidence("RISC-V IMSIC: " + Texts.excerpt(msg.substring("riscv-imsic: ".length())), at));
				riscv = first(riscv, new Evidence("RISC-V IMSIC", at));
			} else if (ITS.matcher(msg).find()) {
				its = first(its, new Evidence("GICv3 ITS: " + Texts.excerpt(msg), at));
				gic = first(gic, new Evidence("Arm GIC", at));
			} else if (GICV2M.matcher(msg).find()) {
				v2m = first(v2m, new Evidence("GICv2m MSI frame: " + Texts.excerpt(msg), at));
				gic = first(gic, new Evidence("Arm GIC", at));
			} else if (GIC.matcher(msg).find()) {
				gic = first(gic, new Evidence("Arm GIC: " + Texts.excerpt(msg), at));
			} else if (REMAP_WORDS.matcher(msg).find() && !IR_KNOWN_INFO.matcher(msg).find()) {
				problems.add(Problem.unparseable(at, "speaks of interrupt remapping but matches no known kernel message", msg));
			} else {
				known = false;
			}
			if (msg.startsWith("DMAR")) {
				known = true;
				intel = first(intel, new Evidence("Intel VT-d (DMAR)", at));
			}
			if (msg.startsWith("AMD-Vi")) {
				known = true;
				amd = first(amd, new Evidence("AMD IOMMU (AMD-Vi)", at));
			}
			relevant += known ? 1 : 0;
			if (x86 == null && (X86.matcher(msg).find() || msg.startsWith("AMD-Vi") || msg.startsWith("DMAR"))) {
				x86 = new Evidence("x86: " + Texts.excerpt(msg), at);
			}
			if (riscv == null && RISCV.matcher(msg).find()) {
				riscv = new Evidence("RISC-V: " + Texts.excerpt(msg), at);
			}
		}
		return new KernelLog(input, version, remap, notes, Optional.ofNullable(intel), Optional.ofNullable(amd),
				Optional.ofNullable(its), Optional.ofNullable(v2m), Optional.ofNullable(gic), Optional.ofNullable(imsic),
				Optional.ofNullable(aplic), Optional.ofNullable(x86), Optional.ofNullable(riscv), Optional.ofNullable(cpus),
				allocations, problems, relevant);
	}

	private static Evidence first(Evidence existing, Evidence candidate) {
		return existing != null ? existing : candidate;
	}
}
