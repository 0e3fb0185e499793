package org.irqdsl.runtime.sim.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.irqdsl.runtime.sim.config.Property;
import org.irqdsl.runtime.sim.explore.Violation;
import org.irqdsl.runtime.sim.model.Event;
import org.irqdsl.runtime.sim.model.EventSink;
import org.irqdsl.runtime.sim.model.Independence;
import org.irqdsl.runtime.sim.model.Machine;
import org.irqdsl.runtime.sim.model.MachineState;
import org.irqdsl.runtime.sim.model.Quiescence;
import org.irqdsl.runtime.sim.model.Scenario;
import org.irqdsl.runtime.sim.model.Step;
import org.irqdsl.runtime.sim.model.ThreadProgram;

/**
 * Turns a violation's steps into a {@link Trace}: keeps only the steps of the component the
 * violation happens in (the others are independent of it, so leaving them out changes nothing:
 * the shortest interleaving of that component remains), replays them from the initial state
 * recording what each step did, and checks the violation still shows; otherwise it keeps every step.
 */
public final class TraceBuilder {

	/** The column of environment steps that run on no CPU (a queued firmware write completing). */
	public static final String ENV = "env";

	private final Scenario scenario;
	private final Machine machine;
	private final Independence independence;
	private final Quiescence quiescence;

	public TraceBuilder(Scenario scenario) {
		this.scenario = scenario;
		this.machine = new Machine(scenario);
		this.independence = new Independence(scenario);
		this.quiescence = new Quiescence(scenario);
	}

	public Trace build(Violation v) {
		int[] all = v.steps();
		long[] end = replay(all, null, null);
		int subject = subjectProcess(v, end);
		int[] projected = project(all, subject);
		if (projected.length < all.length) {
			Trace t = tryBuild(v, projected, subject, true);
			if (t != null) {
				return t;
			}
		}
		Trace t = tryBuild(v, all, subject, false);
		if (t == null) {
			throw new IllegalStateException("the interleaving of " + v.property().jsonName() + " does not replay");
		}
		return t;
	}

	/** The process whose component the violation belongs to. */
	private int subjectProcess(Violation v, long[] end) {
		if (!v.atQuiescence()) {
			return machine.processOf(v.steps()[v.steps().length - 1]);
		}
		if (v.property() == Property.DEADLOCK) {
			return quiescence.blockedThread(end);
		}
		int j = quiescence.lostIrq(end);
		return scenario.threads.length + scenario.cpuCount + j;
	}

	private int[] project(int[] steps, int subject) {
		int component = independence.componentOf(subject);
		return java.util.Arrays.stream(steps)
				.filter(s -> independence.componentOf(machine.processOf(s)) == component).toArray();
	}

	private Trace tryBuild(Violation v, int[] steps, int subject, boolean projected) {
		List<TraceStep> out = new ArrayList<>();
		long[] end = replay(steps, out, v.property());
		if (end == null || !stillShows(v, end, subject, steps)) {
			return null;
		}
		return new Trace(v.property(), scenario.config.scenario(), columns(out), out, conclusion(v, end, out), projected);
	}

	/** Replays {@code steps}; records them into {@code out} when given; null when a step is blocked. */
	private long[] replay(int[] steps, List<TraceStep> out, Property property) {
		long[] w = scenario.initialState();
		MachineState view = new MachineState(scenario);
		EventText text = property == null ? null : new EventText(scenario, property);
		for (int i = 0; i < steps.length; i++) {
			int step = steps[i];
			String column = column(step, view.bind(w));
			Recorder rec = out == null ? null : new Recorder();
			if (!machine.apply(w, step, rec == null ? EventSink.SILENT : rec)) {
				return null;
			}
			if (out != null) {
				String device = deviceOf(step);
				List<TraceLine> lines = new ArrayList<>();
				for (int[] e : rec.events) {
					lines.addAll(text.lines(Event.values()[e[0]], e[1], e[2], e[3], e[4], device));
				}
				out.add(new TraceStep(i + 1, column, actor(step), lines));
			}
		}
		return w;
	}

	private boolean stillShows(Violation v, long[] end, int subject, int[] steps) {
		if (!v.atQuiescence()) {
			return (new MachineState(scenario).bind(end).violations() & v.property().bit()) != 0;
		}
		if (!componentQuiescent(end, independence.componentOf(subject))) {
			return false;
		}
		if (v.property() == Property.DEADLOCK) {
			return quiescence.blockedThread(end) == subject;
		}
		return quiescence.lostIrq(end) == subject - scenario.threads.length - scenario.cpuCount;
	}

