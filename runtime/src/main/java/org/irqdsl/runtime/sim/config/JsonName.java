package org.irqdsl.runtime.sim.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** An enum constant spelt in the simulator config as a lowercase, hyphenated word. */
public interface JsonName {

	/** The spelling in the JSON config (and in the .irqdsl language). */
	String jsonName();

	static <E extends Enum<E> & JsonName> Optional<E> parse(Class<E> type, String name) {
		for (E e : type.getEnumConstants()) {
			if (e.jsonName().equals(name)) {
				return Optional.of(e);
			}
		}
		return Optional.empty();
	}

	static <E extends Enum<E> & JsonName> String spellings(Class<E> type) {
		return Arrays.stream(type.getEnumConstants()).map(e -> "\"" + e.jsonName() + "\"")
				.collect(Collectors.joining(", "));
	}
}
