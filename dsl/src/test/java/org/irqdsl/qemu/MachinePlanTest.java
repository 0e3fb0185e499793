package org.irqdsl.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.irqdsl.irqDsl.Model;
import org.irqdsl.irqDsl.Platform;
import org.junit.jupiter.api.Test;

class MachinePlanTest {

	private static final String VECTOR = """
			domain vector : VECTOR { vectors 0x20..0xeb }
			""";

	static Platform platform(String body) throws QemuException {
		Model m = Models.parse("platform p {\n cpus 4\n" + body + "}\n", "p.irqdsl");
		return Models.platform(m, "p", "p.irqdsl");
	}

	@Test
	void eachDeviceGoesOntoTheQemuDeviceOfItsShapeAndKeepsItsRootSlot() throws Exception {
		MachinePlan plan = MachinePlan.of(platform(VECTOR + """
				bus pci b msi-parent vector {
				  device ahci at "00:1f.2" { msi count 1 64-bit }
				  device nvme at "00:04.0" { msi-x count 9 }
				  device rp at "00:06.0" { msi count 2 maskable }
				}
				"""));
		assertThat(plan.target()).isEqualTo(QemuTarget.X86_Q35);
		assertThat(plan.placed()).extracting(p -> p.name() + " " + p.qemu().model() + " " + p.guestAddress() + " " + p.builtIn())
				.containsExactly("ahci ahci 00:1f.2 true", "nvme nvme 00:04.0 false", "rp ioh3420 00:06.0 false");
		assertThat(plan.unmatched()).isEmpty();
	}

	@Test
	void aDeviceNoQemuDeviceMatchesIsNamedWithTheReason() throws Exception {
		MachinePlan plan = MachinePlan.of(platform(VECTOR + """
				bus pci b msi-parent vector {
				  device nic at "00:03.0" { msi count 1 maskable 64-bit }
				  device big at "00:05.0" { msi-x count 4096 }
				}
				"""));
		assertThat(plan.placed()).isEmpty();
		assertThat(plan.unmatched()).extracting(Object::toString).containsExactly(
				"device nic at \"00:03.0\" (msi count 1 maskable 64-bit): not in the QEMU machine: no QEMU device has the MSI shape "
						+ "\"msi count 1 maskable 64-bit\" (the table in docs/qemu.md lists the shapes there are)",
				"device big at \"00:05.0\" (msi-x count 4096): not in the QEMU machine: msi-x count 4096 is above what QEMU's nvme offers (2048)");
	}

	@Test
	void devicesOffTheRootBusOrOnATakenSlotGetTheNextFreeSlot() throws Exception {
		MachinePlan plan = MachinePlan.of(platform(VECTOR + """
				bus pci b msi-parent vector {
				  device a at "00:01.0" { msi-x count 2 }
				  device b at "03:00.0" { msi-x count 2 }
				  device c at "00:01.0" { msi-x count 2 }
				  device d at "00:1f.2" { msi-x count 2 }
				}
				"""));
		assertThat(plan.placed()).extracting(p -> p.name() + "@" + p.guestAddress())
				.containsExactly("a@00:01.0", "b@00:02.0", "c@00:03.0", "d@00:04.0");
	}

	/** QEMU's amd-iommu puts its own PCI function in the first free slot (00:01.0): a device described there moves. */
	@Test
	void amdIommusOwnFunctionKeepsSlotOne() throws Exception {
		MachinePlan plan = MachinePlan.of(platform(VECTOR + """
				domain ir : AMDVI parent vector
				bus pci b msi-parent ir {
				  device a at "00:01.0" { msi-x count 2 }
				}
				"""));
		assertThat(plan.placed()).extracting(p -> p.name() + "@" + p.guestAddress()).containsExactly("a@00:02.0");
	}

	@Test
	void theRemappingDomainAndTheRootChooseTheMachine() throws Exception {
		assertThat(QemuTarget.of(platform(VECTOR + "domain ir : DMAR parent vector\n"))).isEqualTo(QemuTarget.X86_Q35_INTEL_IR);
		assertThat(QemuTarget.of(platform(VECTOR + "domain ir : AMDVI parent vector\n"))).isEqualTo(QemuTarget.X86_Q35_AMD_IR);
		assertThat(QemuTarget.of(platform("domain its : GIC_ITS\n"))).isEqualTo(QemuTarget.ARM64_VIRT_ITS);
		assertThat(QemuTarget.of(platform("domain imsic : IMSIC\n"))).isEqualTo(QemuTarget.RISCV64_VIRT_AIA);
		assertThatThrownBy(() -> QemuTarget.of(platform("domain n : NEXUS\n"))).isInstanceOf(QemuException.class)
				.hasMessageContaining("no QEMU machine for its root controller");
	}

	@Test
	void theCommandLineHasTheIommuTheDevicesAndTheirDisks() throws Exception {
		MachinePlan plan = MachinePlan.of(platform(VECTOR + """
				domain ir : DMAR parent vector
				bus pci b msi-parent ir {
				  device ahci at "00:1f.2" { msi count 1 64-bit }
				  device nvme at "00:04.0" { msi-x count 3 }
				}
				"""));
		String cmd = QemuCommandLine.shell(QemuCommandLine.build(plan, 4, Path.of("/boot/vmlinuz"), Path.of("i.gz"), Path.of("c.txt"), Path.of("o")));
		assertThat(cmd).startsWith("qemu-system-x86_64 -machine q35,kernel-irqchip=split -accel tcg -smp 4")
				.contains("-device intel-iommu,intremap=on")
				.contains("-device ide-hd,bus=ide.0,drive=d0")
				.contains("-device nvme,id=d1,bus=pcie.0,addr=04.0,msix_qsize=3,max_ioqpairs=2,drive=d1b,serial=nvme")
				.contains("file=o/disk-nvme.img")
				.endsWith("'panic=-1 quiet loglevel=4 console=ttyS0 intel_iommu=on'");
	}

	@Test
	void aMissingPlatformIsNamedWithThoseThereAre() {
		assertThatThrownBy(() -> Models.platform(Models.parse("platform a { cpus 1 }\n", "x.irqdsl"), "b", "x.irqdsl"))
				.hasMessage("x.irqdsl: no platform b (platforms: a)");
		assertThatThrownBy(() -> Models.parse("platform {", "y.irqdsl")).hasMessageStartingWith("y.irqdsl:1: ");
	}
}