	private boolean componentQuiescent(long[] end, int component) {
		int[] candidates = new int[machine.maxCandidates()];
		int n = machine.candidates(end, candidates);
		for (int i = 0; i < n; i++) {
			if (independence.componentOf(machine.processOf(candidates[i])) == component
					&& machine.apply(end.clone(), candidates[i], EventSink.SILENT)) {
				return false;
			}
		}
		return true;
	}

	private String column(int step, MachineState s) {
		int a = Step.subject(step);
		return switch (Step.kind(step)) {
		case Step.THREAD -> scenario.threads[a].title;
		case Step.TAKE, Step.FLOW, Step.MOVER -> "CPU" + scenario.cpuIds[a];
		case Step.TIMER, Step.CLEANUP -> {
			int c = s.prevCpu(a);
			yield c >= 0 && c < scenario.cpuCount ? "CPU" + scenario.cpuIds[c] : ENV;
		}
		default -> ENV;
		};
	}

	private String actor(int step) {
		int a = Step.subject(step);
		return switch (Step.kind(step)) {
		case Step.THREAD -> "thread " + scenario.threads[a].title;
		case Step.TAKE -> "interrupt on CPU" + scenario.cpuIds[a];
		case Step.FLOW -> "vmd_flow_handler on CPU" + scenario.cpuIds[a];
		case Step.MOVER -> "irq_move_irq in an interrupt on CPU" + scenario.cpuIds[a];
		case Step.WRITE_DONE -> "queued write of " + scenario.irqs[a].name;
		case Step.TIMER -> "IMSIC lazy timer of " + scenario.irqs[a].name;
		case Step.CLEANUP -> "vector cleanup of " + scenario.irqs[a].name;
		default -> "?";
		};
	}

	private String deviceOf(int step) {
		if (Step.kind(step) != Step.THREAD) {
			return null;
		}
		ThreadProgram p = scenario.threads[Step.subject(step)];
		return p.device ? scenario.config.threads().get(p.index) instanceof org.irqdsl.runtime.sim.config.ThreadSpec.DeviceThread d
				? d.device() : null : null;
	}

	/** CPU columns by CPU number, then devices in thread order, then env. */
	private List<String> columns(List<TraceStep> steps) {
		Set<String> used = new LinkedHashSet<>();
		steps.forEach(s -> used.add(s.column()));
		List<String> cpus = new ArrayList<>();
		List<String> devices = new ArrayList<>();
		for (String c : used) {
			if (c.startsWith("CPU")) {
				cpus.add(c);
			} else if (!c.equals(ENV)) {
				devices.add(c);
			}
		}
		cpus.sort(Comparator.comparingInt(c -> Integer.parseInt(c.substring(3))));
		List<String> out = new ArrayList<>(cpus);
		out.addAll(devices);
		if (used.contains(ENV)) {
			out.add(ENV);
		}
		return out;
	}

	private String conclusion(Violation v, long[] end, List<TraceStep> steps) {
		String head = "=> " + v.property().jsonName() + ": ";
		if (v.atQuiescence()) {
			if (v.property() == Property.DEADLOCK) {
				int t = quiescence.blockedThread(end);
				return head + scenario.threads[t].title + " " + quiescence.blockReason(end, t);
			}
			int j = quiescence.lostIrq(end);
			return head + scenario.irqs[j].name + " was raised and no handler ran; nothing left can deliver it";
		}
		return head + switch (v.property()) {
		case SPURIOUS_INTERRUPT -> "a CPU took a vector nobody raised for its owner (see the last step)";
		case DEADLOCK -> "vector_lock taken again by its holder: the CPU spins forever (lockdep: possible recursive locking)";
		case USE_AFTER_FREE -> "generic_handle_irq() ran on an irq descriptor free_irq() already freed";
		case DELIVERED_WHILE_DISABLED -> "the device kept raising after disable_irq() and nothing could mask it";
		default -> "see the last step";
		};
	}

	/** Keeps the events of one step. */
	private static final class Recorder implements EventSink {
		final List<int[]> events = new ArrayList<>();

		@Override
		public void on(Event event, int a, int b, int c, int d) {
			events.add(new int[] {event.ordinal(), a, b, c, d});
		}

		@Override
		public boolean recording() {
			return true;
		}
	}
}
