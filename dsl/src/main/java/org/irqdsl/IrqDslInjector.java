package org.irqdsl;

import com.google.inject.Injector;

/**
 * The language's injector, created once per process (with the EMF registration) and shared by
 * every command and by the importer's check: one set of bindings, one parser, one scope cache.
 * The language server builds its own from {@code IrqDslIdeSetup}, with the same runtime module.
 */
public final class IrqDslInjector {

	private IrqDslInjector() {
	}

	public static Injector get() {
		return Holder.INJECTOR;
	}

	private static final class Holder {
		static final Injector INJECTOR = new IrqDslStandaloneSetup().createInjectorAndDoEMFRegistration();
	}
}
