package org.irqdsl.runtime.sim.trace;

import static org.irqdsl.runtime.sim.model.EventArgs.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.irqdsl.runtime.sim.config.Guard;
import org.irqdsl.runtime.sim.config.Procedure;
import org.irqdsl.runtime.sim.config.ProcedurePath;
import org.irqdsl.runtime.sim.config.ProcedureStep;
import org.irqdsl.runtime.sim.config.MsiWrite;
import org.irqdsl.runtime.sim.config.Property;
import org.irqdsl.runtime.sim.model.Event;
import org.irqdsl.runtime.sim.model.IrqInfo;
import org.irqdsl.runtime.sim.model.Scenario;

/**
 * Tells an event in the kernel's words, the way the seeds draw their races: {@code write
 * address_lo (cpu 2)}, {@code raise msi[0] -> cpu 2 vector 0x30 (torn message: new address, old
 * data)}, {@code (cpu 2 vector 0x30: no owner) -> interrupt LOST}, lockdep's recursive-locking
 * report. Names are the config's: CPU numbers, vector numbers, {@code device.msi[i]}.
 */
final class EventText {

	private final Scenario scenario;
	private final Property property;

	EventText(Scenario scenario, Property property) {
		this.scenario = scenario;
		this.property = property;
	}

	/** The lines of one event, told in a column that belongs to {@code device} (null for a CPU or env column). */
	List<TraceLine> lines(Event events, int a, int b, int c, int d, String device) {
		Map<String, Object> args = args(events, a, b, c, d);
		List<TraceLine> out = new ArrayList<>();
		for (String text : texts(events, a, b, c, d, device)) {
			out.add(new TraceLine(text, events.jsonName(), args));
		}
		return out;
	}

