package org.irqdsl.generator;

import java.util.Optional;

import org.irqdsl.analysis.Written;
import org.irqdsl.irqDsl.Domain;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.runtime.sim.config.VectorRange;

/**
 * The root domain's vector range as the simulator sees it. The simulator's per-CPU vector table
 * holds ids 0..0xff (an x86 IDT): a range reaching above is cut at 0xff (the IMSIC's 2..511 becomes
 * 2..0xff); a range entirely above 0xff (GIC ITS LPIs from 8192) is renumbered from 0, id
 * {@code first + k} being simulated as {@code k}. Without a declared range: x86's 0x20..0xff.
 */
public record SimVectorWindow(int first, int last, int offset) {

	private static final int TABLE_LAST = 0xff;

	public static SimVectorWindow of(Optional<Domain> root) {
		if (root.isEmpty() || !Written.isWritten(root.get(), IrqDslPackage.Literals.DOMAIN__VECTOR_FIRST)) {
			return new SimVectorWindow(VectorRange.X86_DEFAULT.first(), VectorRange.X86_DEFAULT.last(), 0);
		}
		int first = root.get().getVectorFirst();
		int last = Math.max(first, root.get().getVectorLast());
		if (first <= TABLE_LAST) {
			return new SimVectorWindow(Math.max(first, 0), Math.min(last, TABLE_LAST), 0);
		}
		return new SimVectorWindow(0, Math.min(last - first, TABLE_LAST), first);
	}

	/** The range written into the config. */
	public VectorRange range() {
		return new VectorRange(first, last);
	}

	/** The simulated id of a declared vector, when the window holds it. */
	public Optional<Integer> toSim(int vector) {
		int v = vector - offset;
		return v >= first && v <= last ? Optional.of(v) : Optional.empty();
	}

	public String outside(int vector) {
		return String.format("vector 0x%x is outside what the simulator models here (0x%x..0x%x%s)", vector, first + offset,
				last + offset, offset == 0 ? "" : String.format(", simulated as 0x%x..0x%x", first, last));
	}
}
