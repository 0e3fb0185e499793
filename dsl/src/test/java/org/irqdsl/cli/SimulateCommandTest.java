package org.irqdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.irqdsl.runtime.sim.config.SimConfigReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code irqdsl simulate} and {@code irqdsl generate}: output, exit status, bad input. */
class SimulateCommandTest {

	@TempDir
	Path dir;

	private static final String BUGGY = """
			platform p {
			    cpus 4
			    domain vector : VECTOR {
			        vectors 0x20..0xff
			        msi-parent-ops {
			            supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX
			            required  MSI_FLAG_USE_DEF_DOM_OPS, MSI_FLAG_USE_DEF_CHIP_OPS
			        }
			        affinity-update direct
			    }
			    bus pci pcie0 msi-parent vector { device nic at "00:02.0" { msi count 1 } }
			}
			scenario torn on p {
			    initially nic.msi[0] on cpu 1 vector 0x30
			    concurrently {
			        cpu 1      { set-affinity nic.msi[0] cpu 2 vector 0x31 }
			        device nic { raise msi[0] }
			    }
			    expect no lost-interrupt
			}
			""";

	@Test
	void everyExampleExpectationHolds() {
		CliRun run = CliRun.irqdsl("simulate", "../examples");
		assertThat(run.exit()).as(run.out() + run.err()).isZero();
		assertThat(run.out()).contains("scenario radeon_torn_update_pre_v5_6 on p8h61_noremap_pre_v5_6:")
				.contains("  expect lost-interrupt: holds - lost-interrupt shows in the interleaving below")
				.contains("VMD vmd (mapping least-loaded, 3 vectors)").containsPattern("\\d+ scenarios simulated: \\d+ holding, 0 failing, 0 incomplete.");
	}

