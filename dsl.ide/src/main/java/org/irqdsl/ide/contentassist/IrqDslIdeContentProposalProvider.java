package org.irqdsl.ide.contentassist;

import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.irqdsl.runtime.kernel.KernelGlossary;
import org.irqdsl.runtime.kernel.KernelGlossary.Category;
import org.irqdsl.runtime.kernel.KernelName;
import org.irqdsl.validation.KernelNamePositions;

/**
 * Completes the kernel's names by where they stand: only MSI_FLAG_* after {@code supported} and
 * {@code required}, only DOMAIN_BUS_* after {@code bus-token}, only MATCH_* after {@code select},
 * domain kinds after {@code domain NAME :}.
 */
public class IrqDslIdeContentProposalProvider extends IdeContentProposalProvider {

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
		super._createProposals(assignment, context, acceptor);
	}

}
