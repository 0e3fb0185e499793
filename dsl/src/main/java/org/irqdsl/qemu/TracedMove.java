package org.irqdsl.qemu;

/**
 * One step of a scenario the guest performs under ftrace: a set-affinity of a device's entry to a
 * CPU, or taking the CPU the entry is on offline; the entry is first put on {@code initialCpu}
 * (the scenario's {@code initially}).
 *
 * @param label        how the report names it ("ahci.msi[0] set-affinity cpu 2")
 * @param device       the described device's name
 * @param guestAddress its PCI address in the guest
 * @param entry        the entry's index among the device's MSI or MSI-X vectors
 * @param msix         whether the entry is an MSI-X one
 * @param initialCpu   where the entry is put before the traced step
 * @param targetCpu    the set-affinity's CPU, or -1 for a CPU offline of {@code initialCpu}
 */
public record TracedMove(String label, String device, String guestAddress, int entry, boolean msix, int initialCpu, int targetCpu) {

	public boolean offline() {
		return targetCpu < 0;
	}
}
