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
		List<Integer> observedWrites, Optional<Boolean> observedPendingCheck, String where, Optional<VectorUpdate> vector) {

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
			"vector_update:\\s+irq=\\d+\\s+vector=(\\d+)\\s+cpu=(\\d+)\\s+prev_vector=(\\d+)\\s+prev_cpu=(\\d+)");

	/** An ftrace function-tracer line: "  sh-1  [002] d..1.  12.3: __pci_write_msi_msg <-pci_msi_domain_write_msg". */
	private static final Pattern FTRACE = Pattern.compile("\\[(\\d+)\\]\\s+\\S+\\s+[\\d.]+:\\s+(\\S+)\\s+<-");

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
		// the guards read the vector and CPU the kernel allocated when the trace shows them: the same
		// vector number on the new CPU sends msi_set_affinity() down the direct path
		Optional<VectorUpdate> vector = Optional.empty();
		for (String l : traceLines) {
			Matcher v = VECTOR_UPDATE.matcher(l);
			if (v.find()) {
				vector = Optional.of(new VectorUpdate(Integer.parseInt(v.group(1)), Integer.parseInt(v.group(2)),
						Integer.parseInt(v.group(3)), Integer.parseInt(v.group(4))));
			}
		}
		Optional<VectorUpdate> seen = vector;
		ProcedurePath path = procedure.paths().stream().filter(p -> p.when().stream().allMatch(g -> holds(g, maskable, seen)))
				.findFirst().orElse(null);
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
		List<Integer> observed = new ArrayList<>();
		boolean sawCheck = false;
		Integer open = null;
		int openCpu = -1;
		for (String l : traceLines) {
			Matcher m = FTRACE.matcher(l);
			if (!m.find()) {
				continue;
			}
			int cpu = Integer.parseInt(m.group(1));
			String f = m.group(2);
			if (f.equals(caller)) {
				if (open != null && open > 0) {
					observed.add(open);
				}
				open = 0;
				openCpu = cpu;
			} else if (f.equals(write) && open != null && cpu == openCpu) {
				open++;
			} else if (f.equals("lapic_vector_set_in_irr")) {
				sawCheck = true;
			}
		}
		if (open != null && open > 0) {
			observed.add(open);
		}
		Optional<Boolean> pending = traceable.contains("lapic_vector_set_in_irr") ? Optional.of(sawCheck) : Optional.empty();
		return new TraceReport(move.label(), procedure, path == null ? "(none: set-affinity refused)" : path.name(), writes, check, observed,
				pending, caller + " / " + write, vector);
	}

	private static boolean holds(Guard g, boolean maskable, Optional<VectorUpdate> vector) {
		boolean v = switch (g.condition()) {
		case MASKABLE, CAN_RESERVE -> maskable;
		case VECTOR_CHANGED -> vector.map(VectorUpdate::vectorChanged).orElse(true);
		case CPU_CHANGED -> vector.map(VectorUpdate::cpuChanged).orElse(true);
		case STARTED, ON_CURRENT_TARGET -> true;
		case PROCESS_CONTEXT -> false;
		};
		return v != g.negated();
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
				+ ", pending check " + observedPendingCheck.map(c -> c ? "ran" : "did not run")
						.orElse("not traceable (lapic_vector_set_in_irr is inline in arch/x86/include/asm/apic.h)")
				+ vector.map(v -> "\n    vector:    " + String.format("0x%x on cpu %d -> 0x%x on cpu %d", v.prevVector(), v.prevCpu(),
						v.vector(), v.cpu()) + (v.vectorChanged() ? "" : " (the same vector number: msi_set_affinity() updates directly)"))
						.orElse("")
				+ "\n    " + (agrees() ? "agree" : "DISAGREE") + "\n";
	}
}
