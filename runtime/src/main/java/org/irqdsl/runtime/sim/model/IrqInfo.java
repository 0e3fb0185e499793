package org.irqdsl.runtime.sim.model;

import org.irqdsl.runtime.sim.config.AffinityUpdate;
import org.irqdsl.runtime.sim.config.DeviceSpec;
import org.irqdsl.runtime.sim.config.EntryRef;
import org.irqdsl.runtime.sim.config.MsiWrite;
import org.irqdsl.runtime.sim.config.Retrigger;
import org.irqdsl.runtime.sim.config.VectorCleanup;
import org.irqdsl.runtime.sim.config.VmdTeardown;

/** What never changes about one irq (one device entry) of a compiled scenario. */
public final class IrqInfo {

	public final int index;
	public final EntryRef ref;
	public final String name;
	public final int device;
	public final boolean maskable;
	public final MsiWrite msiWrite;
	public final AffinityUpdate strategy;
	public final VectorCleanup cleanup;
	public final Retrigger retrigger;
	/** The message targets a remap-table entry or the controller's translation (remap, immutable). */
	public final boolean routedByController;
	public final boolean parentMasks;
	/** The VMD irq this child is multiplexed on, or -1. */
	public int vmdParent = -1;
	/** For a VMD's own irq: its children in list order; empty otherwise. */
	public int[] vmdChildren = new int[0];
	public VmdTeardown vmdTeardown = VmdTeardown.GRACE_PERIOD;
	/** The path kinds a move of this irq may take, each a list of micro-ops. */
	final MicroOp[][] paths = new MicroOp[MovePath.COUNT][];

	IrqInfo(int index, EntryRef ref, int device, DeviceSpec spec) {
		this.index = index;
		this.ref = ref;
		this.name = ref.toString();
		this.device = device;
		this.maskable = spec.entriesMaskable();
		this.msiWrite = spec.msiWrite();
		this.strategy = spec.affinityUpdate();
		this.cleanup = spec.vectorCleanup();
		this.retrigger = spec.retrigger();
		this.routedByController = !spec.affinityUpdate().writesMessage() || spec.remap();
		this.parentMasks = spec.parentMasks();
	}

	public boolean isVmd() {
		return vmdChildren.length > 0;
	}

	public boolean isVmdChild() {
		return vmdParent >= 0;
	}
}
