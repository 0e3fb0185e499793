package org.irqdsl.validation.checks;

import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.analysis.Written;
import org.irqdsl.irqDsl.Domain;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.runtime.kernel.DomainKind;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.CheckReporter;
import org.irqdsl.validation.PlatformCheck;

/** A domain's vector space, as arch/x86/include/asm/irq_vectors.h lays out the x86 one. */
public final class VectorRange implements PlatformCheck {

	/** FIRST_EXTERNAL_VECTOR: 0x00-0x1f are the CPU's exceptions. */
	public static final int X86_FIRST_EXTERNAL_VECTOR = 0x20;
	/** NR_VECTORS - 1. */
	public static final int X86_LAST_VECTOR = 0xff;

	public static final CheckInfo INFO = CheckInfo.error("vector-range", "Vector outside the domain's range",
			"arch/x86/include/asm/irq_vectors.h",
			"""
			`vectors FIRST..LAST` needs FIRST <= LAST. On an x86 VECTOR domain the range must lie \
			within 0x20..0xff: 0x00-0x1f are the CPU's exceptions (FIRST_EXTERNAL_VECTOR = 0x20) and \
			there are NR_VECTORS = 256 vectors. A scenario's `vector` must lie in the range of the \
			root domain its entry is delivered by.""");

	@Override
	public CheckInfo info() {
		return INFO;
	}

	@Override
	public void check(PlatformFacts platform, CheckReporter reporter) {
		for (Domain d : platform.platform().getDomains()) {
			if (!Written.isWritten(d, IrqDslPackage.Literals.DOMAIN__VECTOR_FIRST)) {
				continue;
			}
			int first = d.getVectorFirst();
			int last = d.getVectorLast();
			if (first > last) {
				reporter.report(INFO, Labels.domain(d) + ": vector range " + hex(first) + ".." + hex(last) + " is empty (first > last)",
						d, IrqDslPackage.Literals.DOMAIN__VECTOR_FIRST);
			} else if (DomainKind.byName(d.getKind()).orElse(null) == DomainKind.VECTOR
					&& (first < X86_FIRST_EXTERNAL_VECTOR || last > X86_LAST_VECTOR)) {
				reporter.report(INFO, Labels.domain(d) + ": vector range " + hex(first) + ".." + hex(last)
						+ " leaves 0x20..0xff (0x00-0x1f are exceptions, NR_VECTORS is 256)", d,
						first < X86_FIRST_EXTERNAL_VECTOR ? IrqDslPackage.Literals.DOMAIN__VECTOR_FIRST
								: IrqDslPackage.Literals.DOMAIN__VECTOR_LAST);
			}
		}
	}

	static String hex(int v) {
		return "0x" + Integer.toHexString(v);
	}
}
