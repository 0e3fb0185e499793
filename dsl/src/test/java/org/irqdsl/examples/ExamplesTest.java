package org.irqdsl.examples;

import org.irqdsl.cli.PathArguments;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.irqdsl.IrqDslStandaloneSetup;
import org.irqdsl.diagnostics.Finding;
import org.irqdsl.validation.policy.SeverityPolicy;
import org.irqdsl.workspace.SourceFiles;
import org.irqdsl.workspace.WorkspaceChecker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped examples check exactly as their comments and examples/README.md say. The folder is
 * checked once, the way {@code irqdsl check examples} does it (WorkspaceChecker, the default severity
 * policy, every file with the other files of its folder), and each file's findings are compared as
 * {@code line:col: severity: [id]}, sorted by position and id. An expected entry may add
 * {@code " | phrase"}: the finding's message must then contain that phrase.
 */
class ExamplesTest {

	private static final Path EXAMPLES = Path.of("../examples");

	/** Findings per file, the file named relative to examples/ ("normative/x86_ir.irqdsl"). */
	private static final Map<String, List<Finding>> FINDINGS = new TreeMap<>();

	/** The files the folder holds, relative to examples/. */
	private static final List<String> FILES = new ArrayList<>();

	/** Every example and what it must produce; a new example needs an entry here. */
	private static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

