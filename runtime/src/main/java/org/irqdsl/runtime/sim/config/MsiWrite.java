package org.irqdsl.runtime.sim.config;

/** How a device's MSI message (address, data) gets written (seed 000). */
public enum MsiWrite implements JsonName {
	/** PCI config space, one 32-bit word at a time: address_lo, then data. */
	CONFIG_WORDS("config-words"),
	/** One atomic write: the device never sees half a message. */
	ATOMIC("atomic"),
	/** Firmware command issued in irq_bus_sync_unlock() under irq_bus_lock(): done when the call returns. */
	FIRMWARE_SYNC("firmware-sync"),
	/** Firmware command queued: the write completes later (the rejected CDX draft of seed 000). */
	FIRMWARE_QUEUED("firmware-queued"),
	/** Written from a work queue: completes later. */
	WORK_QUEUE("work-queue");

	private final String jsonName;

	MsiWrite(String jsonName) {
		this.jsonName = jsonName;
	}

	@Override
	public String jsonName() {
		return jsonName;
	}

	/** Whether the write completes later, as an environment step. */
	public boolean isQueued() {
		return this == FIRMWARE_QUEUED || this == WORK_QUEUE;
	}
}
