package org.irqdsl.runtime.sim.config;

/** One CPU of the platform: its kernel number and whether it is online when the scenario starts. */
public record CpuSpec(int id, boolean online) {
}