	static {
		EXPECTED.put("normative/x86_noremap.irqdsl", List.of(
				"16:37: info: [nonmaskable-msi-without-remap] | x86 msi_set_affinity() does",
				"16:37: warning: [unmaskable-without-parent-mask] | device nic (00:02.0)"));
		EXPECTED.put("normative/x86_ir.irqdsl", List.of(
				"21:35: warning: [unmaskable-without-parent-mask] | MSI parent ir does not take masking"));

		// ASUS P8H61 desktop, no remapping: seed 001 (two-step = info, direct = warning) and seed 003.
		EXPECTED.put("x86-noremap-seed001.irqdsl", List.of(
				// p8h61_noremap, kernel 5.10.74: every Maskable- MSI is moved by the two-step update
				"52:35: info: [nonmaskable-msi-without-remap] | device rp1 (00:01.0)",
				"52:35: warning: [unmaskable-without-parent-mask] | MSI parent vector does not take masking",
				"54:35: info: [nonmaskable-msi-without-remap] | device mei (00:16.0)",
				"54:35: warning: [unmaskable-without-parent-mask]",
				"56:35: info: [nonmaskable-msi-without-remap] | device hda (00:1b.0)",
				"56:35: warning: [unmaskable-without-parent-mask]",
				"59:38: info: [nonmaskable-msi-without-remap] | device radeon (01:00.0)",
				"59:38: warning: [unmaskable-without-parent-mask]",
				"61:43: info: [nonmaskable-msi-without-remap] | device radeon_hdmi (01:00.1)",
				"61:43: warning: [unmaskable-without-parent-mask]",
				// (the RTL8168 at line 64 runs on MSI-X, which drivers take first: its MSI entry is not reported)
				// p8h61_noremap_pre_v5_6: the torn update itself
				"89:43: warning: [nonmaskable-msi-without-remap] | affinity-update direct writes address and data as separate 32-bit words",
				"89:43: warning: [unmaskable-without-parent-mask] | device radeon (01:00.0)",
				"90:43: warning: [nonmaskable-msi-without-remap] | device radeon_hdmi (01:00.1)",
				"90:43: warning: [unmaskable-without-parent-mask]",
				// p8h61_noremap_retrigger_draft: seed 003
				"111:19: error: [retrigger-takes-held-lock] | already held by msi_set_affinity()",
				"115:43: info: [nonmaskable-msi-without-remap] | device radeon (01:00.0)",
				"115:43: warning: [unmaskable-without-parent-mask]",
				"116:43: info: [nonmaskable-msi-without-remap] | device radeon_hdmi (01:00.1)",
				"116:43: warning: [unmaskable-without-parent-mask]"));

		// Intel DMAR: no torn update anywhere; only seed 002 remains (x86 cannot mask at the parent).
		// Variants isolating vector cleanup and the masked update: MSI-X and a Maskable+ MSI, nothing to report.
		EXPECTED.put("x86-cleanup-masked-seed001.irqdsl", List.of());
		// the kernel line chooses the era; a user's procedure is read like the library's
		EXPECTED.put("x86-kernel-eras-procedures.irqdsl", List.of(
				"27:36: warning: [nonmaskable-msi-without-remap] | procedure x86_msi_set_affinity_v6_7 (implied by domain vector : VECTOR, kernel 6.8), path direct,",
				"27:36: warning: [unmaskable-without-parent-mask]",
				"66:36: info: [nonmaskable-msi-without-remap] | two-step update of procedure x86_msi_set_affinity_v5_6 (implied by domain vector : VECTOR, kernel 5.15)",
				"66:36: warning: [unmaskable-without-parent-mask]",
				"121:36: warning: [nonmaskable-msi-without-remap] | procedure mydrv_set_affinity_first_try",
				"121:36: warning: [unmaskable-without-parent-mask]",
				"137:36: info: [nonmaskable-msi-without-remap] | two-step update of procedure mydrv_set_affinity",
				"137:36: warning: [unmaskable-without-parent-mask]"));

		EXPECTED.put("x86-intel-ir.irqdsl", List.of(
				// e3c252_ir
				"61:39: warning: [unmaskable-without-parent-mask] | device rp_01_0 (00:01.0): MSI cannot be masked at the device and MSI parent ir",
				"62:39: warning: [unmaskable-without-parent-mask] | device rp_01_1 (00:01.1)",
				"63:39: warning: [unmaskable-without-parent-mask] | device rp_1b_0 (00:1b.0)",
				"66:36: warning: [unmaskable-without-parent-mask] | device xhci (00:14.0)",
				"68:36: warning: [unmaskable-without-parent-mask] | device ahci (00:17.0)",
				// (the PM9A3s at lines 71-72 run on MSI-X, which drivers take first: their MSI entries are not reported)
				// chromeos_adln_ir
				"109:45: warning: [unmaskable-without-parent-mask] | device rp_1c_0 (0000:00:1c.0)",
				"110:45: warning: [unmaskable-without-parent-mask] | device i915 (0000:00:02.0)",
				"111:45: warning: [unmaskable-without-parent-mask] | device thermal (0000:00:04.0)",
				"112:46: warning: [unmaskable-without-parent-mask] | device tcss_xhci (0000:00:0d.0)",
				"113:45: warning: [unmaskable-without-parent-mask] | device xhci (0000:00:14.0)",
				"114:45: warning: [unmaskable-without-parent-mask] | device mei (0000:00:16.0)",
				"115:45: warning: [unmaskable-without-parent-mask] | device audiodsp (0000:00:1f.3)",
				"116:45: warning: [unmaskable-without-parent-mask] | device mmc (0000:01:00.0)"));

		// SpacemiT K3: v6.12 lazy move tears (warning), v6.15 two-step does not (info).
		EXPECTED.put("riscv-imsic-seed001.irqdsl", List.of(
				// k3_imsic_v6_12
				"56:48: warning: [nonmaskable-msi-without-remap] | affinity-update lazy-move writes address and data as separate 32-bit words",
				// v6.12's imsic_pci_mask_irq() does mask at the parent, without the flag: see README
				"56:48: warning: [unmaskable-without-parent-mask] | MSI parent imsic does not take masking",
				"57:48: warning: [nonmaskable-msi-without-remap] | device radeon_hdmi (0004:01:00.1)",
				"57:48: warning: [unmaskable-without-parent-mask] | device radeon_hdmi (0004:01:00.1)",
				// k3_imsic_v6_15: MSI_FLAG_PCI_MSI_MASK_PARENT, so seed 002 is silent
				"91:48: info: [nonmaskable-msi-without-remap] | device radeon (0004:01:00.0): non-maskable MSI without interrupt remapping",
				"92:48: info: [nonmaskable-msi-without-remap] | device radeon_hdmi (0004:01:00.1)"));

		// GICv3 ITS: the ITS masks (seed 002 silent), the message is immutable (seed 001 silent); only
		// the draft's queued CDX write (seed 000).
		EXPECTED.put("arm64-gicv3-its-cdx-seed000-002.irqdsl", List.of(
				"86:19: error: [async-msi-write] | every device on bus cdx0 is written asynchronously (msi-write work-queue)"));

		// Intel VMD: today only seed 002 on the non-maskable root port; the 2015 RFC shows all of seed 004.
		EXPECTED.put("intel-vmd-nvme-seed004.irqdsl", List.of(
				"75:55: warning: [unmaskable-without-parent-mask] | device rp9 (10000:e0:1d.0)",
				"109:12: warning: [vmd-useless-domain] | domain vmd_irqdomain (VMD_MSI) is no bus's msi-parent",
				"127:25: warning: [vmd-unbalanced-mapping] | virq % msix_count",
				"130:26: warning: [vmd-free-without-grace-period] | without a grace period",
				"132:55: warning: [unmaskable-without-parent-mask] | MSI parent vmd_pci_msi does not take masking"));
	}

