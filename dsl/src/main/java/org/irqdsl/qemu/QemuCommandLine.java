package org.irqdsl.qemu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The QEMU command line of a {@link MachinePlan}: TCG (no acceleration here), no default devices,
 * the serial console to a file, each placed device at its guest address with an empty disk where
 * its driver needs one to do I/O.
 */
public final class QemuCommandLine {

	private QemuCommandLine() {
	}

	/** The disk image of a placed device that needs one: {@code disk-NAME.img} next to the initramfs. */
	public static Path disk(Path dir, MachinePlan.Placed p) {
		return dir.resolve("disk-" + p.name() + ".img");
	}

	public static List<String> build(MachinePlan plan, int cpus, Path kernel, Path initrd, Path console, Path dir) {
		QemuTarget t = plan.target();
		List<String> a = new ArrayList<>(List.of(t.binary, "-machine", t.machine, "-accel", "tcg"));
		switch (t) {
		case ARM64_VIRT_ITS -> a.addAll(List.of("-cpu", "cortex-a57"));
		case RISCV64_VIRT_AIA -> a.addAll(List.of("-cpu", "rv64"));
		default -> {
		}
		}
		a.addAll(List.of("-smp", String.valueOf(cpus), "-m", "512M", "-nodefaults", "-no-reboot", "-display", "none",
				"-monitor", "none", "-serial", "file:" + console));
		String append = "panic=-1 quiet loglevel=4 " + (t == QemuTarget.ARM64_VIRT_ITS ? "console=ttyAMA0" : "console=ttyS0");
		switch (t) {
		// intremap needs the split irqchip (the IOAPIC in QEMU): docs/qemu.md
		case X86_Q35_INTEL_IR -> {
			a.addAll(List.of("-device", "intel-iommu,intremap=on"));
			append += " intel_iommu=on";
		}
		case X86_Q35_AMD_IR -> {
			a.addAll(List.of("-device", "amd-iommu,intremap=on"));
			// 6.1 under QEMU 7.2 TCG panics in arch/x86/kernel/apic/io_apic.c check_timer() ("timer doesn't
			// work through Interrupt-remapped IO-APIC", panic_if_irq_remap()); no_timer_check skips
			// timer_irq_works(): the PIT-through-IOAPIC probe, not the MSI path compared here
			append += " no_timer_check";
		}
		default -> {
		}
		}
		int n = 0;
		for (MachinePlan.Placed p : plan.placed()) {
			String id = "d" + n++;
			String addr = p.guestAddress().substring(3);
			if (p.builtIn()) {
				// q35's ICH9 AHCI at 00:1f.2: its first port is bus ide.0
				a.addAll(drive(id, disk(dir, p)));
				a.addAll(List.of("-device", "ide-hd,bus=ide.0,drive=" + id));
				continue;
			}
			String bus = t.isX86() ? "pcie.0" : "pcie.0";
			String dev = p.qemu().model() + ",id=" + id + ",bus=" + bus + ",addr=" + addr + p.qemu().properties(p.shape());
			if (p.qemu() == DeviceTable.IOH3420) {
				dev += ",chassis=" + n + ",slot=" + n;
			}
			if (p.qemu() == DeviceTable.NVME) {
				a.addAll(drive(id + "b", disk(dir, p)));
				dev += ",drive=" + id + "b,serial=" + p.name();
			}
			if (p.qemu() == DeviceTable.E1000E) {
				a.addAll(List.of("-netdev", "user,id=" + id + "n,restrict=on"));
				dev += ",netdev=" + id + "n";
			}
			a.addAll(List.of("-device", dev));
			if (p.qemu() == DeviceTable.ICH9_AHCI) {
				a.addAll(drive(id + "b", disk(dir, p)));
				a.addAll(List.of("-device", "ide-hd,bus=" + id + ".0,drive=" + id + "b"));
			}
		}
		a.addAll(List.of("-kernel", kernel.toString(), "-initrd", initrd.toString(), "-append", append));
		return a;
	}

	private static List<String> drive(String id, Path image) {
		return List.of("-drive", "if=none,id=" + id + ",format=raw,file=" + image);
	}

	/** The command line as a shell would take it. */
	public static String shell(List<String> args) {
		StringBuilder s = new StringBuilder();
		for (String x : args) {
			s.append(s.isEmpty() ? "" : " ").append(x.matches("[A-Za-z0-9_./:=,+-]+") ? x : "'" + x.replace("'", "'\\''") + "'");
		}
		return s.toString();
	}
}
