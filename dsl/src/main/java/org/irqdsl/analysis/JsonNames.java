package org.irqdsl.analysis;

import org.irqdsl.runtime.sim.config.JsonName;

/** Maps a language enum literal onto the runtime enum spelt the same way. */
public final class JsonNames {

	private JsonNames() {
	}

	public static <E extends Enum<E> & JsonName> E literal(Class<E> type, String literal) {
		return JsonName.parse(type, literal)
				.orElseThrow(() -> new IllegalStateException("no " + type.getSimpleName() + " spelt " + literal));
	}
}
