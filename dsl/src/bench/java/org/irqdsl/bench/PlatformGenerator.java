package org.irqdsl.bench;

import java.util.Locale;

/**
 * Writes a synthetic but realistic .irqdsl platform of {@code n} PCI functions: an x86 server
 * with Intel interrupt remapping (VECTOR root, DMAR remap domain), PCIe segments of 256
 * functions each, a mix of MSI-X NICs and NVMe drives and MSI devices (most of them without the
 * per-vector mask capability, a few maskable), one Intel VMD per 1,000 functions carrying a child
 * bus of NVMe drives in PCI domain 10000+, and one scenario per 100 functions on top. Every BDF is
 * unique. The same {@code n} always gives the same text.
 */
public final class PlatformGenerator {

	/** What one generated text holds. */
	public record Generated(String text, int devices, int vmds, int scenarios, int lines) {
	}

	private PlatformGenerator() {
	}

	public static Generated generate(int n) {
		StringBuilder b = new StringBuilder(n * 64);
		int cpus = 256;
		b.append("// synthetic x86 server: ").append(n).append(" PCI functions behind Intel interrupt remapping\n");
		b.append("platform bench_x86_").append(n).append(" {\n");
		b.append("    cpus ").append(cpus).append('\n');
		b.append("    kernel \"6.8\"\n");
		b.append("""
				    domain vector : VECTOR {
				        vectors 0x20..0xff
				        msi-parent-ops {
				            supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX, MSI_FLAG_PCI_MSIX_ALLOC_DYN
				            required  MSI_FLAG_USE_DEF_DOM_OPS, MSI_FLAG_USE_DEF_CHIP_OPS
				        }
				        affinity-update two-step
				    }
				    domain ir : DMAR parent vector {
				        msi-parent-ops {
				            supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX, MSI_FLAG_PCI_MSIX_ALLOC_DYN, MSI_FLAG_MULTI_PCI_MSI
				            bus-token DOMAIN_BUS_DMAR
				            select    MATCH_PCI_MSI
				            prefix    "IR-"
				        }
				        affinity-update remap
				    }
				""");
		int vmds = Math.max(1, n / 1000);
		for (int v = 0; v < vmds; v++) {
			b.append("    domain vmd").append(v).append("_msi : VMD_MSI parent ir {\n");
			b.append("        msi-parent-ops { supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX select MATCH_PCI_MSI }\n");
			b.append("    }\n");
		}
		// functions: VMD children count towards n; the rest sit on the host segments
		int childrenPerVmd = 4;
		int hostFunctions = n - vmds * childrenPerVmd - vmds;
		String[] names = new String[n];
		int named = 0;
		int segment = -1;
		int vmdPlaced = 0;
		for (int i = 0; i < hostFunctions + vmds; i++) {
			if (i % 256 == 0) {
				if (segment >= 0) {
					b.append("    }\n");
				}
				segment++;
				b.append("    bus pci pcie").append(segment).append(" msi-parent ir {\n");
			}
			String bdf = bdf(0, i);
			boolean vmdHere = vmdPlaced < vmds && i % Math.max(1, (hostFunctions + vmds) / vmds) == 0;
			if (vmdHere) {
				int v = vmdPlaced++;
				String vmd = "vmd" + v;
				b.append("        device ").append(vmd).append(" at \"").append(bdf).append("\" {\n");
				b.append("            msi-x count 32\n");
				b.append("            vmd {\n");
				b.append("                mapping least-loaded\n");
				b.append("                free-irq grace-period\n");
				b.append("                bus pci vmdbus").append(v).append(" msi-parent vmd").append(v).append("_msi {\n");
				for (int c = 0; c < childrenPerVmd; c++) {
					String child = "vmd" + v + "_nvme" + c;
					b.append("                    device ").append(child).append(" at \"").append(bdf(0x10000 + v, c * 8))
							.append("\" { msi-x count 8 }\n");
					names[named++] = child + ":msi-x";
				}
				b.append("                }\n            }\n        }\n");
				continue;
			}
			switch (i % 20) {
			case 0, 1, 2, 3, 4, 5, 6, 7 -> {
				String name = "nic" + i;
				b.append("        device ").append(name).append(" at \"").append(bdf).append("\" { msi-x count 16 }\n");
				names[named++] = name + ":msi-x";
			}
			case 8, 9, 10, 11, 12, 13 -> {
				String name = "nvme" + i;
				b.append("        device ").append(name).append(" at \"").append(bdf).append("\" { msi-x count 8 }\n");
				names[named++] = name + ":msi-x";
			}
			case 14, 15, 16, 17, 18 -> {
				// legacy functions with plain MSI, no per-vector masking
				String name = "msi" + i;
				b.append("        device ").append(name).append(" at \"").append(bdf).append("\" { msi count 1 }\n");
				names[named++] = name + ":msi";
			}
			default -> {
				String name = "ahci" + i;
				b.append("        device ").append(name).append(" at \"").append(bdf).append("\" { msi count 4 maskable 64-bit }\n");
				names[named++] = name + ":msi";
			}
			}
		}
		b.append("    }\n}\n");
		int scenarios = Math.max(1, n / 100);
		for (int s = 0; s < scenarios; s++) {
			String[] a = names[(int) ((long) s * 7919 % named)].split(":");
			String[] d = names[(int) ((long) (s * 104729 + 13) % named)].split(":");
			int cpu = s % cpus;
			int vector = 0x30 + s % 0xc0;
			b.append("scenario race").append(s).append(" on bench_x86_").append(n).append(" {\n");
			b.append("    initially ").append(a[0]).append('.').append(a[1]).append("[0] on cpu ").append(cpu).append(" vector ")
					.append(hex(vector)).append('\n');
			b.append("    concurrently {\n");
			b.append("        cpu ").append(cpu).append(" { set-affinity ").append(a[0]).append('.').append(a[1]).append("[0] cpu ")
					.append((cpu + 1) % cpus).append(" vector ").append(hex(vector + 1)).append(" }\n");
			b.append("        cpu ").append((cpu + 2) % cpus).append(" { disable_irq ").append(d[0]).append('.').append(d[1])
					.append("[0] enable_irq ").append(d[0]).append('.').append(d[1]).append("[0] }\n");
			b.append("        device ").append(a[0]).append(" { raise ").append(a[1]).append("[0] }\n");
			b.append("    }\n");
			b.append("    expect no lost-interrupt\n");
			b.append("}\n");
		}
		String text = b.toString();
		return new Generated(text, named + vmds, vmds, scenarios, (int) text.chars().filter(c -> c == '\n').count());
	}

	/** A unique [domain:]bus:device.function for function index {@code i} of PCI domain {@code domain}. */
	static String bdf(int domain, int i) {
		return String.format(Locale.ROOT, "%04x:%02x:%02x.%d", domain + i / 65536, (i / 256) % 256, (i / 8) % 32, i % 8);
	}

	private static String hex(int v) {
		return "0x" + Integer.toHexString(v);
	}
}
