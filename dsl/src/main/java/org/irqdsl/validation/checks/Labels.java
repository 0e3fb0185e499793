package org.irqdsl.validation.checks;

import org.irqdsl.irqDsl.AffinityUpdate;
import org.irqdsl.irqDsl.Device;
import org.irqdsl.irqDsl.Domain;

/** How checks name things in their messages. */
final class Labels {

	private Labels() {
	}

	static String device(Device d) {
		return "device " + d.getName() + " (" + d.getAddress() + ")";
	}

	static String domain(Domain d) {
		return "domain " + d.getName() + " (" + d.getKind() + ")";
	}

	static String strategy(AffinityUpdate s) {
		return s.getLiteral();
	}

	/**
	 * How a check names the procedure in effect: "affinity-update direct" where a domain declares the
	 * keyword, else "procedure x86_msi_set_affinity_v6_7 (implied by ...)", with the path a move
	 * takes when the procedure has several.
	 */
	static String procedure(org.irqdsl.analysis.ProcedureInEffect proc, org.irqdsl.analysis.NonMaskableMove move) {
		String path = move.path().isEmpty() || proc.procedure().paths().size() < 2 ? "" : ", path " + move.path() + ",";
		return proc.declared().map(k -> "affinity-update " + k.jsonName())
				.orElse("procedure " + proc.procedure().name() + " (" + proc.origin() + ")") + path;
	}
}
