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
}
