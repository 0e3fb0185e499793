package org.irqdsl.validation.checks;

import org.irqdsl.analysis.CpuSet;
import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.analysis.Written;
import org.irqdsl.irqDsl.CpuRange;
import org.irqdsl.irqDsl.Cpus;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.irqDsl.Platform;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.CheckReporter;
import org.irqdsl.validation.PlatformCheck;

/** A platform's CPUs: declared once, ranges that make sense, at least one online. */
public final class CpuRangeCheck implements PlatformCheck {

	public static final CheckInfo INFO = CheckInfo.error("cpu-range", "CPU that does not exist",
			"include/linux/cpumask.h",
			"""
			A platform declares its CPUs once: `cpus N` (CPUs 0..N-1) or `cpus [0..3, 8..11]`, \
			optionally `offline 2, 5..6`; at least one CPU must stay online and numbers stay below \
			NR_CPUS (8192, CONFIG_MAXSMP). A scenario may only name CPUs the platform has.""");

	@Override
	public CheckInfo info() {
		return INFO;
	}

	@Override
	public void check(PlatformFacts platform, CheckReporter reporter) {
		Platform p = platform.platform();
		if (p.getCpus().isEmpty()) {
			reporter.report(INFO, "platform " + p.getName() + " declares no CPUs: add `cpus N`", p,
					IrqDslPackage.Literals.TOP_LEVEL__NAME);
			return;
		}
		for (int i = 1; i < p.getCpus().size(); i++) {
			reporter.report(INFO, "platform " + p.getName() + " declares its CPUs more than once", p,
					IrqDslPackage.Literals.PLATFORM__CPUS, i);
		}
		for (Cpus cpus : p.getCpus()) {
			if (cpus.getRanges().isEmpty() && (cpus.getCount() < 1 || cpus.getCount() > CpuSet.MAX_CPUS)) {
				reporter.report(INFO, "cpus " + cpus.getCount() + ": expected 1.." + CpuSet.MAX_CPUS, cpus,
						IrqDslPackage.Literals.CPUS__COUNT);
			}
			for (CpuRange r : cpus.getRanges()) {
				range(reporter, r);
			}
			for (CpuRange r : cpus.getOffline()) {
				range(reporter, r);
				for (int c = r.getFirst(); c <= last(r) && c < CpuSet.MAX_CPUS; c++) {
					if (!platform.cpus().exists(c)) {
						reporter.report(INFO, "offline cpu " + c + " is not one of the platform's CPUs", r,
								IrqDslPackage.Literals.CPU_RANGE__FIRST);
						break;
					}
				}
			}
		}
		if (!platform.cpus().present().isEmpty() && platform.cpus().onlineCount() == 0) {
			reporter.report(INFO, "platform " + p.getName() + " has no online CPU", p, IrqDslPackage.Literals.TOP_LEVEL__NAME);
		}
	}

	private static int last(CpuRange r) {
		return Written.isWritten(r, IrqDslPackage.Literals.CPU_RANGE__LAST) ? r.getLast() : r.getFirst();
	}

	private static void range(CheckReporter reporter, CpuRange r) {
		if (last(r) < r.getFirst() || last(r) >= CpuSet.MAX_CPUS) {
			reporter.report(INFO, "CPU range " + r.getFirst() + ".." + last(r) + ": expected first <= last < "
					+ CpuSet.MAX_CPUS, r, IrqDslPackage.Literals.CPU_RANGE__FIRST);
		}
	}
}
