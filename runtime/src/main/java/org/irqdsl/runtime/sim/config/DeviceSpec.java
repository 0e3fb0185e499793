package org.irqdsl.runtime.sim.config;

/**
 * A device and everything its path to the CPU decides for its entries, already resolved by the
 * generator (the nearest domain's strategy, cleanup policy, retrigger variant, remapping, parent
 * masking). {@code vmd} is non-null for an Intel VMD. {@code procedure}, when non-null, is the
 * affinity-update procedure in effect (the library's or a user's); when null the keyword
 * {@code affinityUpdate} (with {@code retrigger}) names a library procedure. {@code msiWriteProcedure},
 * when non-null, is how the bus writes the message (a procedure for msi-write), else {@code msiWrite}.
 */
public record DeviceSpec(String name, String address, EntryKind capability, int count, boolean maskable,
		MsiWrite msiWrite, AffinityUpdate affinityUpdate, VectorCleanup vectorCleanup, Retrigger retrigger,
		boolean remap, boolean parentMasks, VmdSpec vmd, Procedure procedure, Procedure msiWriteProcedure) {

	/** The same device without a procedure of its own: the keyword {@code affinityUpdate} names one of the library. */
	public DeviceSpec(String name, String address, EntryKind capability, int count, boolean maskable, MsiWrite msiWrite,
			AffinityUpdate affinityUpdate, VectorCleanup vectorCleanup, Retrigger retrigger, boolean remap,
			boolean parentMasks, VmdSpec vmd) {
		this(name, address, capability, count, maskable, msiWrite, affinityUpdate, vectorCleanup, retrigger, remap,
				parentMasks, vmd, null, null);
	}

	/** The same device with its affinity-update procedure, its bus writing the message by {@code msiWrite}. */
	public DeviceSpec(String name, String address, EntryKind capability, int count, boolean maskable, MsiWrite msiWrite,
			AffinityUpdate affinityUpdate, VectorCleanup vectorCleanup, Retrigger retrigger, boolean remap,
			boolean parentMasks, VmdSpec vmd, Procedure procedure) {
		this(name, address, capability, count, maskable, msiWrite, affinityUpdate, vectorCleanup, retrigger, remap,
				parentMasks, vmd, procedure, null);
	}


	/** Whether an entry can be masked at the device: MSI-X always, MSI only with the per-vector mask capability. */
	public boolean entriesMaskable() {
		return capability == EntryKind.MSIX || maskable;
	}
}
