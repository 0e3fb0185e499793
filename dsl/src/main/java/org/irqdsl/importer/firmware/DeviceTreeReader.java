package org.irqdsl.importer.firmware;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.irqdsl.importer.Evidence;
import org.irqdsl.importer.SourceRef;
import org.irqdsl.importer.MachineFacts.Arch;
import org.irqdsl.importer.firmware.FirmwareFacts.ControllerKind;
import org.irqdsl.importer.firmware.FirmwareFacts.HostBridge;
import org.irqdsl.importer.firmware.FirmwareFacts.MsiController;

/**
 * The facts of a device tree, the way Linux reads them before any driver runs:
 * <ul>
 * <li>MSI controllers: {@code arm,gic-v3-its} (drivers/irqchip/irq-gic-v3-its.c its_of_probe()),
 * {@code arm,gic-v2m-frame} (irq-gic-v2m.c gicv2m_of_init()), {@code riscv,imsics} whose
 * interrupts-extended target the supervisor external interrupt (irq-riscv-imsic-state.c
 * imsic_parse_fwnode(): only RV_IRQ_EXT contexts are Linux's; an M-level IMSIC is the firmware's),
 * {@code riscv,aplic} with an msi-parent (irq-riscv-aplic-main.c: MSI mode iff "msi-parent");</li>
 * <li>PCI host bridges: nodes with device_type "pci" below no other PCI node; their MSI parent from
 * {@code msi-map} (of_map_id(), drivers/of/base.c) or {@code msi-parent} (pci_host_bridge_of_msi_domain(),
 * drivers/pci/of.c), the domain from {@code linux,pci-domain} (of_get_pci_domain_nr());</li>
 * <li>platform MSI users: any other available node with msi-parent or msi-map;</li>
 * <li>CPUs: the {@code device_type = "cpu"} nodes of /cpus.</li>
 * </ul>
 * Every fact cites its node as {@code LABEL:/path}.
 */
public final class DeviceTreeReader {

	/** RV_IRQ_EXT: the supervisor external interrupt, arch/riscv/include/asm/csr.h IRQ_S_EXT. */
	private static final int IRQ_S_EXT = 9;

	private final String label;
	private final DtNode root;
	private final Map<Integer, DtNode> byPhandle = new HashMap<>();
	private final Map<DtNode, MsiController> controllers = new LinkedHashMap<>();
	private final List<Evidence> notes = new ArrayList<>();

	private DeviceTreeReader(String label, DtNode root) {
		this.label = label;
		this.root = root;
		for (DtNode n : root.all()) {
			n.phandle().ifPresent(p -> byPhandle.put(p, n));
		}
	}

	/** {@code label}: how facts cite this input ("dtb", "dts"); {@code inputLine}: the preamble's line about it. */
	public static FirmwareFacts read(String label, String inputLine, DtNode root) {
		return new DeviceTreeReader(label, root).read(inputLine);
	}

	private Evidence at(DtNode n, String what) {
		return new Evidence(what, new SourceRef(label + ":" + n.path(), 0));
	}

	private FirmwareFacts read(String inputLine) {
		findControllers();
		List<HostBridge> bridges = new ArrayList<>();
		List<Evidence> platformMsi = new ArrayList<>();
		int nextDomain = 0;
		for (DtNode n : root.all()) {
			if (!n.available()) {
				continue;
			}
			if (isHostBridge(n)) {
				Optional<Integer> dom = n.cell("linux,pci-domain");
				// without linux,pci-domain every host bridge takes the next free number (pci_bus_find_domain_nr())
				int domain = dom.orElse(nextDomain);
				nextDomain = Math.max(nextDomain, domain + 1);
				bridges.add(bridge(n, domain, dom.isEmpty()));
			} else if ((n.has("msi-parent") || n.has("msi-map")) && !n.compatible("riscv,aplic") && !insidePci(n)) {
				List<String> parents = msiParents(n);
				platformMsi.add(at(n, compatibleOf(n) + " msi-parent " + (parents.isEmpty() ? "unresolved" : String.join(", ", parents))));
			}
		}
		rootController();
		Arch arch = Arch.UNKNOWN;
		Evidence archWhy = null;
		for (DtNode n : root.all()) {
			if (n.compatible("arm,gic-v3") || n.compatible("arm,cortex-a15-gic") || n.compatible("arm,gic-400")
					|| n.compatible("arm,cortex-a9-gic")) {
				arch = Arch.ARM;
				archWhy = at(n, "Arm GIC " + compatibleOf(n));
				break;
			}
			if (n.compatible("riscv,cpu-intc") || n.compatible("riscv,imsics") || n.compatible("riscv,aplic")
					|| n.compatible("riscv,plic0") || n.compatible("sifive,plic-1.0.0")) {
				arch = Arch.RISCV;
				archWhy = at(n, "RISC-V " + compatibleOf(n));
				break;
			}
		}
		List<DtNode> cpus = cpus();
		Integer count = cpus.isEmpty() ? null : cpus.size();
		Evidence cpusWhy = cpus.isEmpty() ? null
				: new Evidence(cpus.size() + " cpu nodes (" + cpus.get(0).name() + (cpus.size() > 1 ? ".." + cpus.get(cpus.size() - 1).name() : "") + ")",
						new SourceRef(label + ":/cpus", 0));
		return new FirmwareFacts(List.of(inputLine), arch, archWhy, count, cpusWhy, List.copyOf(controllers.values()), bridges, platformMsi,
				Optional.empty(), notes);
	}

