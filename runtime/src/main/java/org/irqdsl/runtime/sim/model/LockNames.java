package org.irqdsl.runtime.sim.model;

import java.util.ArrayList;
import java.util.List;

/** The locks a scenario's procedures name, numbered: 0 is always vector_lock. */
final class LockNames {

	static final String VECTOR_LOCK = "vector_lock";
	private final List<String> names = new ArrayList<>(List.of(VECTOR_LOCK));

	int index(String name) {
		int i = names.indexOf(name);
		if (i < 0) {
			names.add(name);
			i = names.size() - 1;
		}
		return i;
	}

	int count() {
		return names.size();
	}

	String name(int i) {
		return names.get(i);
	}

	List<String> all() {
		return List.copyOf(names);
	}
}
