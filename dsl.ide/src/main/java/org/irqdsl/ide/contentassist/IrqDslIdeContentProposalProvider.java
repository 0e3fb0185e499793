package org.irqdsl.ide.contentassist;

import java.util.Map;

import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.irqdsl.runtime.kernel.KernelGlossary;
import org.irqdsl.runtime.kernel.KernelGlossary.Category;
import org.irqdsl.runtime.kernel.KernelName;

/**
 * Completes the kernel's names by where they stand: only MSI_FLAG_* after {@code supported} and
 * {@code required}, only DOMAIN_BUS_* after {@code bus-token}, only MATCH_* after {@code select},
 * domain kinds after {@code domain NAME :}.
 */
public class IrqDslIdeContentProposalProvider extends IdeContentProposalProvider {

	/** Grammar feature name -> the names that may stand there. */
	private static final Map<String, Category> FEATURES = Map.of(
			"supported", Category.MSI_FLAG,
			"required", Category.MSI_FLAG,
			"chipFlags", Category.CHIP_FLAG,
			"busSelectToken", Category.BUS_TOKEN,
			"busToken", Category.BUS_TOKEN,
			"busSelectMask", Category.SELECT_MASK,
			"domainFlags", Category.DOMAIN_FLAG,
			"kind", Category.DOMAIN_KIND);

	@Override
	protected void _createProposals(Assignment assignment, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		Category category = FEATURES.get(assignment.getFeature());
		if (category != null && (!"kind".equals(assignment.getFeature()) || isDomainKind(assignment))) {
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
		super._createProposals(assignment, context, acceptor);
	}

	/** {@code kind} is also a feature of entries and raises (msi / msi-x keywords): only the domain's takes kernel names. */
	private static boolean isDomainKind(Assignment assignment) {
		return org.eclipse.xtext.GrammarUtil.containingParserRule(assignment).getName().equals("Domain");
	}
}
