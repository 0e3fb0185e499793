package org.irqdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine;

/**
 * Runs the real {@code irqdsl} command line in-process, the way the executable does, and keeps
 * what it printed. Every run is checked for leaked stack traces: nothing the command prints may
 * contain "Exception" or a stack frame ("\tat ").
 */
public record CliRun(int exit, String out, String err) {

	public static CliRun irqdsl(Object... args) {
		String[] strings = new String[args.length];
		for (int i = 0; i < args.length; i++) {
			strings[i] = args[i].toString();
		}
		CommandLine cli = IrqDslCli.commandLine();
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		cli.setOut(new PrintWriter(out, true));
		cli.setErr(new PrintWriter(err, true));
		int exit = cli.execute(strings);
		CliRun run = new CliRun(exit, out.toString(), err.toString());
		for (String printed : List.of(run.out, run.err)) {
			assertThat(printed).as("output of irqdsl %s", String.join(" ", strings)).doesNotContain("Exception")
					.doesNotContain("\tat ");
		}
		return run;
	}

	/** {@code irqdsl check ARGS...}. */
	static CliRun check(Object... args) {
		Object[] all = new Object[args.length + 1];
		all[0] = "check";
		System.arraycopy(args, 0, all, 1, args.length);
		return irqdsl(all);
	}

	/** The lines printed on standard output. */
	List<String> lines() {
		return out.isEmpty() ? List.of() : List.of(out.split("\\R"));
	}

	/** The last line on standard output: the summary of a text-format check. */
	String summary() {
		List<String> lines = lines();
		return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
	}

	static Path write(Path dir, String name, String text) throws IOException {
		Path file = dir.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text, StandardCharsets.UTF_8);
		return file;
	}

	static Path write(Path dir, String name, byte[] bytes) throws IOException {
		Path file = dir.resolve(name);
		Files.createDirectories(file.getParent());
		Files.write(file, bytes);
		return file;
	}

	/** x86 with interrupt remapping, every device MSI-X or maskable MSI: no finding. */
	static final String CLEAN = """
			// x86 server with Intel interrupt remapping, nothing to report
			platform clean_ir {
			    cpus 8
			    domain vector : VECTOR {
			        vectors 0x20..0xff
			        msi-parent-ops {
			            supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX, MSI_FLAG_PCI_MSIX_ALLOC_DYN
			            required  MSI_FLAG_USE_DEF_DOM_OPS, MSI_FLAG_USE_DEF_CHIP_OPS
			        }
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
			    bus pci pcie0 msi-parent ir {
			        device nvme0 at "00:03.0" { msi-x count 32 }
			        device ahci  at "00:1f.2" { msi count 1 maskable }
			    }
			}
			""";

	/** The normative x86_ir platform of DESIGN.md: one warning (line 21), no error. */
	static final String X86_IR = """
			// x86 server with Intel interrupt remapping
			platform x86_ir {
			    cpus 8
			    domain vector : VECTOR {
			        vectors 0x20..0xff
			        msi-parent-ops {
			            supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX, MSI_FLAG_PCI_MSIX_ALLOC_DYN
			            required  MSI_FLAG_USE_DEF_DOM_OPS, MSI_FLAG_USE_DEF_CHIP_OPS
			        }
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
			    bus pci pcie0 msi-parent ir {
			        device nic at "00:02.0" { msi count 1 }
			    }
			}
			""";

	/** The warning X86_IR produces, after "path:". */
	static final String X86_IR_WARNING = "21:35: warning: device nic (00:02.0): MSI cannot be masked at the device and MSI parent ir does not take masking (no MSI_FLAG_PCI_MSI_MASK_PARENT in effect): a rogue device cannot be silenced after disable_irq (seed 002) [unmaskable-without-parent-mask]";

	/** The platform of the normative x86_noremap file, without its scenario. */
	static final String X86_NOREMAP_PLATFORM = """
			// x86 server, interrupt remapping off
			platform x86_noremap {
			    cpus 4

			    domain vector : VECTOR {
			        vectors 0x20..0xff
			        msi-parent-ops {
			            supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX, MSI_FLAG_PCI_MSIX_ALLOC_DYN
			            required  MSI_FLAG_USE_DEF_DOM_OPS, MSI_FLAG_USE_DEF_CHIP_OPS
			            bus-token DOMAIN_BUS_ANY
			        }
			        affinity-update two-step
			    }

			    bus pci pcie0 msi-parent vector {
			        device nic   at "00:02.0" { msi count 1 }              // MSI without the per-vector mask capability
			        device nvme0 at "00:03.0" { msi-x count 32 }
			        device ahci  at "00:1f.2" { msi count 1 maskable }
			    }
			}
			""";

	/** The scenario of the normative x86_noremap file. */
	static final String TORN_UPDATE = """
			scenario torn_update on x86_noremap {
			    initially nic.msi[0] on cpu 1 vector 0x30
			    concurrently {
			        cpu 1      { set-affinity nic.msi[0] cpu 2 vector 0x31 }
			        device nic { raise msi[0] }
			    }
			    expect no lost-interrupt
			}
			""";
}