	private List<String> texts(Event events, int a, int b, int c, int d, String device) {
		return switch (events) {
		case RAISE -> List.of(raiseText(a, b, c, d, device));
		case RAISE_FREED -> List.of(local(a, device) + " raised after free_irq: nobody wants it");
		case RAISE_VIA_VMD -> List.of("raise " + local(a, device) + " -> through VMD " + irq(b));
		case RAISE_MASKED -> List.of((isOf(a, device) ? "raise " + local(a, device) : irq(a))
				+ ": entry masked -> pending bit set in the device");
		case RAISE_UNWRITTEN -> List.of("raise " + local(a, device) + " -> message never written"
				+ (b == 1 ? " (queued write not done)" : "") + ": goes nowhere" + lostSuffix());
		case RAISE_PARENT_HELD -> List.of("raise " + local(a, device) + " -> held at the parent irqchip (masked)");
		case RAISE_NO_ROUTE -> List.of("raise " + local(a, device) + " -> no remap entry: dropped" + lostSuffix());
		case TAKE_HANDLED -> List.of(vec(b) + " -> " + irq(c) + " handler runs");
		case TAKE_NO_OWNER -> List.of("(" + cpu(a) + " " + vec(b) + ": no owner) -> "
				+ (property == Property.LOST_INTERRUPT ? "interrupt LOST" : "spurious interrupt"));
		case TAKE_NOTHING_PENDING -> List.of(vec(b) + " -> " + irq(c) + " handler: nothing pending -> spurious interrupt");
		case FIRST_ARRIVAL -> List.of("irq_complete_move: first arrival, cleanup of " + cpu(b) + " " + vec(c) + " scheduled");
		case LAZY_DISABLE -> List.of(vec(b) + " -> " + irq(c) + " disabled: IRQS_PENDING, mask_ack_irq " + switch (d) {
		case MASKED_AT_DEVICE -> "masks at the device";
		case MASKED_AT_PARENT -> "masks at the parent irqchip (MSI_FLAG_PCI_MSI_MASK_PARENT)";
		default -> "cannot mask (no mask bit, parent does not mask)";
		});
		case DELIVERED_WHILE_DISABLED -> List.of(vec(b) + " -> " + irq(c)
				+ " is disabled and nothing masked it: interrupt DELIVERED WHILE DISABLED");
		case FLOW_START -> List.of("vmd_flow_handler(" + irq(b) + "): srcu_read_lock",
				"  vmdirq = list entry -> " + irq(c));
		case FLOW_EMPTY -> List.of("vmd_flow_handler(" + irq(b) + "): list empty");
		case FLOW_HANDLE -> List.of("  generic_handle_irq(" + irq(b) + "): handler runs");
		case FLOW_USE_AFTER_FREE -> List.of("  generic_handle_irq(" + irq(b) + "): desc->handle_irq(desc)",
				"  on the freed irq_desc -> USE-AFTER-FREE");
		case FLOW_NEXT -> List.of("  vmdirq = next list entry -> " + irq(b));
		case FLOW_END -> List.of("  srcu_read_unlock");
		case VECTOR_CLEANUP -> List.of("vector cleanup: " + cpu(b) + " " + vec(c) + " of " + irq(a) + " freed");
		case TIMER_SYNC -> List.of("__imsic_local_sync (lazy timer) for " + irq(a) + ": " + vec(c)
				+ (d == 1 ? " pending -> injected on the new vector" : " not pending") + "; old vector freed");
		case WRITE_DONE -> List.of("queued write of " + irq(a) + " done: device now uses " + target(b, c));
		case MOVE_BEGIN -> List.of(switch (d) {
		case CTX_STOP_MACHINE -> "irq_migrate_all_off_this_cpu: " + irq(a) + " -> " + cpu(b) + " " + vec(c);
		case CTX_PROCESS -> "irq_set_affinity(" + irq(a) + ") -> " + cpu(b) + " " + vec(c) + " (process context)";
		case CTX_AT_ONCE -> moveFunction(a) + "(" + irq(a) + ") -> " + cpu(b) + " " + vec(c) + " (at once, process context)";
		default -> moveFunction(a) + "(" + irq(a) + ") -> " + cpu(b) + " " + vec(c);
		});
		case MOVE_REJECTED -> List.of("irq_set_affinity(" + irq(a) + "): " + switch (b) {
		case REJ_NOT_REQUESTED -> "-EINVAL (not requested)";
		case REJ_TARGET_OFFLINE -> "-EINVAL (" + cpu(c) + " offline)";
		case REJ_MOVE_IN_PROGRESS -> "-EBUSY (move in progress: " + cpu(c) + " " + vec(d) + " not cleaned up yet)";
		case REJ_UNCHANGED -> "nothing to do (already there)";
		case REJ_VECTOR_BUSY -> "-EBUSY (" + cpu(c) + " " + vec(d) + " in use)";
		case REJ_NO_VECTOR -> "-ENOSPC (no free vector on " + cpu(c) + ")";
		case REJ_NO_AFFINITY -> "-EINVAL (MSI_FLAG_NO_AFFINITY: the domain has no irq_set_affinity)";
		default -> "-EINVAL (no online CPU to move to)";
		});
		case FORCE_COMPLETE -> List.of("irq_force_complete_move(" + irq(a) + "): " + cpu(b) + " " + vec(c) + " freed");
		case PATH -> List.of(pathText(a, b, c));
		case SETAFF_PENDING -> List.of("irq_set_affinity(" + irq(a) + ") -> " + cpu(b) + (c >= 0 ? " " + vec(c) : "")
				+ ": IRQD_SETAFFINITY_PENDING, moved at the next interrupt on its current CPU");
		case IRQ_MOVE_IRQ -> List.of(vec(b) + " -> " + irq(c) + ": irq_move_irq() runs the pending move first");
		case MASK_IMPOSSIBLE -> List.of("mask " + irq(a) + (b == 1 ? " at the parent: the parent irqchip does not mask"
				: ": the entry has no mask bit, nothing is masked"));
		case MASK_PARENT -> List.of("irq_chip_mask_parent(" + irq(a) + ")");
		case UNMASK_PARENT_MOVE -> List.of("irq_chip_unmask_parent(" + irq(a) + ")" + (b == 1 ? ": the held interrupt is delivered" : ""));
		case WRITE_ADDRESS_HI -> List.of("write address_hi (unchanged)");
		case FIRMWARE_STORED -> List.of("cdx_msi_write_msg: msg (" + target(b, c) + ") only stored: no chip_bus_sync_unlock()"
				+ " in migrate_one_irq(), the firmware is never told");
		case UNLOCK_NOT_HELD -> List.of("unlock(" + lockName(b) + "): not held by this thread");
		case MASK -> List.of("mask " + irq(a));
		case UNMASK -> List.of("unmask " + irq(a));
		case WRITE_ADDRESS -> List.of("write address_lo (" + cpu(b) + ")" + seen(d, b, c));
		case WRITE_DATA -> List.of("write data (" + vec(c) + ")" + seen(d, b, c));
		case WRITE_MESSAGE -> List.of("write " + (d == 1 ? "tmp " : "") + "msg (" + target(b, c) + ")");
		case FIRMWARE_WRITE -> List.of("irq_bus_sync_unlock: firmware writes " + (d == 1 ? "tmp " : "") + "msg ("
				+ target(b, c) + "), waits");
		case QUEUE_WRITE -> List.of(((d & 2) != 0 ? "queue_work: write " : "firmware command queued: write ")
				+ ((d & 1) == 1 ? "tmp " : "") + "msg (" + target(b, c) + ") later");
		case FIRMWARE_CANNOT_SLEEP -> List.of("stop_machine: cannot take irq_bus_lock or wait for the firmware");
		case LOCK -> List.of("lock(" + lockName(b) + ")");
		case UNLOCK -> List.of("unlock(" + lockName(b) + ")");
		case IRR_CHECK -> List.of("lapic_vector_set_in_irr(" + hex(b) + ") on " + cpu(a) + ": "
				+ (c == 1 ? "pending" : "not pending"));
		case RETRIGGER -> List.of("apic_retrigger_irq: IPI -> " + cpu(b) + " " + vec(c));
		case RECURSIVE_LOCK -> lockdep(a, b, c & 1, scenario.lockName(c >> 1), d);
		case UPDATE_IRTE -> List.of("modify_irte: IRTE of " + irq(a) + " -> " + cpu(b) + " " + vec(c)
				+ " (atomic; message unchanged)");
		case CONTROLLER_MOVE -> List.of(((d >> 1) == 1 ? "gic_set_affinity: SPI route of " + irq(a) + " -> " + cpu(b)
				: "its_set_affinity: MOVI " + irq(a) + " -> " + cpu(b))
				+ " (message unchanged" + ((d & 1) == 1 ? "; pending state moved" : "") + ")");
		case CLEANUP_IMMEDIATE -> List.of("old vector freed at once: " + cpu(b) + " " + vec(c) + " (immediate cleanup)");
		case TIMER_ARMED -> List.of("imsic_vector_move: lazy timer armed on " + cpu(b));
		case REQUEST_IRQ -> requestText(a, b, c, d);
		case REQUEST_REJECTED -> List.of("request_irq(" + irq(a) + "): " + switch (b) {
		case REQ_ALREADY -> "already requested";
		case REQ_NO_CPU -> "-EINVAL (no online CPU)";
		default -> "-ENOSPC (no free vector)";
		});
		case STARTUP -> List.of("irq_startup; driver enables the interrupt in the device");
		case FREE_IRQ -> List.of("free_irq(" + irq(a) + "): irq_shutdown, deactivate ("
				+ (b >= 0 && b < scenario.cpuCount ? cpu(b) + " " + vec(c) + " freed" : "no vector") + "), irq_free_descs");
		case FREE_NOT_REQUESTED -> List.of("free_irq(" + irq(a) + "): Trying to free already-free IRQ");
		case VMD_LIST_DEL -> List.of("free_irq(" + irq(a) + "): irq_shutdown",
				"  vmd_msi_deactivate: list_del_rcu(vmdirq)");
		case VMD_FREE -> b == 1
				? List.of("vmd_msi_free: synchronize_srcu() returned", "  kfree(vmdirq); irq_free_descs: kfree(irqdesc(" + irq(a) + "))")
				: List.of("vmd_msi_free: kfree_rcu(vmdirq) (no grace period)",
						"  irq_free_descs: kfree(irqdesc(" + irq(a) + "))");
		case DISABLE -> List.of("disable_irq(" + irq(a) + ") (lazy, depth " + b + ")");
		case ENABLE -> List.of("enable_irq(" + irq(a) + ") (depth " + b + ")");
		case ENABLE_UNBALANCED -> List.of("enable_irq(" + irq(a) + "): Unbalanced enable");
		case UNMASK_DEVICE -> List.of("unmask " + irq(a) + " at the device");
		case UNMASK_PARENT -> List.of("unmask " + irq(a) + " at the parent irqchip" + (b == 1 ? ": held interrupt replayed" : ""));
		case RESEND -> List.of("check_irq_resend: retrigger -> " + cpu(b) + " " + vec(c));
		case STOP_MACHINE_ENTER -> List.of("stop_machine: take_cpu_down(" + cpu(a) + ")",
				"  set_cpu_online(" + scenario.cpuIds[a] + ", false)");
		case FORWARD -> List.of("fixup_irqs: IRR " + vec(a) + " (" + irq(b) + ") retriggered -> " + cpu(c) + " " + vec(d));
		case FORWARD_DROPPED -> List.of("fixup_irqs: IRR " + vec(b) + " has no irq: dropped");
		case IN_FLIGHT -> List.of("  in flight: " + cpu(a) + " IRR holds " + vec(b) + (c >= 0 ? " (" + irq(c) + ")" : "")
				+ ", raised before stop_machine()");
		case CPU_DEAD -> List.of(cpu(a) + " is dead (stop_machine done)");
		case DEAD_PENDING -> List.of("  " + cpu(a) + " IRR still holds " + vec(b) + ": never serviced"
				+ lostSuffix());
		case MIGRATE_STAGE_ONE -> List.of("stage one: move " + irq(a) + " off the CPU before stop_machine");
		case CPU_ONLINE -> List.of(cpu(a) + (b == 1 ? " already online" : " online"));
		};
	}

