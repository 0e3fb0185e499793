package org.irqdsl.ide.contentassist;

import java.util.Map;

import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.irqdsl.analysis.CpuSet;
import org.irqdsl.irqDsl.Platform;
import org.irqdsl.irqDsl.Scenario;
import org.irqdsl.runtime.kernel.KernelGlossary;
import org.irqdsl.runtime.kernel.KernelGlossary.Category;
import org.irqdsl.runtime.kernel.KernelName;
import org.irqdsl.validation.KernelNamePositions;

/**
 * Completes the kernel's names by where they stand: only MSI_FLAG_* after {@code supported} and
 * {@code required}, only DOMAIN_BUS_* after {@code bus-token}, only MATCH_* after {@code select},
 * domain kinds after {@code domain NAME :}; in a scenario, after {@code cpu}, its platform's CPUs.
 */
public class IrqDslIdeContentProposalProvider extends IdeContentProposalProvider {

	/** Snippets offered with the keyword that starts each construct (LSP snippet syntax). */
	private static final Map<String, String> SNIPPETS = Map.of(
			"platform", "platform ${1:name} {\n\tcpus ${2:4}\n\t$0\n}",
			"domain", "domain ${1:name} : ${2|VECTOR,DMAR,AMDVI,GIC_ITS,GICv2m,IMSIC,VMD_MSI|} {\n\tmsi-parent-ops {\n\t\tsupported MSI_GENERIC_FLAGS_MASK, MSI_FLAG_PCI_MSIX\n\t}\n\taffinity-update ${3|two-step,remap,immutable,direct,masked,lazy-move|}\n}",
			"bus", "bus ${1|pci,cdx|} ${2:name} msi-parent ${3:domain} {\n\t$0\n}",
			"device", "device ${1:name} at \"${2:00:02.0}\" { ${3|msi count 1,msi count 1 maskable,msi-x count 32|} }",
			"scenario", "scenario ${1:name} on ${2:platform} {\n\tinitially ${3:device}.msi[0] on cpu ${4:1} vector ${5:0x30}\n\tconcurrently {\n\t\tcpu ${4:1} { set-affinity ${3:device}.msi[0] cpu ${6:2} vector ${7:0x31} }\n\t\tdevice ${3:device} { raise msi[0] }\n\t}\n\texpect no lost-interrupt\n}");

	/** Enough CPU numbers to pick from; a platform of thousands of CPUs is typed, not scrolled. */
	private static final int MAX_CPU_PROPOSALS = 256;

	@Override
	protected void _createProposals(Keyword keyword, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		super._createProposals(keyword, context, acceptor);
		String snippet = SNIPPETS.get(keyword.getValue());
		if (snippet != null && filterKeyword(keyword, context)) {
			ContentAssistEntry entry = getProposalCreator().createSnippet(snippet, keyword.getValue() + " … (template)", context);
			if (entry != null) {
				acceptor.accept(entry, getProposalPriorities().getDefaultPriority(entry));
			}
		}
	}

	@Override
	protected void _createProposals(Assignment assignment, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		Category category = KernelNamePositions.of(assignment).orElse(null);
		if (category != null) {
			for (KernelName name : KernelGlossary.names(category)) {
				ContentAssistEntry entry = getProposalCreator().createProposal(name.kernelName(), context, e -> {
					e.setKind(ContentAssistEntry.KIND_VALUE);
					e.setDescription(category.name().toLowerCase().replace('_', ' '));
					e.setDocumentation(name.meaning());
				});
				if (entry != null) {
					acceptor.accept(entry, getProposalPriorities().getDefaultPriority(entry));
				}
			}
			return;
		}
		if ("cpu".equals(assignment.getFeature()) && proposeCpus(context, acceptor)) {
			return;
		}
		if ("library".equals(assignment.getFeature())) {
			proposeLibrary(assignment, context, acceptor);
			return;
		}
		super._createProposals(assignment, context, acceptor);
	}

	/** The kernel's library procedures after affinity-library / hot-unplug-library, each with what it follows. */
	private void proposeLibrary(Assignment assignment, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		boolean hotUnplug = EcoreUtil2.getContainerOfType(context.getCurrentModel(), org.irqdsl.irqDsl.Domain.class) == null;
		java.util.Map<String, String> cites = new java.util.LinkedHashMap<>();
		if (hotUnplug) {
			org.irqdsl.runtime.kernel.KernelProcedures.hotUnplugProcedures().forEach((n, h) -> cites.put(n, h.cites()));
		} else {
			org.irqdsl.runtime.kernel.KernelProcedures.affinityProcedures().forEach((n, pr) -> cites.put(n, pr.cites()));
		}
		cites.forEach((name, cite) -> {
			ContentAssistEntry entry = getProposalCreator().createProposal(name, context, e -> {
				e.setKind(ContentAssistEntry.KIND_VALUE);
				e.setDescription(hotUnplug ? "hot-unplug procedure" : "affinity-update procedure");
				e.setDocumentation(cite);
			});
			if (entry != null) {
				acceptor.accept(entry, getProposalPriorities().getDefaultPriority(entry));
			}
		});
	}

	/** A scenario's CPU numbers: the CPUs its platform declares, online or offline. */
	private boolean proposeCpus(ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		Scenario scenario = EcoreUtil2.getContainerOfType(context.getCurrentModel(), Scenario.class);
		Platform platform = scenario == null ? null : scenario.getPlatform();
		if (platform == null || platform.eIsProxy()) {
			return false;
		}
		CpuSet cpus = CpuSet.of(platform);
		int shown = 0;
		for (int cpu = cpus.present().nextSetBit(0); cpu >= 0 && shown < MAX_CPU_PROPOSALS; cpu = cpus.present().nextSetBit(cpu + 1), shown++) {
			String state = cpus.online().get(cpu) ? "online" : "offline";
			ContentAssistEntry entry = getProposalCreator().createProposal(Integer.toString(cpu), context, e -> {
				e.setKind(ContentAssistEntry.KIND_VALUE);
				e.setDescription("CPU of " + platform.getName() + " (" + state + ")");
			});
			if (entry != null) {
				acceptor.accept(entry, getProposalPriorities().getDefaultPriority(entry));
			}
		}
		return true;
	}

}