	private void findControllers() {
		for (DtNode n : root.all()) {
			if (!n.available()) {
				continue;
			}
			if (n.compatible("arm,gic-v3-its") && n.has("msi-controller")) {
				controllers.put(n, new MsiController(ControllerKind.GIC_ITS, n.path(),
						at(n, "GICv3 ITS (arm,gic-v3-its, msi-controller, #msi-cells " + n.cell("#msi-cells").map(String::valueOf).orElse("absent") + ")")));
			} else if (n.compatible("arm,gic-v2m-frame") && n.has("msi-controller")) {
				String spis = n.cell("arm,msi-num-spis").map(c -> ", " + c + " SPIs from " + n.cell("arm,msi-base-spi").orElse(0)).orElse(
						", SPI range from the frame's MSI_TYPER");
				controllers.put(n, new MsiController(ControllerKind.GICV2M, n.path(), at(n, "GICv2m frame (arm,gic-v2m-frame" + spis + ")")));
			} else if (n.compatible("arm,gic-v3") && n.has("msi-controller") && n.has("mbi-ranges")) {
				// gic_of_init() calls mbi_init() for an msi-controller GICv3: MSIs are SPIs set through GICD_SETSPI_NSR
				int[] r = n.cells("mbi-ranges");
				List<String> ranges = new ArrayList<>();
				for (int i = 0; i + 1 < r.length; i += 2) {
					ranges.add("SPI " + r[i] + ".." + (r[i] + r[i + 1] - 1));
				}
				controllers.put(n, new MsiController(ControllerKind.GICV3_MBI, n.path(), at(n, "GICv3 MBI (arm,gic-v3, msi-controller, mbi-ranges "
						+ String.join(", ", ranges) + "; drivers/irqchip/irq-gic-v3-mbi.c): a kind irqdsl has no domain for")));
			} else if (n.compatible("riscv,imsics")) {
				imsic(n);
			}
		}
		// APLICs after the IMSICs they point at
		for (DtNode n : root.all()) {
			if (n.available() && n.compatible("riscv,aplic") && n.has("msi-parent")) {
				Optional<DtNode> parent = firstMsiParent(n);
				MsiController p = parent.map(controllers::get).orElse(null);
				if (p != null && p.kind() == ControllerKind.IMSIC) {
					controllers.put(n, new MsiController(ControllerKind.APLIC_MSI, n.path(), at(n, "APLIC in MSI mode: "
							+ n.cell("riscv,num-sources").map(s -> s + " wired sources").orElse("wired sources") + " forwarded as MSIs to " + p.id())));
				} else {
					notes.add(at(n, "APLIC in MSI mode towards " + parent.map(DtNode::path).orElse("an unresolved msi-parent")
							+ ", not a supervisor-level IMSIC: the M-mode firmware's (OpenSBI), not Linux's"));
				}
			}
		}
	}

	/** An IMSIC: Linux's when its contexts target the supervisor external interrupt; hart/guest index bits as the kernel defaults them. */
	private void imsic(DtNode n) {
		int[] ext = n.cells("interrupts-extended");
		int contexts = 0;
		boolean supervisor = false;
		for (int i = 0; i + 1 < ext.length; i += 2) {
			contexts++;
			supervisor |= ext[i + 1] == IRQ_S_EXT;
		}
		if (!supervisor) {
			notes.add(at(n, "IMSIC for machine mode (interrupts-extended targets no supervisor external interrupt): the M-mode firmware's, not Linux's"));
			return;
		}
		// imsic_parse_fwnode(): hart-index-bits default to the bits the context count needs, guest-index-bits to 0
		int defaultHart = 32 - Integer.numberOfLeadingZeros(Math.max(contexts, 1) - 1);
		String hart = n.cell("riscv,hart-index-bits").map(v -> "hart-index-bits " + v)
				.orElse("hart-index-bits " + defaultHart + " (default for " + contexts + " harts)");
		String guest = n.cell("riscv,guest-index-bits").map(v -> "guest-index-bits " + v).orElse("guest-index-bits 0 (default)");
		String ids = n.cell("riscv,num-ids").map(v -> ", " + v + " ids per hart").orElse("");
		controllers.put(n, new MsiController(ControllerKind.IMSIC, n.path(),
				at(n, "RISC-V IMSIC (riscv,imsics, supervisor level): " + contexts + " harts, " + hart + ", " + guest + ids)));
	}

	private static boolean isHostBridge(DtNode n) {
		return "pci".equals(n.string("device_type").orElse(null)) && !insidePci(n);
	}

