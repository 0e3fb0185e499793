package org.irqdsl.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.irqdsl.irqDsl.Domain;

/**
 * The parent chains of a platform's domains (child near the device, parent near the CPU), computed
 * once and shared by every device below a domain.
 */
public final class DomainHierarchy {

	private final Map<Domain, List<Domain>> pathToCpu = new IdentityHashMap<>();

	/**
	 * The domain and its parents up to the root. A cycle ends the path at the first repeated
	 * domain (domain-cycle reports it).
	 */
	public List<Domain> pathToCpu(Domain start) {
		List<Domain> cached = pathToCpu.get(start);
		if (cached != null) {
			return cached;
		}
		Set<Domain> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		List<Domain> path = new ArrayList<>();
		for (Domain d = start; d != null && !d.eIsProxy() && seen.add(d); d = d.getParent()) {
			path.add(d);
		}
		List<Domain> result = List.copyOf(path);
		pathToCpu.put(start, result);
		return result;
	}

	/** The domains on a cycle reachable from {@code start}, in parent order; empty when there is none. */
	public static List<Domain> cycleFrom(Domain start) {
		LinkedHashSet<Domain> seen = new LinkedHashSet<>();
		Domain d = start;
		while (d != null && !d.eIsProxy() && seen.add(d)) {
			d = d.getParent();
		}
		if (d == null || d.eIsProxy()) {
			return List.of();
		}
		List<Domain> cycle = new ArrayList<>();
		boolean in = false;
		for (Domain x : seen) {
			in |= x == d;
			if (in) {
				cycle.add(x);
			}
		}
		return cycle;
	}
}
