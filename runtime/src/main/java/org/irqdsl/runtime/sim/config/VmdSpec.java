package org.irqdsl.runtime.sim.config;

import java.util.List;

/**
 * An Intel VMD (drivers/pci/controller/vmd.c): its MSI-X vectors carry a child bus; the flow handler
 * (vmd_flow_handler) walks each vector's child list under SRCU and calls generic_handle_irq().
 * The children are requested when the scenario starts and on their vector's list in the given order.
 */
public record VmdSpec(VmdTeardown freeIrq, List<VmdChild> children) {

	public VmdSpec {
		children = List.copyOf(children);
	}
}
