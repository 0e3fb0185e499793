package org.irqdsl.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.validation.Issue;
import org.irqdsl.validation.Diagnostics;
import org.irqdsl.validation.IrqDslChecks;

/**
 * Building blocks of the check and scoping tests: the real parents' msi_parent_ops as
 * reference/linux-msi.md ("Real parents") lists them, a platform wrapper, and line lookups so a
 * test can state the exact line of a diagnostic by the text it is on.
 */
public final class Fixtures {

	/** x86 vector domain, arch/x86/kernel/apic/msi.c (DOMAIN_BUS_ANY, no select mask). */
	public static final String X86_VECTOR_OPS = """
			msi-parent-ops {
			    supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX, MSI_FLAG_PCI_MSIX_ALLOC_DYN
			    required  MSI_FLAG_USE_DEF_DOM_OPS, MSI_FLAG_USE_DEF_CHIP_OPS
			}""";

	/** Intel DMAR remapping, drivers/iommu/intel/irq_remapping.c. */
	public static final String DMAR_OPS = """
			msi-parent-ops {
			    supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX, MSI_FLAG_PCI_MSIX_ALLOC_DYN, MSI_FLAG_MULTI_PCI_MSI
			    bus-token DOMAIN_BUS_DMAR
			    select    MATCH_PCI_MSI
			    prefix    "IR-"
			}""";

	/** GICv3 ITS, drivers/irqchip/irq-gic-its-msi-parent.c. */
	public static final String GIC_ITS_OPS = """
			msi-parent-ops {
			    supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX, MSI_FLAG_MULTI_PCI_MSI, MSI_FLAG_PCI_MSIX_ALLOC_DYN
			    required  MSI_FLAG_USE_DEF_DOM_OPS, MSI_FLAG_USE_DEF_CHIP_OPS, MSI_FLAG_PCI_MSI_MASK_PARENT
			    chip-flags MSI_CHIP_FLAG_SET_EOI
			    bus-token DOMAIN_BUS_NEXUS
			    select    MATCH_PCI_MSI, MATCH_PLATFORM_MSI
			    prefix    "ITS-"
			}""";

	/** RISC-V IMSIC, drivers/irqchip/irq-riscv-imsic-platform.c. */
	public static final String IMSIC_OPS = """
			msi-parent-ops {
			    supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX
			    required  MSI_FLAG_USE_DEF_DOM_OPS, MSI_FLAG_USE_DEF_CHIP_OPS, MSI_FLAG_PCI_MSI_MASK_PARENT
			    chip-flags MSI_CHIP_FLAG_SET_ACK
			    bus-token DOMAIN_BUS_NEXUS
			    select    MATCH_PCI_MSI, MATCH_PLATFORM_MSI
			}""";

	/** Intel VMD, drivers/pci/controller/vmd.c: requires MSI_FLAG_NO_AFFINITY without supporting it. */
	public static final String VMD_OPS = """
			msi-parent-ops {
			    supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX
			    required  MSI_FLAG_USE_DEF_DOM_OPS, MSI_FLAG_NO_AFFINITY
			    bus-token DOMAIN_BUS_VMD_MSI
			    select    MATCH_PCI_MSI
			    prefix    "VMD-"
			}""";

	private Fixtures() {
	}

	/** {@code platform p { cpus 4 ... }} around the given declarations, one per line. */
	public static String platform(String... declarations) {
		return platformWithCpus("cpus 4", declarations);
	}

	/** {@code platform p { CPUS ... }}: the given CPU declaration and declarations, one per line. */
	public static String platformWithCpus(String cpus, String... declarations) {
		return "platform p {\n" + cpus + "\n" + String.join("\n", declarations) + "\n}\n";
	}

	/** {@code domain vector : VECTOR} with the x86 vector range and ops, and the given extra lines. */
	public static String x86Vector(String... extra) {
		return domain("vector : VECTOR", "vectors 0x20..0xff", X86_VECTOR_OPS, String.join("\n", extra));
	}

	/** {@code domain ir : DMAR parent vector} with the DMAR ops and the given extra lines. */
	public static String dmar(String... extra) {
		return domain("ir : DMAR parent vector", DMAR_OPS, String.join("\n", extra));
	}

	/** {@code domain its : GIC_ITS} with the ITS ops, ISOLATED_MSI | MSI_IMMUTABLE and the given extra lines. */
	public static String gicIts(String... extra) {
		return domain("its : GIC_ITS", GIC_ITS_OPS, "domain-flags IRQ_DOMAIN_FLAG_ISOLATED_MSI, IRQ_DOMAIN_FLAG_MSI_IMMUTABLE",
				String.join("\n", extra));
	}

	/** {@code domain imsic : IMSIC} with the IMSIC ops and the given extra lines. */
	public static String imsic(String... extra) {
		return domain("imsic : IMSIC", IMSIC_OPS, String.join("\n", extra));
	}

	/** {@code domain vmd_msi : VMD_MSI parent vector} with vmd.c's ops. */
	public static String vmdMsi() {
		return domain("vmd_msi : VMD_MSI parent vector", VMD_OPS);
	}

	/** {@code domain HEAD { body... }}. */
	public static String domain(String head, String... body) {
		return "domain " + head + " {\n" + String.join("\n", body) + "\n}";
	}

	/** {@code bus pci pcie0 msi-parent PARENT { lines... }}. */
	public static String pciBus(String parent, String... lines) {
		return "bus pci pcie0 msi-parent " + parent + " {\n" + String.join("\n", lines) + "\n}";
	}

	/**
	 * An Intel VMD endpoint at 0000:00:0e.0 with 32 MSI-X vectors, the given lines inside its
	 * {@code vmd} block, and one child bus {@code vmdbus} ({@code msi-parent} the given domain, none
	 * when empty) holding the given devices.
	 */
	public static String vmdDevice(String vmdLines, String childParent, String... childDevices) {
		return "device vmd0 at \"0000:00:0e.0\" {\n    msi-x count 32\n    vmd {\n" + vmdLines + "\n        bus pci vmdbus"
				+ (childParent.isEmpty() ? "" : " msi-parent " + childParent) + " {\n" + String.join("\n", childDevices)
				+ "\n        }\n    }\n}";
	}

	/** The 1-based number of the one line of {@code text} that contains {@code marker}. */
	public static int line(String text, String marker) {
		List<String> lines = text.lines().toList();
		List<Integer> hits = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(marker)) {
				hits.add(i + 1);
			}
		}
		assertThat(hits).as("lines containing \"%s\"", marker).hasSize(1);
		return hits.get(0);
	}

	/** {@code "LINE: severity [id]"} (what {@link Diagnostics#of} returns) for the line holding {@code marker}. */
	public static String at(String text, String marker, String severityAndId) {
		return line(text, marker) + ": " + severityAndId;
	}

	/** The message of the one diagnostic of {@code text} with this id. */
	public static String message(String text, String id) {
		List<String> messages = Diagnostics.issues("test.irqdsl", text).stream()
				.filter(i -> id.equals(IrqDslChecks.idOf(i))).map(Issue::getMessage).toList();
		assertThat(messages).as("messages of [%s]", id).hasSize(1);
		return messages.get(0);
	}
}