	private String raiseText(int j, int c, int k, int message, String device) {
		String who = isOf(j, device) ? "raise " + local(j, device) : irq(j) + " sends";
		StringBuilder sb = new StringBuilder(who).append(" -> ").append(cpu(c)).append(' ').append(vec(k));
		boolean queued = (message & WRITE_QUEUED) != 0;
		int kind = message & MSG_KIND;
		sb.append(switch (kind) {
		case MSG_OLD -> queued ? " (old message: queued write not done)" : " (old message)";
		case MSG_TMP -> " (tmp message: old address, new data)";
		case MSG_TORN -> " (torn message: new address, old data)";
		case MSG_OTHER -> queued ? " (old message: queued write not done)" : " (stale message)";
		case MSG_CONTROLLER -> scenario.irqs[j].procedure.writesMessage() || hasIrte(scenario.irqs[j]) ? " (via the IRTE)" : " (via the controller's routing)";
		default -> "";
		});
		if (queued && kind != MSG_OLD && kind != MSG_OTHER) {
			sb.append(" (queued write not done)");
		}
		if ((message & TO_OFFLINE_CPU) != 0) {
			sb.append(": ").append(cpu(c)).append(" is offline").append(lostSuffix());
		} else if ((message & TO_DYING_CPU) != 0) {
			sb.append(": ").append(cpu(c)).append(" is going offline");
		}
		return sb.toString();
	}

