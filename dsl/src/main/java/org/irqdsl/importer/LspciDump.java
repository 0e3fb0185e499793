package org.irqdsl.importer;

import java.util.List;

/**
 * What {@link LspciParser} read: the functions, what it could not parse, and counts of what it
 * skipped on purpose (capabilities lspci itself does not decode, printed as {@code <?>}), and the
 * first {@code Device tree node:} line (a device-tree platform, so not a PC), 0 when there is none.
 */
public record LspciDump(InputText input, List<PciFunction> functions, List<Problem> problems, int unknownCapabilities,
		int accessDenied, int deviceTreeLine) {

	public LspciDump {
		functions = List.copyOf(functions);
		problems = List.copyOf(problems);
	}
}
