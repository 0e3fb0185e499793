package org.irqdsl.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.validation.checks.Fixtures.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/** Every quick fix, applied to a text that triggers its check, makes the finding go away. */
class QuickFixTest {

	/** The fixes offered for the first finding of {@code id} in {@code text}. */
	private static List<QuickFix> fixes(String text, String id) {
		List<Issue> issues = Diagnostics.issues("test.irqdsl", text);
		Issue issue = issues.stream().filter(i -> id.equals(i.getCode())).findFirst()
				.orElseThrow(() -> new AssertionError("no " + id + " in " + issues));
		XtextResource resource = Diagnostics.lastResource();
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), issue.getOffset());
		EObject source = NodeModelUtils.findActualSemanticObjectFor(leaf);
		return IrqDslChecks.fixable(id).orElseThrow().fixes(source, issue.getOffset());
	}

	private static String apply(String text, QuickFix fix) {
		StringBuilder out = new StringBuilder(text);
		List<QuickFix.Edit> edits = new ArrayList<>(fix.edits());
		edits.sort(Comparator.comparingInt(QuickFix.Edit::offset).reversed());
		for (QuickFix.Edit e : edits) {
			out.replace(e.offset(), e.offset() + e.length(), e.text());
		}
		return out.toString();
	}

	/** Applies the fix labelled {@code label} and returns the ids found in the result. */
	private static String fixed(String text, String id, String label) {
		QuickFix fix = fixes(text, id).stream().filter(f -> f.label().contains(label)).findFirst()
				.orElseThrow(() -> new AssertionError("no fix '" + label + "' among " + fixes(text, id)));
		return apply(text, fix);
	}

	private static final String NIC = "device nic at \"00:02.0\" { msi count 1 }";

	@Test
	void markTheMsiMaskable() {
		String text = platform(x86Vector("affinity-update direct"), pciBus("vector", NIC));
		String after = fixed(text, "nonmaskable-msi-without-remap", "maskable");
		assertThat(after).contains("{ msi count 1 maskable }");
		assertThat(Diagnostics.ids(after)).isEmpty();
	}

	@Test
	void switchToTheTwoStepUpdate() {
		String text = platform(x86Vector("affinity-update direct"), pciBus("vector", NIC));
		String after = fixed(text, "nonmaskable-msi-without-remap", "two-step");
		assertThat(after).contains("affinity-update two-step").doesNotContain("affinity-update direct");
		assertThat(Diagnostics.of(after)).noneMatch(d -> d.contains("warning [nonmaskable-msi-without-remap]"));
	}

	@Test
	void addTheTwoStepUpdateWhereNoneIsDeclared() {
		String text = platform(x86Vector(), pciBus("vector", NIC));
		String after = fixed(text, "nonmaskable-msi-without-remap", "two-step");
		assertThat(Diagnostics.of(after)).contains(at(after, "device nic", "info [nonmaskable-msi-without-remap]"));
	}

	@Test
	void theTwoStepUpdateIsNotOfferedWhereItIsAlreadyInEffect() {
		String text = platform(x86Vector("affinity-update two-step"), pciBus("vector", NIC));
		assertThat(fixes(text, "nonmaskable-msi-without-remap")).extracting(QuickFix::label)
				.anyMatch(l -> l.contains("maskable")).noneMatch(l -> l.contains("two-step"));
	}

	@Test
	void writeTheCdxMessageSynchronously() {
		String text = platform(gicIts(), "bus cdx cdx0 msi-parent its {\nmsi-write work-queue\ndevice f at \"00:01\" { msi-x count 2 }\n}");
		String after = fixed(text, "async-msi-write", "firmware-sync");
		assertThat(Diagnostics.ids(after)).doesNotContain("async-msi-write");
	}

	@Test
	void retriggerWithoutTheLock() {
		String text = platform(x86Vector("affinity-update two-step", "retrigger takes-vector-lock"),
				pciBus("vector", "device nvme at \"00:03.0\" { msi-x count 4 }"));
		assertThat(Diagnostics.ids(fixed(text, "retrigger-takes-held-lock", "lock-free"))).isEmpty();
	}

	@Test
	void vmdFixes() {
		String text = platform(dmar(), "bus pci pcie0 msi-parent ir {\ndevice vmd at \"00:0e.0\" {\nmsi-x count 32\n"
				+ "vmd {\nmapping virq-modulo\nfree-irq no-grace-period\n}\n}\n}");
		assertThat(Diagnostics.ids(fixed(text, "vmd-unbalanced-mapping", "least-loaded"))).doesNotContain("vmd-unbalanced-mapping");
		assertThat(Diagnostics.ids(fixed(text, "vmd-free-without-grace-period", "grace-period")))
				.doesNotContain("vmd-free-without-grace-period");
	}

	@Test
	void addTheDroppedFlagToTheParent() {
		String text = platform(domain("vector : VECTOR", "vectors 0x20..0xff", """
				msi-parent-ops {
				    supported MSI_GENERIC_FLAGS_MASK
				}"""), pciBus("vector", "device nvme at \"00:03.0\" { msi-x count 4 }"));
		String after = fixed(text, "flag-masked-by-parent", "MSI_FLAG_PCI_MSIX");
		assertThat(after).contains("supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX");
		assertThat(Diagnostics.ids(after)).doesNotContain("flag-masked-by-parent");
	}

	@Test
	void letTheParentSelectPci() {
		String text = platform(domain("its : GIC_ITS", """
				msi-parent-ops {
				    supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX
				    bus-token DOMAIN_BUS_NEXUS
				}"""), pciBus("its", "device nvme at \"00:03.0\" { msi-x count 4 }"));
		String after = fixed(text, "bus-token-not-selected", "MATCH_PCI_MSI");
		assertThat(after).contains("select MATCH_PCI_MSI");
		assertThat(Diagnostics.ids(after)).doesNotContain("bus-token-not-selected", "syntax");
	}

	@Test
	void correctAMisspeltFlag() {
		String text = platform(domain("vector : VECTOR", "vectors 0x20..0xff", """
				msi-parent-ops {
				    supported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSX
				}"""), pciBus("vector", "device nvme at \"00:03.0\" { msi-x count 4 }"));
		List<QuickFix> offered = fixes(text, "unknown-kernel-name");
		assertThat(offered.get(0).label()).isEqualTo("Change to MSI_FLAG_PCI_MSIX");
		assertThat(Diagnostics.ids(apply(text, offered.get(0)))).isEmpty();
	}
}