	@Test
	void aFailingExpectationExitsOneWithTheTraceAsColumnsAndAsJson() throws Exception {
		Path file = Files.writeString(dir.resolve("torn.irqdsl"), BUGGY);
		CliRun run = CliRun.irqdsl("simulate", file);
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.out()).contains("expect no lost-interrupt: fails - lost-interrupt happens in the interleaving below")
				.containsPattern("\n    CPU1 +CPU2 +Device nic\n").contains("(cpu 2 vector 0x30: no owner) -> interrupt LOST");
		CliRun json = CliRun.irqdsl("simulate", "--format", "json", file);
		assertThat(json.exit()).isEqualTo(1);
		assertThat(json.out()).contains("\"verdict\": \"fails\"").contains("\"columns\": [").contains("\"fails\": 1");
	}

	@Test
	void limitsGiveAnIncompleteVerdictAndExitOne() throws Exception {
		Path file = Files.writeString(dir.resolve("torn.irqdsl"), BUGGY.replace("expect no lost-interrupt", "expect no deadlock"));
		CliRun run = CliRun.irqdsl("simulate", "--max-states", "2", file);
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.out()).contains("expect no deadlock: incomplete");
	}

	@Test
	void configsAreSimulatedAndABadConfigIsExitTwoWithItsPointer() throws Exception {
		Path good = dir.resolve("torn.sim.json");
		assertThat(CliRun.irqdsl("generate", Files.writeString(dir.resolve("t.irqdsl"), BUGGY), "-o", dir).exit()).isZero();
		SimConfigReader.read(good);
		assertThat(CliRun.irqdsl("simulate", good).exit()).isEqualTo(1);
		Path bad = Files.writeString(dir.resolve("bad.json"), Files.readString(good).replace("\"cpu\": 2", "\"cpu\": 9"));
		CliRun run = CliRun.irqdsl("simulate", bad);
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.err()).contains("not a valid simulator config").contains("/threads/0/ops/0/cpu");
	}

	@Test
	void syntaxErrorsAndUnknownScenariosAreExitTwo() throws Exception {
		Path file = Files.writeString(dir.resolve("broken.irqdsl"), BUGGY.replace("cpus 4", "cpus"));
		CliRun run = CliRun.irqdsl("simulate", file);
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.err()).contains("[syntax]").contains("nothing simulated");
		CliRun unknown = CliRun.irqdsl("simulate", "--scenario", "nosuch", "../examples/normative");
		assertThat(unknown.exit()).isEqualTo(2);
		assertThat(unknown.err()).contains("--scenario nosuch: no such scenario (known: torn_update)");
	}

	@Test
	void generateWritesConfigsAndDiagramsAndNothingOnBadInput() throws Exception {
		CliRun run = CliRun.irqdsl("generate", "../examples/intel-vmd-nvme-seed004.irqdsl", "-o", dir.resolve("out"));
		assertThat(run.exit()).isZero();
		assertThat(run.out()).contains("scenario vmd_free_irq_vs_flow_handler: VMD vmd (mapping least-loaded, 3 vectors)");
		for (String f : new String[] {"vmd_free_irq_vs_flow_handler.sim.json", "vmd_free_irq_vs_flow_handler_rfc2015.sim.json",
				"hp14_tgl_vmd.dot", "hp14_tgl_vmd.mmd", "hp14_tgl_vmd_rfc2015.dot"}) {
			assertThat(dir.resolve("out").resolve(f)).isNotEmptyFile();
		}
		assertThat(Files.readString(dir.resolve("out/hp14_tgl_vmd.dot"))).startsWith("digraph");
		try (var files = Files.list(dir.resolve("out"))) {
			assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
		}
		Path broken = Files.writeString(dir.resolve("broken.irqdsl"), BUGGY.replace("on p {", "on nosuch {"));
		CliRun bad = CliRun.irqdsl("generate", broken, "-o", dir.resolve("none"));
		assertThat(bad.exit()).isEqualTo(2);
		assertThat(bad.err()).contains("[unresolved-reference]").contains("nothing written");
		assertThat(dir.resolve("none")).doesNotExist();
	}

	@Test
	void everyInvalidConfigIsReportedAndTheValidOnesStillRun() throws Exception {
		assertThat(CliRun.irqdsl("generate", Files.writeString(dir.resolve("t.irqdsl"), BUGGY), "-o", dir).exit()).isZero();
		String good = Files.readString(dir.resolve("torn.sim.json"));
		Path badCpu = Files.writeString(dir.resolve("bad-cpu.json"), good.replace("\"cpu\": 2", "\"cpu\": 9"));
		Path notJson = Files.writeString(dir.resolve("not-json.json"), "{ \"version\": ");
		CliRun run = CliRun.irqdsl("simulate", badCpu, dir.resolve("torn.sim.json"), notJson);
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.err()).contains("irqdsl simulate: " + badCpu + ": not a valid simulator config:\n  " + badCpu + ": /threads/0/ops/0/cpu: ")
				.contains("irqdsl simulate: " + notJson + ": not a valid simulator config:\n  " + notJson + ": line ")
				.contains("irqdsl simulate: 2 configs not valid, not simulated");
		assertThat(run.out()).contains("expect no lost-interrupt: fails").contains("1 scenario simulated: 0 holding, 1 failing");
	}

	@Test
	void aHugeTimeoutIsTheMaximumAndATinyOneKeepsItsDigits() throws Exception {
		Path file = Files.writeString(dir.resolve("torn.irqdsl"), BUGGY);
		CliRun huge = CliRun.irqdsl("simulate", "--timeout", "1e20", file);
		assertThat(huge.exit()).isEqualTo(1);
		assertThat(huge.err()).contains("irqdsl simulate: --timeout 1E+20: more than the maximum, 1000000 s (about 11.6 days); using the maximum");
		CliRun zero = CliRun.irqdsl("simulate", "--timeout", "0", file);
		assertThat(zero.exit()).isEqualTo(2);
		assertThat(zero.err()).isEqualTo("irqdsl simulate: --timeout 0: expected a positive number of seconds\n");
		// three racing updates have more states than the first timeout check (after 1,024 states) comes at
		// in a folder of its own: its platform p and torn.irqdsl's would be one name declared twice in a folder
		Path big = Files.writeString(Files.createDirectories(dir.resolve("big")).resolve("big.irqdsl"), THREE_RACES);
		CliRun tiny = CliRun.irqdsl("simulate", "--timeout", "0.000000001", big);
		assertThat(tiny.out()).as(tiny.out()).contains("timeout of 0.000000001 s reached");
		// below a nanosecond: the shortest timeout there is, not zero (which the simulator refuses)
		CliRun tinier = CliRun.irqdsl("simulate", "--timeout", "1e-12", big);
		assertThat(tinier.exit()).isEqualTo(1);
		assertThat(tinier.out()).contains("timeout of 0.000000001 s reached");
	}

	private static final String THREE_RACES = """
			platform p {
			    cpus 4
			    domain vector : VECTOR {
			        vectors 0x20..0xff
			        msi-parent-ops {
			            supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX
			            required  MSI_FLAG_USE_DEF_DOM_OPS, MSI_FLAG_USE_DEF_CHIP_OPS
			        }
			        affinity-update direct
			    }
			    bus pci pcie0 msi-parent vector {
			        device a at "00:02.0" { msi count 1 }
			        device b at "00:03.0" { msi count 1 }
			        device c at "00:04.0" { msi count 1 }
			    }
			}
			scenario big on p {
			    initially a.msi[0] on cpu 1 vector 0x30
			    initially b.msi[0] on cpu 1 vector 0x31
			    initially c.msi[0] on cpu 1 vector 0x32
			    concurrently {
			        cpu 1    { set-affinity a.msi[0] cpu 2 vector 0x40 }
			        cpu 2    { set-affinity b.msi[0] cpu 3 vector 0x41 }
			        cpu 3    { set-affinity c.msi[0] cpu 0 vector 0x42 }
			        device a { raise msi[0] raise msi[0] }
			        device b { raise msi[0] raise msi[0] }
			        device c { raise msi[0] raise msi[0] }
			    }
			    expect no deadlock
			}
			""";
}
