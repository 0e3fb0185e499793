package org.irqdsl.ide.symbol;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolNameProvider;
import org.eclipse.xtext.util.SimpleAttributeResolver;

/** The outline shows what the file writes (`nic`), not qualified names (`x86_noremap.pcie0.nic`). */
public class IrqDslDocumentSymbolNameProvider extends DocumentSymbolNameProvider {

	@Override
	public String getName(EObject object) {
		String name = SimpleAttributeResolver.NAME_RESOLVER.apply(object);
		return name != null ? name : super.getName(object);
	}
}
