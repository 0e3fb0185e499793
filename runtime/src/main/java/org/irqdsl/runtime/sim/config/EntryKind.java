package org.irqdsl.runtime.sim.config;

/** The device capability an entry belongs to. */
public enum EntryKind implements JsonName {
	MSI("msi"),
	MSIX("msi-x");

	private final String jsonName;

	EntryKind(String jsonName) {
		this.jsonName = jsonName;
	}

	@Override
	public String jsonName() {
		return jsonName;
	}
}
