package org.irqdsl.analysis;

import java.util.BitSet;

import org.irqdsl.irqDsl.CpuRange;
import org.irqdsl.irqDsl.Cpus;
import org.irqdsl.irqDsl.Platform;

/** The CPUs a platform declares and which of them are online. */
public record CpuSet(BitSet present, BitSet online) {

	/** Upper bound on CPU numbers, as NR_CPUS on the largest configurations (CONFIG_MAXSMP). */
	public static final int MAX_CPUS = 8192;

	public static CpuSet of(Platform platform) {
		BitSet present = new BitSet();
		BitSet offline = new BitSet();
		for (Cpus cpus : platform.getCpus()) {
			if (cpus.getRanges().isEmpty()) {
				present.set(0, Math.min(Math.max(cpus.getCount(), 0), MAX_CPUS));
			}
			for (CpuRange r : cpus.getRanges()) {
				set(present, r);
			}
			for (CpuRange r : cpus.getOffline()) {
				set(offline, r);
			}
		}
		BitSet online = (BitSet) present.clone();
		online.andNot(offline);
		return new CpuSet(present, online);
	}

	private static void set(BitSet bits, CpuRange r) {
		int first = r.getFirst();
		int last = Written.isWritten(r, org.irqdsl.irqDsl.IrqDslPackage.Literals.CPU_RANGE__LAST) ? r.getLast() : first;
		if (first >= 0 && first <= last && last < MAX_CPUS) {
			bits.set(first, last + 1);
		}
	}

	public boolean exists(int cpu) {
		return cpu >= 0 && present.get(cpu);
	}

	public int onlineCount() {
		return online.cardinality();
	}
}
