package org.irqdsl.qemu;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.irqdsl.runtime.kernel.KernelRelease;
import org.irqdsl.runtime.sim.config.Guard;
import org.irqdsl.runtime.sim.config.Procedure;
import org.irqdsl.runtime.sim.config.ProcedurePath;
import org.irqdsl.runtime.sim.config.ProcedureStep;

/**
 * The path the kernel took for a traced move (message writes per msi_set_affinity() call, whether
 * the pending check ran) next to the path the simulator's procedure for that kernel predicts.
 */
public record TraceReport(String label, Procedure procedure, String predictedPath, int predictedWrites, boolean predictedPendingCheck,
		List<Integer> observedWrites, Optional<Boolean> observedPendingCheck, String where, Optional<VectorUpdate> vector,
		int otherCalls, boolean offline) {

	/** The irq_vectors:vector_update tracepoint of the move: the new vector and CPU, and the previous ones. */
	public record VectorUpdate(int vector, int cpu, int prevVector, int prevCpu) {
		boolean vectorChanged() {
			return vector != prevVector;
		}

		boolean cpuChanged() {
			return cpu != prevCpu;
		}
	}

	/** "vector_update: irq=25 vector=35 cpu=2 prev_vector=35 prev_cpu=0" (arch/x86/include/asm/trace/irq_vectors.h). */
	private static final Pattern VECTOR_UPDATE = Pattern.compile(
			"vector_update:\\s+irq=(\\d+)\\s+vector=(\\d+)\\s+cpu=(\\d+)\\s+prev_vector=(\\d+)\\s+prev_cpu=(\\d+)");

	/** The guest's kprobe on msi_set_affinity (GuestInit): "msi_irq: (msi_set_affinity+0x0/0x1a0) irq=25". */
	private static final Pattern MSI_IRQ = Pattern.compile("msi_irq:\\s+\\(\\S+\\)\\s+irq=(\\d+)");

	/** The move's marker line: "move ahci.msi[0] offline cpu 1 irq 25 on 1". */
	private static final Pattern MOVED_IRQ = Pattern.compile("^move .* irq (\\d+) on ");

	/** An ftrace function-tracer line: "  sh-1  [002] d..1.  12.3: __pci_write_msi_msg <-pci_msi_domain_write_msg". */
	private static final Pattern FTRACE = Pattern.compile("\\[(\\d+)\\]\\s+\\S+\\s+[\\d.]+:\\s+(\\S+)\\s+<-(\\S+)");

	/** Whether the kernel's path agrees with the prediction (every call that wrote a message wrote as many). */
	public boolean agrees() {
		return !observedWrites.isEmpty() && observedWrites.stream().allMatch(w -> w == predictedWrites)
				&& observedPendingCheck.map(c -> c == predictedPendingCheck).orElse(true);
	}

	/**
	 * The procedure's path for this move: its guards read as the move is (a new vector on another CPU, a
	 * started interrupt, run on its current target: a deferred move runs from the interrupt there, a CPU
	 * offline from that CPU), the entry maskable when it is MSI-X or has the mask bit.
	 */
	public static TraceReport of(TracedMove move, MsiShape shape, Procedure procedure, List<String> traceLines, List<String> traceable) {
		boolean maskable = move.msix() || shape.maskable();
		Optional<Integer> irq = traceLines.stream().map(MOVED_IRQ::matcher).filter(Matcher::find).map(m -> Integer.parseInt(m.group(1)))
				.findFirst();
		// the guards read the vector and CPU the kernel allocated for this irq when the trace shows them:
		// the same vector number on the new CPU sends msi_set_affinity() down the direct path
		Optional<VectorUpdate> vector = Optional.empty();
		for (String l : traceLines) {
			Matcher v = VECTOR_UPDATE.matcher(l);
			if (v.find() && irq.map(i -> i == Integer.parseInt(v.group(1))).orElse(true)) {
				vector = Optional.of(new VectorUpdate(Integer.parseInt(v.group(2)), Integer.parseInt(v.group(3)),
						Integer.parseInt(v.group(4)), Integer.parseInt(v.group(5))));
			}
		}
		Optional<VectorUpdate> seen = vector;
		ProcedurePath path = procedure.firstPath(c -> holds(c, maskable, seen)).orElse(null);
		int writes = 0;
		boolean check = false;
		if (path != null) {
			for (ProcedureStep s : path.steps()) {
				writes += s.action() == ProcedureStep.Action.WRITE_MESSAGE || s.action() == ProcedureStep.Action.WRITE_TEMP_MESSAGE ? 1 : 0;
				check |= s.action() == ProcedureStep.Action.CHECK_IRR;
			}
		}
		String caller = traceable.contains("msi_set_affinity") ? "msi_set_affinity"
				: traceable.contains("intel_ir_set_affinity") ? "intel_ir_set_affinity" : "irq_do_set_affinity";
		String write = traceable.contains("__pci_write_msi_msg") ? "__pci_write_msi_msg" : "pci_msi_domain_write_msg";
		List<Call> calls = calls(traceLines, caller, write);
		// a CPU offline moves every irq of the outgoing CPU (kernel/irq/cpuhotplug.c
		// irq_migrate_all_off_this_cpu()): compare the traced irq's call when the kprobe names the calls' irqs
		boolean named = irq.isPresent() && calls.stream().anyMatch(c -> c.irq != null);
		List<Integer> observed = new ArrayList<>();
		int others = 0;
		boolean sawCheck = false;
		for (Call c : calls) {
			if (c.writes == 0) {
				continue;
			}
			if (named && !irq.get().equals(c.irq)) {
				others++;
			} else {
				observed.add(c.writes);
				sawCheck |= c.checked;
			}
		}
		Optional<Boolean> pending = caller.equals("msi_set_affinity") && traceable.contains(CHECK_MARK) ? Optional.of(sawCheck) : Optional.empty();
		return new TraceReport(move.label(), procedure, path == null ? "(none: set-affinity refused)" : path.name(), writes, check, observed,
				pending, caller + " / " + write, vector, others, move.offline());
	}

	/**
	 * The function whose call from msi_set_affinity() shows the pending check ran: the two-step path
	 * drops vector_lock with unlock_vector_lock() (arch/x86/kernel/apic/vector.c, an ordinary global
	 * function, traceable) right before it tests lapic_vector_set_in_irr() (static inline in
	 * arch/x86/include/asm/apic.h, not traceable); the direct path returns before taking the lock.
	 * Both in v6.1 and v6.12 (arch/x86/kernel/apic/msi.c msi_set_affinity(), since 6f1a4891a592).
	 */
	static final String CHECK_MARK = "unlock_vector_lock";

	/** One call of the affinity setter: the CPU it ran on, the irq the kprobe named (or null), its message writes. */
	private static final class Call {
		final int cpu;
		Integer irq;
		int writes;
		/** whether it reached the pending check ({@link #CHECK_MARK} called from it) */
		boolean checked;

		Call(int cpu) {
			this.cpu = cpu;
		}
	}

	/**
	 * The setter's calls in trace order. A write counts for the open call on its CPU when it comes from
	 * the setter or the other write function: a write from msi_domain_deactivate() (a managed irq shut
	 * down by the offline) is not a move. A kprobe line names the open call on its CPU, or the next one
	 * when it comes before the function tracer's line.
	 */
	private static List<Call> calls(List<String> lines, String caller, String write) {
		List<Call> calls = new ArrayList<>();
		java.util.Map<Integer, Call> open = new java.util.HashMap<>();
		java.util.Map<Integer, Integer> pendingIrq = new java.util.HashMap<>();
		for (String l : lines) {
			Matcher k = MSI_IRQ.matcher(l);
			Matcher m = FTRACE.matcher(l);
			int cpu = cpuOf(l);
			if (k.find()) {
				Call c = open.get(cpu);
				int irq = Integer.parseInt(k.group(1));
				if (c != null && c.irq == null) {
					c.irq = irq;
				} else {
					pendingIrq.put(cpu, irq);
				}
				continue;
			}
			if (!m.find()) {
				continue;
			}
			String f = m.group(2);
			String parent = m.group(3).replaceFirst("\\+.*$", "");
			if (f.equals(caller)) {
				Call c = new Call(cpu);
				c.irq = pendingIrq.remove(cpu);
				calls.add(c);
				open.put(cpu, c);
			} else if (f.equals(CHECK_MARK) && parent.equals(caller) && open.containsKey(cpu)) {
				open.get(cpu).checked = true;
			} else if (f.equals(write) && open.containsKey(cpu)
					&& (parent.equals(caller) || parent.equals("pci_msi_domain_write_msg") || parent.equals("__pci_write_msi_msg"))) {
				open.get(cpu).writes++;
			}
		}
		return calls;
	}

	private static int cpuOf(String line) {
		Matcher c = Pattern.compile("\\[(\\d+)\\]").matcher(line);
		return c.find() ? Integer.parseInt(c.group(1)) : -1;
	}

	private static boolean holds(Guard.Condition c, boolean maskable, Optional<VectorUpdate> vector) {
		return switch (c) {
		case MASKABLE, CAN_RESERVE -> maskable;
		case VECTOR_CHANGED -> vector.map(VectorUpdate::vectorChanged).orElse(true);
		case CPU_CHANGED -> vector.map(VectorUpdate::cpuChanged).orElse(true);
		case STARTED, ON_CURRENT_TARGET -> true;
		case PROCESS_CONTEXT -> false;
		};
	}

	/** The kernel's upstream release from its log: Debian's "Debian 6.1.192-3" beats the ABI name "6.1.0-57-amd64". */
	public static Optional<KernelRelease> release(String dmesg) {
		Matcher deb = Pattern.compile("Linux version \\S+ .*Debian (\\d+\\.\\d+\\.\\d+)").matcher(dmesg);
		if (deb.find()) {
			return KernelRelease.parse(deb.group(1));
		}
		Matcher v = Pattern.compile("Linux version (\\d+\\.\\d+(?:\\.\\d+)?)").matcher(dmesg);
		return v.find() ? KernelRelease.parse(v.group(1)) : Optional.empty();
	}

	public String toText() {
		return "  " + label + ":\n"
				+ "    simulator: " + procedure.name() + ", path " + predictedPath + ": " + predictedWrites + " message write"
				+ (predictedWrites == 1 ? "" : "s") + (predictedPendingCheck ? ", then the pending check (lapic_vector_set_in_irr)" : ", no pending check") + "\n"
				+ "    kernel:    " + (observedWrites.isEmpty() ? "no message write traced (" + where + ")"
						: observedWrites.size() + " call" + (observedWrites.size() == 1 ? "" : "s") + " of " + where.split(" / ")[0] + ", writes per call "
								+ observedWrites)
				+ (otherCalls == 0 ? "" : " (and " + otherCalls + " call" + (otherCalls == 1 ? "" : "s") + " for the CPU's other irqs, not compared)")
				+ ", pending check " + observedPendingCheck.map(c -> c ? "ran (" + CHECK_MARK + " <- msi_set_affinity)" : "did not run")
						.orElse("not traceable (lapic_vector_set_in_irr is inline in arch/x86/include/asm/apic.h, and " + CHECK_MARK
								+ ", which msi_set_affinity calls right before it, is not traceable here)")
				+ vector.map(v -> "\n    vector:    " + String.format("0x%x on cpu %d -> 0x%x on cpu %d", v.prevVector(), v.prevCpu(),
						v.vector(), v.cpu()) + (v.vectorChanged() ? "" : " (the same vector number: msi_set_affinity() updates directly)"))
						.orElse(offline ? "\n    vector:    not traced: tracepoints do not fire on the outgoing CPU (include/linux/tracepoint.h"
								+ " cpu_online(raw_smp_processor_id()); cpu_disable_common() clears it before fixup_irqs())" : "")
				+ "\n    " + (agrees() ? "agree" : "DISAGREE") + "\n";
	}
}
