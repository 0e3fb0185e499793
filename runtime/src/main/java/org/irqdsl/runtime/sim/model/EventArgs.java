package org.irqdsl.runtime.sim.model;

/** The small integer arguments of {@link Event} events, shared by the semantics and the trace text. */
public final class EventArgs {

	private EventArgs() {
	}

	// RAISE "message": which message the device used
	public static final int MSG_CURRENT = 0;
	public static final int MSG_OLD = 1;
	/** (old cpu, new vector): the two-step's temporary message. */
	public static final int MSG_TMP = 2;
	/** (new cpu, old vector): the torn message of seed 001. */
	public static final int MSG_TORN = 3;
	public static final int MSG_OTHER = 4;
	public static final int MSG_CONTROLLER = 5;
	public static final int MSG_KIND = 0xff;
	public static final int TO_OFFLINE_CPU = 0x100;
	public static final int TO_DYING_CPU = 0x200;
	public static final int WRITE_QUEUED = 0x400;

	// LAZY_DISABLE "masked"
	public static final int MASKED_AT_DEVICE = 0;
	public static final int MASKED_AT_PARENT = 1;
	public static final int CANNOT_MASK = 2;

	// MOVE_BEGIN "context"
	public static final int CTX_SET_AFFINITY = 0;
	/** irq_migrate_all_off_this_cpu() in stop_machine(): nothing may sleep or wait. */
	public static final int CTX_STOP_MACHINE = 1;
	/** First stage of a two-stage hot-unplug: process context, may sleep (irq_bus_lock). */
	public static final int CTX_PROCESS = 2;
	/** irq_set_affinity() of an at-once procedure: the caller's process context. */
	public static final int CTX_AT_ONCE = 3;

	// MOVE_REJECTED "reason"
	public static final int REJ_NOT_REQUESTED = 0;
	public static final int REJ_TARGET_OFFLINE = 1;
	public static final int REJ_MOVE_IN_PROGRESS = 2;
	public static final int REJ_UNCHANGED = 3;
	public static final int REJ_VECTOR_BUSY = 4;
	public static final int REJ_NO_VECTOR = 5;
	public static final int REJ_NO_ONLINE_CPU = 6;
	/** The domain installs no irq_set_affinity (MSI_FLAG_NO_AFFINITY): -EINVAL. */
	public static final int REJ_NO_AFFINITY = 7;


	// REQUEST_IRQ "write"
	public static final int REQ_WRITTEN = 0;
	public static final int REQ_FIRMWARE_SYNC = 1;
	public static final int REQ_QUEUED = 2;
	public static final int REQ_WORK_QUEUE = 3;

	// REQUEST_REJECTED "reason"
	public static final int REQ_ALREADY = 0;
	public static final int REQ_NO_CPU = 1;
	public static final int REQ_NO_VECTOR = 2;
}
