package org.irqdsl.importer;

/** A fact in words, with the line that shows it: "DMAR-IR: Enabled IRQ remapping in x2apic mode" at dmesg:12. */
public record Evidence(String what, SourceRef at) {

	@Override
	public String toString() {
		return what + " (" + at + ")";
	}
}
