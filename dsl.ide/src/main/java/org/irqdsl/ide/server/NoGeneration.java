package org.irqdsl.ide.server;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.generator.IShouldGenerate;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * The language has no code generator, so the language server's builder never generates. Xtext's
 * default ({@code IShouldGenerate.OnlyWithoutErrors}) validates every built resource a second time
 * just to decide that: a second full validation after each edit (15% of the server's time after an
 * edit of a 10,000-device file), which holds back the requests queued behind the build.
 */
public class NoGeneration implements IShouldGenerate {

	@Override
	public boolean shouldGenerate(Resource resource, CancelIndicator cancelIndicator) {
		return false;
	}
}