	private static boolean insidePci(DtNode n) {
		for (DtNode p = n.parent(); p != null; p = p.parent()) {
			if ("pci".equals(p.string("device_type").orElse(null))) {
				return true;
			}
		}
		return false;
	}

	private HostBridge bridge(DtNode n, int domain, boolean assumed) {
		List<Evidence> details = new ArrayList<>();
		MsiController parent = null;
		int[] map = n.cells("msi-map");
		if (map.length > 0) {
			// of_map_id() (drivers/of/base.c): every entry is 4 cells, rid-base, phandle, msi-base, length,
			// whatever the controller's #msi-cells
			for (int i = 0; i + 3 < map.length; i += 4) {
				int ridBase = map[i];
				DtNode c = byPhandle.get(map[i + 1]);
				if (c == null) {
					details.add(at(n, String.format("msi-map entry for RID 0x%x: phandle 0x%x names no node", ridBase, map[i + 1])));
					continue;
				}
				MsiController m = controllers.get(c);
				details.add(at(n, String.format("msi-map RID 0x%x..0x%x -> %s device ID 0x%x..0x%x", ridBase, ridBase + map[i + 3] - 1, c.path(),
						map[i + 2], map[i + 2] + map[i + 3] - 1)));
				if (parent == null && m != null) {
					parent = m;
				}
			}
			if (map.length % 4 != 0) {
				details.add(at(n, "msi-map: " + map.length + " cells, not whole 4-cell entries; the last is ignored"));
			}
		} else {
			List<String> ps = msiParents(n);
			Optional<DtNode> first = firstMsiParent(n);
			if (first.isPresent() && first.get() == n && n.has("msi-controller")) {
				parent = own(n, "msi-parent is the host bridge itself, an msi-controller");
				details.add(parent.evidence());
			} else if (first.isPresent()) {
				parent = controllers.get(first.get());
				details.add(at(n, "msi-parent " + String.join(", ", ps)));
			} else if (n.has("msi-controller")) {
				parent = own(n, "the host bridge is an msi-controller");
				details.add(parent.evidence());
			} else if (n.strings("interrupt-names").contains("msi")) {
				// dw_pcie_host_init(): no msi-parent and no msi-map, so the DesignWare core's own iMSI-RX takes the MSIs,
				// demultiplexed from the interrupt named "msi"
				parent = own(n, "no msi-map or msi-parent, and an interrupt named \"msi\" (DesignWare's iMSI-RX: dw_pcie_host_init())");
				details.add(parent.evidence());
			} else {
				details.add(at(n, "no msi-map or msi-parent: pci_host_bridge_of_msi_domain() finds no MSI domain"));
			}
		}
		String what = String.format("PCI host bridge %s (%s)%s", n.name(), compatibleOf(n), n.cells("bus-range").length == 2
				? String.format(", buses %02x..%02x", n.cells("bus-range")[0], n.cells("bus-range")[1]) : "");
		return new HostBridge(domain, assumed, parent, at(n, what), details);
	}

	/** The host bridge's own MSI controller: all its MSIs multiplexed onto one wired interrupt of its interrupt parent. */
	private MsiController own(DtNode n, String why) {
		return new MsiController(ControllerKind.BRIDGE_OWN, n.path(), at(n, why
				+ ": the host bridge's own MSI controller, its MSIs multiplexed onto one wired interrupt (per-MSI affinity is -EINVAL), a kind irqdsl has no domain for"));
	}

	/** The msi-parent phandles, resolved to paths (the first is the one Linux uses for the PCI/MSI domain). */
	private List<String> msiParents(DtNode n) {
		int[] p = n.cells("msi-parent");
		List<String> out = new ArrayList<>();
		for (int i = 0; i < p.length;) {
			DtNode c = byPhandle.get(p[i]);
			if (c == null) {
				out.add(String.format("phandle 0x%x (no such node)", p[i]));
				break;
			}
			out.add(c.path());
			i += 1 + c.cell("#msi-cells").orElse(0);
		}
		return out;
	}

	private Optional<DtNode> firstMsiParent(DtNode n) {
		int[] p = n.cells("msi-parent");
		return p.length == 0 ? Optional.empty() : Optional.ofNullable(byPhandle.get(p[0]));
	}

	/** The root interrupt controller: the node /'s interrupt-parent names (of_irq_init()'s root). */
	private void rootController() {
		Optional<Integer> ip = root.cell("interrupt-parent");
		if (ip.isPresent() && byPhandle.containsKey(ip.get())) {
			DtNode c = byPhandle.get(ip.get());
			notes.add(at(c, "root interrupt controller (interrupt-parent of /): " + compatibleOf(c)));
		}
	}

	private List<DtNode> cpus() {
		List<DtNode> out = new ArrayList<>();
		root.child("cpus").ifPresent(c -> c.children().stream()
				.filter(n -> "cpu".equals(n.string("device_type").orElse(null)) && n.available()).forEach(out::add));
		return out;
	}

	private static String compatibleOf(DtNode n) {
		List<String> c = n.strings("compatible");
		return c.isEmpty() ? n.name() : c.get(0);
	}
}