	@BeforeAll
	static void checkTheFolder() throws Exception {
		WorkspaceChecker checker = new IrqDslStandaloneSetup().createInjectorAndDoEMFRegistration()
				.getInstance(WorkspaceChecker.class);
		List<Path> files = PathArguments.expand(List.of(EXAMPLES));
		WorkspaceChecker.Result result = checker.check(files, new SourceFiles(8L << 20),
				SeverityPolicy.NONE);
		assertThat(result.unreadable()).isEmpty();
		for (Path file : files) {
			String name = relative(file);
			FILES.add(name);
			FINDINGS.put(name, new ArrayList<>());
		}
		for (Finding f : result.findings()) {
			FINDINGS.get(relative(Path.of(f.file()))).add(f);
		}
		FINDINGS.values().forEach(list -> list.sort(Comparator.comparingInt(Finding::line)
				.thenComparingInt(Finding::column).thenComparing(Finding::id)));
	}

	private static String relative(Path file) {
		return EXAMPLES.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
				.replace('\\', '/');
	}

	/** The findings of one file, rendered against the expected list (see the class comment). */
	private static List<String> actual(String file) {
		List<Finding> findings = FINDINGS.get(file);
		assertThat(findings).as("findings of %s (is it in examples/?)", file).isNotNull();
		List<String> expected = EXPECTED.get(file);
		List<String> rendered = new ArrayList<>();
		for (int i = 0; i < findings.size(); i++) {
			Finding f = findings.get(i);
			String brief = f.line() + ":" + f.column() + ": " + f.severity() + ": [" + f.id() + "]";
			int bar = i < expected.size() ? expected.get(i).indexOf(" | ") : -1;
			if (bar >= 0) {
				String phrase = expected.get(i).substring(bar + 3);
				brief += " | " + (f.message().contains(phrase) ? phrase : f.message());
			}
			rendered.add(brief);
		}
		return rendered;
	}

	private static void assertExample(String file) {
		assertThat(actual(file)).as(file).containsExactlyElementsOf(EXPECTED.get(file));
	}

	@Test
	void normativeX86NoRemap() {
		assertExample("normative/x86_noremap.irqdsl");
	}

	@Test
	void normativeX86Ir() {
		assertExample("normative/x86_ir.irqdsl");
	}

	@Test
	void x86NoRemapShowsTheTornUpdateBeforeV5_6AndTheRecursiveVectorLock() {
		assertExample("x86-noremap-seed001.irqdsl");
	}

	@Test
	void x86WithIntelRemappingHasNoTornUpdate() {
		assertExample("x86-intel-ir.irqdsl");
	}

	@Test
	void cleanupAndMaskedVariantsReportNothing() {
		assertExample("x86-cleanup-masked-seed001.irqdsl");
	}

	@Test
	void x86ErasAndAUserProcedure() {
		assertExample("x86-kernel-eras-procedures.irqdsl");
	}

	@Test
	void riscvImsicLazyMoveTearsAndV6_15DoesNot() {
		assertExample("riscv-imsic-seed001.irqdsl");
	}

	@Test
	void arm64ItsCdxOnlyTheQueuedWriteOfTheDraft() {
		assertExample("arm64-gicv3-its-cdx-seed000-002.irqdsl");
	}

	@Test
	void intelVmdTheRfcShowsEverySeed004Hazard() {
		assertExample("intel-vmd-nvme-seed004.irqdsl");
	}

	@Test
	void everyExampleHasItsExpectations() {
		assertThat(FILES).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
	}

	@Test
	void theFolderParsesAndResolves() {
		List<String> broken = FINDINGS.entrySet().stream()
				.flatMap(e -> e.getValue().stream()
						.filter(f -> f.id().equals("syntax") || f.id().equals("unresolved-reference"))
						.map(f -> e.getKey() + ":" + f.line() + ":" + f.column() + ": " + f.message() + " [" + f.id() + "]"))
				.toList();
		assertThat(broken).isEmpty();
	}

	@Test
	void theReadmeDescribesEveryExample() throws IOException {
		String readme = Files.readString(EXAMPLES.resolve("README.md"));
		for (String file : FILES) {
			if (!file.contains("/")) {
				assertThat(readme).as("examples/README.md names " + file).contains("`" + file + "`");
			}
		}
	}
}