	private String lostSuffix() {
		return property == Property.LOST_INTERRUPT ? " -> interrupt LOST" : "";
	}

	private List<String> requestText(int j, int c, int k, int kind) {
		String head = "request_irq(" + irq(j) + "): ";
		String at = cpu(c) + " " + vec(k);
		return switch (kind) {
		case REQ_FIRMWARE_SYNC -> List.of(head + "irq_bus_lock; irq_activate -> " + at,
				"  irq_bus_sync_unlock: firmware writes msg, waits");
		case REQ_QUEUED -> List.of(head + "irq_activate -> " + at, "  irq_write_msi_msg: firmware command queued");
		case REQ_WORK_QUEUE -> List.of(head + "irq_activate -> " + at, "  irq_write_msi_msg: queue_work(write msg)");
		default -> List.of(head + "irq_activate -> " + at + ", write msg");
		};
	}

	private String seen(int kind, int c, int k) {
		return switch (kind) {
		case MSG_TORN -> " -> device sees " + cpu(c) + " " + vec(k) + " (torn)";
		case MSG_TMP -> " -> device sees " + cpu(c) + " " + vec(k) + " (tmp)";
		default -> "";
		};
	}

	/**
	 * lockdep's report for a lock taken again by the thread that holds it: vector_lock by
	 * apic_retrigger_irq() inside msi_set_affinity() (seed 003), or any lock a procedure takes twice.
	 */
	private List<String> lockdep(int thread, int cpuIndex, int inStopMachine, String lock, int j) {
		String task = inStopMachine == 1 ? "migration/" + scenario.cpuIds[cpuIndex]
				: scenario.slotTitle(thread);
		String holder = j >= 0 && j < scenario.irqs.length ? moveFunction(j) : "msi_set_affinity";
		boolean retrigger = lock.equals("vector_lock") && retriggerAt(j);
		String taker = retrigger ? "apic_retrigger_irq" : holder;
		return List.of(taker + ": lock(" + lock + ")",
				"============================================",
				"WARNING: possible recursive locking detected",
				task + " is trying to acquire lock:",
				"  (" + lock + "), at: " + taker,
				"but task is already holding lock:",
				"  (" + lock + "), at: " + holder,
				"*** DEADLOCK ***");
	}

