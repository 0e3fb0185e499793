package org.irqdsl.runtime.sim.config;

/** A child interrupt behind a VMD, multiplexed onto the VMD's own MSI-X vector {@code vmdVector}. */
public record VmdChild(EntryRef entry, int vmdVector) {
}
