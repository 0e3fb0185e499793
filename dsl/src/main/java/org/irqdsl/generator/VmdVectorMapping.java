package org.irqdsl.generator;

import java.util.ArrayList;
import java.util.List;

import org.irqdsl.irqDsl.Vmd;
import org.irqdsl.irqDsl.VmdMapping;
import org.irqdsl.runtime.sim.config.EntryRef;

/**
 * Which of a VMD's own MSI-X vectors each child interrupt is multiplexed onto, as
 * drivers/pci/controller/vmd.c decides it for the declared {@code mapping} (seed 004), and the
 * resulting load per vector.
 * <ul>
 * <li>{@code least-loaded}: today's vmd_next_irq(). With one usable vector everything shares it;
 * otherwise NVMe children (PCI_CLASS_STORAGE_EXPRESS) take the least-loaded vector after the first
 * usable one, every other child shares the first usable one. The language has no PCI class: a
 * child whose interrupts come through MSI-X is taken for an NVMe drive, an MSI child (a root port)
 * for the rest.</li>
 * <li>{@code virq-modulo}: the 2015 RFC's {@code vmd->irqs[virq % vmd->msix_count]}. The virq
 * numbers depend on the descriptor space; they are assumed consecutive, in declaration order,
 * from a multiple of the vector count.</li>
 * <li>{@code first-vector}: every child on the first usable vector.</li>
 * </ul>
 * The first usable vector is 1 with {@code offset-first-vector} (VMD_FEAT_OFFSET_FIRST_VECTOR:
 * vector 0 is for software triggering), else 0.
 */
public final class VmdVectorMapping {

	/** One child interrupt: its entry and whether it counts as an NVMe (fast) interrupt. */
	public record Child(EntryRef entry, boolean nvme) {
	}

	/** A child placed on a VMD vector. */
	public record Placed(EntryRef entry, int vector) {
	}

	private VmdVectorMapping() {
	}

	/** The first vector children may use. */
	public static int firstUsable(Vmd vmd) {
		return vmd.isOffsetFirstVector() ? 1 : 0;
	}

	/** Places {@code children} (in request order) on the {@code count} vectors of {@code vmd}. */
	public static List<Placed> place(Vmd vmd, int count, List<Child> children) {
		int first = firstUsable(vmd);
		int[] load = new int[count];
		List<Placed> out = new ArrayList<>();
		for (int i = 0; i < children.size(); i++) {
			Child c = children.get(i);
			int v = switch (vmd.getMapping()) {
			case VIRQ_MODULO -> i % count;
			case FIRST_VECTOR -> first;
			case LEAST_LOADED -> leastLoaded(load, first, count, c.nvme());
			};
			load[v]++;
			out.add(new Placed(c.entry(), v));
		}
		return out;
	}

	// vmd_next_irq(): "White list for fast-interrupt handlers. All others will share the "slow" interrupt vector."
	private static int leastLoaded(int[] load, int first, int count, boolean nvme) {
		if (count == 1 + first || !nvme) {
			return first;
		}
		int best = first + 1;
		for (int i = best; i < count; i++) {
			if (load[i] < load[best]) {
				best = i;
			}
		}
		return best;
	}

	/** "vmd: mapping least-loaded, 3 vectors: vector 0: -; vector 1: rp9.msi[0]; vector 2: nvme0.msi-x[0]". */
	public static String describe(String vmdName, VmdMapping mapping, int count, List<Placed> placed) {
		StringBuilder sb = new StringBuilder("VMD ").append(vmdName).append(" (mapping ").append(mapping.getLiteral())
				.append(", ").append(count).append(count == 1 ? " vector" : " vectors").append("): ");
		for (int v = 0; v < count; v++) {
			int vector = v;
			List<String> on = placed.stream().filter(p -> p.vector() == vector).map(p -> p.entry().toString()).toList();
			sb.append(v == 0 ? "" : "; ").append("vector ").append(v).append(": ").append(on.size())
					.append(on.isEmpty() ? "" : " (" + String.join(", ", on) + ")");
		}
		return sb.toString();
	}
}