	private boolean retriggerAt(int j) {
		return j >= 0 && j < scenario.irqs.length && scenario.irqs[j].procedure.paths().stream().flatMap(p -> p.steps().stream())
				.anyMatch(st -> st.action() == ProcedureStep.Action.RETRIGGER_IF_PENDING);
	}

	private String moveFunction(int j) {
		return scenario.irqs[j].procedure.function();
	}

	private static boolean hasIrte(IrqInfo irq) {
		return irq.procedure.paths().stream().flatMap(p -> p.steps().stream())
				.anyMatch(st -> st.action() == ProcedureStep.Action.UPDATE_IRTE);
	}

	private String lockName(int i) {
		return scenario.lockName(i);
	}

	/** Why a procedure took path {@code p}: the first guard of the path before it that did not hold. */
	private String pathText(int j, int p, int failed) {
		Procedure proc = scenario.irqs[j].procedure;
		String name = p < proc.paths().size() ? proc.paths().get(p).name() : "none (no path's guards hold: nothing written)";
		String why = "";
		if (p > 0 && failed > 0) {
			ProcedurePath before = proc.paths().get(p - 1);
			Guard g = before.when().get(failed - 1);
			why = " (" + before.name() + " needs " + g + ")";
		}
		return proc.function() + ": path " + name + why;
	}

	private boolean isOf(int j, String device) {
		return device != null && scenario.irqs[j].ref.device().equals(device);
	}

	private String local(int j, String device) {
		return isOf(j, device) ? scenario.irqs[j].ref.local() : irq(j);
	}

	String irq(int j) {
		return j >= 0 && j < scenario.irqs.length ? scenario.irqs[j].name : "?";
	}

	String cpu(int c) {
		return c >= 0 && c < scenario.cpuCount ? "cpu " + scenario.cpuIds[c] : "no cpu";
	}

	String vec(int k) {
		return "vector " + hex(k);
	}

	String hex(int k) {
		return k >= 0 && k < scenario.vectors.length ? String.format("0x%x", scenario.vectors[k]) : "none";
	}

	private String target(int c, int k) {
		if (c == scenario.cpuCount) {
			return "remap entry of the irq";
		}
		return cpu(c) + " " + vec(k);
	}

	private Map<String, Object> args(Event events, int a, int b, int c, int d) {
		int[] values = {a, b, c, d};
		Map<String, Object> out = new LinkedHashMap<>();
		for (int i = 0; i < events.args.length; i++) {
			String name = events.args[i];
			int v = values[i];
			out.put(name, switch (name) {
			case "irq", "vmd", "child" -> irq(v);
			case "cpu" -> nameOrIndex(v);
			case "vector", "newVector" -> hex(v);
			case "thread" -> v >= 0 && v < scenario.slots() ? scenario.slotTitle(v) : "?";
			default -> v;
			});
		}
		return out;
	}

	private Object nameOrIndex(int c) {
		return c >= 0 && c < scenario.cpuCount ? (Object) scenario.cpuIds[c] : "none";
	}
}
