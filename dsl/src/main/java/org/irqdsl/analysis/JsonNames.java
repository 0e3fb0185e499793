package org.irqdsl.analysis;

import java.util.HashMap;
import java.util.Map;

import org.irqdsl.runtime.sim.config.JsonName;

/** Maps a language enum literal onto the runtime enum spelt the same way. */
public final class JsonNames {

	private JsonNames() {
	}

	/** Each enum's constants by spelling, the first of a spelling as {@link JsonName#parse} finds it (asked per device). */
	private static final ClassValue<Map<String, Object>> BY_SPELLING = new ClassValue<>() {
		@Override
		protected Map<String, Object> computeValue(Class<?> type) {
			Map<String, Object> bySpelling = new HashMap<>();
			for (Object constant : type.getEnumConstants()) {
				bySpelling.putIfAbsent(((JsonName) constant).jsonName(), constant);
			}
			return bySpelling;
		}
	};

	public static <E extends Enum<E> & JsonName> E literal(Class<E> type, String literal) {
		Object constant = BY_SPELLING.get(type).get(literal);
		if (constant == null) {
			throw new IllegalStateException("no " + type.getSimpleName() + " spelt " + literal);
		}
		return type.cast(constant);
	}
}
