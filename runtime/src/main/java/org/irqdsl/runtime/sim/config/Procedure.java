package org.irqdsl.runtime.sim.config;

import java.util.List;

/**
 * How an interrupt is moved to another CPU, as ordered steps with the kernel's names: the kernel's
 * own irq_set_affinity() callbacks (shipped in {@code org.irqdsl.runtime.kernel.KernelProcedures})
 * or one a user writes in the language (a driver's set_affinity). The first path whose guards all
 * hold is taken, the way the kernel's code chooses; no path at all means the domain refuses
 * set-affinity (MSI_FLAG_NO_AFFINITY: irq_do_set_affinity() returns -EINVAL). See docs/procedures.md.
 *
 * @param name     the library or user name ({@code x86_msi_set_affinity_v6_7})
 * @param function the kernel (or driver) function it models, as traces name it ({@code msi_set_affinity})
 * @param cites   the function, file and commit or release the procedure follows
 * @param runs    where it runs
 * @param paths   the paths, in the order they are tried
 * @param release when the old vector is released after the last step
 */
public record Procedure(String name, String function, String cites, Runs runs, List<ProcedurePath> paths, Release release) {

	public Procedure {
		paths = List.copyOf(paths);
	}

	/**
	 * The path taken when each condition has the value {@code holds} gives it: the first whose guards
	 * all hold (a negated guard holds when its condition does not); empty when none does.
	 */
	public java.util.Optional<ProcedurePath> firstPath(java.util.function.Predicate<Guard.Condition> holds) {
		return paths.stream().filter(p -> p.when().stream().allMatch(g -> holds.test(g.condition()) != g.negated()))
				.findFirst();
	}

	/** Whether some path rewrites the device's message (a write or queued write step). */
	public boolean writesMessage() {
		return paths.stream().flatMap(p -> p.steps().stream()).anyMatch(s -> s.action().writesMessage());
	}

	/** Whether some path takes a lock (and may hold it from one step to a later one). */
	public boolean takesLocks() {
		return paths.stream().flatMap(p -> p.steps().stream()).anyMatch(s -> s.action() == ProcedureStep.Action.LOCK);
	}

	/** Where a procedure runs. */
	public enum Runs implements JsonName {
		/**
		 * Deferred to the next interrupt on the current target (IRQD_SETAFFINITY_PENDING, run by
		 * irq_move_irq() from the ack path, which masks the irq around it: kernel/irq/migration.c
		 * __irq_move_irq()). Architectures with GENERIC_PENDING_IRQ: x86, RISC-V from v6.15.
		 */
		DEFERRED("deferred"),
		/** At once, in the caller's context, nothing masked (irq_set_affinity() from process context). */
		AT_ONCE("at-once");

		private final String jsonName;

		Runs(String jsonName) {
			this.jsonName = jsonName;
		}

		@Override
		public String jsonName() {
			return jsonName;
		}
	}

	/** When the old vector is released. */
	public enum Release implements JsonName {
		/** x86 irq_complete_move(): on the first arrival at the new target, then cleanup on the old CPU. */
		ON_FIRST_ARRIVAL("on-first-arrival"),
		/** At once after the last step: a delivery still on its way to it finds no owner. */
		IMMEDIATE("immediate"),
		/** RISC-V IMSIC: a lazy timer on the old CPU moves a pending old vector (__imsic_local_sync()). */
		LAZY_TIMER("lazy-timer");

		private final String jsonName;

		Release(String jsonName) {
			this.jsonName = jsonName;
		}

		@Override
		public String jsonName() {
			return jsonName;
		}
	}
}
