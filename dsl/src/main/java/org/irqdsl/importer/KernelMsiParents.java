package org.irqdsl.importer;

import java.util.List;

/**
 * The msi_parent_ops of the real MSI parents, exactly as the kernel declares them (the table
 * "Real parents" of reference/linux-msi.md):
 * <ul>
 * <li>x86 vector: arch/x86/kernel/apic/msi.c x86_vector_msi_parent_ops; the required flags are
 * added in x86_init_dev_msi_info();</li>
 * <li>Intel DMAR: drivers/iommu/intel/irq_remapping.c dmar_msi_parent_ops;</li>
 * <li>AMD-Vi: drivers/iommu/amd/iommu.c amdvi_msi_parent_ops;</li>
 * <li>GICv3 ITS: drivers/irqchip/irq-gic-its-msi-parent.c gic_v3_its_msi_parent;</li>
 * <li>GICv2m: drivers/irqchip/irq-gic-v2m.c gicv2m_msi_parent_ops;</li>
 * <li>RISC-V IMSIC: drivers/irqchip/irq-riscv-imsic-platform.c imsic_msi_parent_ops;</li>
 * <li>Intel VMD: drivers/pci/controller/vmd.c vmd_msi_parent_ops.</li>
 * </ul>
 */
final class KernelMsiParents {

	/** One struct msi_parent_ops, with the file that declares it. */
	record Ops(String source, List<String> supported, List<String> required, List<String> chipFlags, String busToken,
			List<String> select, String prefix) {
	}

	private static final String GEN = "MSI_GENERIC_FLAGS_MASK";
	private static final String DOM = "MSI_FLAG_USE_DEF_DOM_OPS";
	private static final String CHIP = "MSI_FLAG_USE_DEF_CHIP_OPS";
	private static final String MP = "MSI_FLAG_PCI_MSI_MASK_PARENT";
	private static final String MSIX = "MSI_FLAG_PCI_MSIX";
	private static final String DYN = "MSI_FLAG_PCI_MSIX_ALLOC_DYN";
	private static final String MULTI = "MSI_FLAG_MULTI_PCI_MSI";

	static final Ops X86_VECTOR = new Ops("arch/x86/kernel/apic/msi.c x86_vector_msi_parent_ops",
			List.of(GEN, MSIX, DYN), List.of(DOM, CHIP), List.of(), "DOMAIN_BUS_ANY", List.of(), null);
	static final Ops DMAR = new Ops("drivers/iommu/intel/irq_remapping.c dmar_msi_parent_ops",
			List.of(GEN, MSIX, DYN, MULTI), List.of(), List.of(), "DOMAIN_BUS_DMAR", List.of("MATCH_PCI_MSI"), "IR-");
	static final Ops AMDVI = new Ops("drivers/iommu/amd/iommu.c amdvi_msi_parent_ops",
			List.of(GEN, MSIX, DYN, MULTI), List.of(), List.of(), "DOMAIN_BUS_AMDVI", List.of("MATCH_PCI_MSI"), "IR-");
	static final Ops GIC_ITS = new Ops("drivers/irqchip/irq-gic-its-msi-parent.c gic_v3_its_msi_parent",
			List.of(GEN, MSIX, MULTI, DYN), List.of(DOM, CHIP, MP), List.of("MSI_CHIP_FLAG_SET_EOI"), "DOMAIN_BUS_NEXUS",
			List.of("MATCH_PCI_MSI", "MATCH_PLATFORM_MSI"), "ITS-");
	static final Ops GICV2M = new Ops("drivers/irqchip/irq-gic-v2m.c gicv2m_msi_parent_ops",
			List.of(GEN, MSIX, MULTI), List.of(DOM, CHIP, MP), List.of("MSI_CHIP_FLAG_SET_EOI"), "DOMAIN_BUS_NEXUS",
			List.of("MATCH_PCI_MSI", "MATCH_PLATFORM_MSI"), "GICv2m-");
	static final Ops IMSIC = new Ops("drivers/irqchip/irq-riscv-imsic-platform.c imsic_msi_parent_ops",
			List.of(GEN, MSIX), List.of(DOM, CHIP, MP), List.of("MSI_CHIP_FLAG_SET_ACK"), "DOMAIN_BUS_NEXUS",
			List.of("MATCH_PCI_MSI", "MATCH_PLATFORM_MSI"), null);
	static final Ops VMD = new Ops("drivers/pci/controller/vmd.c vmd_msi_parent_ops",
			List.of(GEN, MSIX), List.of(DOM, "MSI_FLAG_NO_AFFINITY"), List.of(), "DOMAIN_BUS_VMD_MSI", List.of("MATCH_PCI_MSI"),
			"VMD-");

	private KernelMsiParents() {
	}
}
