package org.irqdsl.runtime.sim.config;

/**
 * How a CPU hot-unplug migrates the interrupts off the outgoing CPU (kernel/irq/cpuhotplug.c
 * irq_migrate_all_off_this_cpu() -> migrate_one_irq(), in stop_machine()).
 *
 * @param name             library or user name
 * @param cites            the function, file and commit or release it follows
 * @param sleepersFirst    the two-stage migration seed 000 proposed: irqs whose message a sleeping
 *                         firmware command writes are moved first, in process context, under
 *                         chip_bus_lock()/chip_bus_sync_unlock(); mainline has no such stage
 * @param retriggerPending fixup_irqs() (arch/x86/kernel/irq.c) retriggers every vector still
 *                         pending in the outgoing CPU's IRR on the irq's new target
 */
public record HotUnplug(String name, String cites, boolean sleepersFirst, boolean retriggerPending) {
}
