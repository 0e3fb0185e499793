package org.irqdsl.runtime.sim.model;

/**
 * What a step did, as the trace tells it. Arguments are indices (irq, CPU index, vector-pool index)
 * named by {@link #args}; {@code org.irqdsl.runtime.sim.trace.EventText} renders them.
 */
public enum Event {
	// device side
	RAISE("irq", "cpu", "vector", "message"),
	RAISE_FREED("irq"),
	RAISE_VIA_VMD("irq", "vmd"),
	RAISE_MASKED("irq"),
	RAISE_UNWRITTEN("irq", "queued"),
	RAISE_PARENT_HELD("irq"),
	RAISE_NO_ROUTE("irq"),
	// CPU side
	TAKE_HANDLED("cpu", "vector", "irq"),
	TAKE_NO_OWNER("cpu", "vector"),
	TAKE_NOTHING_PENDING("cpu", "vector", "irq"),
	FIRST_ARRIVAL("irq", "cpu", "vector"),
	LAZY_DISABLE("cpu", "vector", "irq", "masked"),
	DELIVERED_WHILE_DISABLED("cpu", "vector", "irq"),
	FLOW_START("cpu", "vmd", "child"),
	FLOW_EMPTY("cpu", "vmd"),
	FLOW_HANDLE("cpu", "child"),
	FLOW_USE_AFTER_FREE("cpu", "child"),
	FLOW_NEXT("cpu", "child"),
	FLOW_END("cpu", "vmd"),
	VECTOR_CLEANUP("irq", "cpu", "vector"),
	TIMER_SYNC("irq", "cpu", "vector", "moved"),
	WRITE_DONE("irq", "cpu", "vector"),
	// moves
	MOVE_BEGIN("irq", "cpu", "vector", "context"),
	/** set-affinity pending: IRQD_SETAFFINITY_PENDING recorded, the move waits for the next interrupt. */
	SETAFF_PENDING("irq", "cpu", "vector"),
	/** The interrupt taken on CPU cpu runs the pending move first (irq_move_irq()). */
	IRQ_MOVE_IRQ("cpu", "vector", "irq"),
	MOVE_REJECTED("irq", "reason", "cpu", "vector"),
	FORCE_COMPLETE("irq", "cpu", "vector"),
	/** The procedure took path {@code path} (an index); {@code failed} is 1 + the index of the first guard of the path before it that did not hold. */
	PATH("irq", "path", "failed"),
	MASK_IMPOSSIBLE("irq"),
	MASK_PARENT("irq"),
	UNMASK_PARENT_MOVE("irq", "held"),
	WRITE_ADDRESS_HI("irq"),
	/** In stop_machine() a bus-locked write is only stored (cdx_msi_write_msg()): the device keeps its message. */
	FIRMWARE_STORED("irq", "cpu", "vector"),
	UNLOCK_NOT_HELD("thread", "lock"),
	MASK("irq"),
	UNMASK("irq"),
	WRITE_ADDRESS("irq", "cpu", "vector", "message"),
	WRITE_DATA("irq", "cpu", "vector", "message"),
	WRITE_MESSAGE("irq", "cpu", "vector", "tmp"),
	FIRMWARE_WRITE("irq", "cpu", "vector", "tmp"),
	QUEUE_WRITE("irq", "cpu", "vector", "tmp"),
	FIRMWARE_CANNOT_SLEEP("irq"),
	LOCK("thread", "lock"),
	UNLOCK("thread", "lock"),
	IRR_CHECK("cpu", "vector", "pending"),
	RETRIGGER("irq", "cpu", "vector"),
	RECURSIVE_LOCK("thread", "cpu", "stopMachine", "irq"),
	UPDATE_IRTE("irq", "cpu", "vector"),
	CONTROLLER_MOVE("irq", "cpu", "vector", "moved"),
	CLEANUP_IMMEDIATE("irq", "cpu", "vector"),
	TIMER_ARMED("irq", "cpu"),
	// thread operations
	REQUEST_IRQ("irq", "cpu", "vector", "write"),
	REQUEST_REJECTED("irq", "reason"),
	STARTUP("irq"),
	FREE_IRQ("irq", "cpu", "vector"),
	FREE_NOT_REQUESTED("irq"),
	VMD_LIST_DEL("irq", "vmd"),
	VMD_FREE("irq", "grace"),
	DISABLE("irq", "depth"),
	ENABLE("irq", "depth"),
	ENABLE_UNBALANCED("irq"),
	UNMASK_DEVICE("irq"),
	UNMASK_PARENT("irq", "held"),
	RESEND("irq", "cpu", "vector"),
	STOP_MACHINE_ENTER("cpu"),
	FORWARD("vector", "irq", "cpu", "newVector"),
	FORWARD_DROPPED("cpu", "vector"),
	/** A vector pending in the outgoing CPU's IRR when stop_machine() starts: an interrupt in flight. */
	IN_FLIGHT("cpu", "vector", "irq"),
	CPU_DEAD("cpu"),
	DEAD_PENDING("cpu", "vector"),
	MIGRATE_STAGE_ONE("irq"),
	CPU_ONLINE("cpu", "already");

	public final String[] args;

	Event(String... args) {
		this.args = args;
	}

	/** The event's name in a JSON trace. */
	public String jsonName() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}
}
