package org.irqdsl.runtime.sim.config;

/**
 * A device and everything its path to the CPU decides for its entries, already resolved by the
 * generator (the nearest domain's strategy, cleanup policy, retrigger variant, remapping, parent
 * masking). {@code vmd} is non-null for an Intel VMD.
 */
public record DeviceSpec(String name, String address, EntryKind capability, int count, boolean maskable,
		MsiWrite msiWrite, AffinityUpdate affinityUpdate, VectorCleanup vectorCleanup, Retrigger retrigger,
		boolean remap, boolean parentMasks, VmdSpec vmd) {

	/** Whether an entry can be masked at the device: MSI-X always, MSI only with the per-vector mask capability. */
	public boolean entriesMaskable() {
		return capability == EntryKind.MSIX || maskable;
	}
}
