package org.irqdsl.runtime.sim.config;

/** {@code initially nic.msi[0] on cpu 1 vector 0x30}: requested, started, and delivered there. */
public record Placement(EntryRef entry, int cpu, int vector) {
}
