package org.irqdsl.validation.checks;

import java.util.List;

import org.irqdsl.analysis.DomainFacts;
import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.irqDsl.Domain;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.irqDsl.MsiParentOps;
import org.irqdsl.runtime.kernel.MsiFlag;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.CheckReporter;
import org.irqdsl.validation.PlatformCheck;

/** msi_lib_init_dev_msi_info(): {@code flags &= supported_flags; flags |= required_flags}. */
public final class RequiredNotSupported implements PlatformCheck {

	/** Policies a parent imposes on every child without offering them as a feature (vmd.c requires NO_AFFINITY). */
	private static final List<MsiFlag> POLICY_FLAGS = List.of(MsiFlag.MSI_FLAG_NO_AFFINITY, MsiFlag.MSI_FLAG_NO_MASK);

	public static final CheckInfo INFO = CheckInfo.warning("required-not-supported",
			"Required MSI flag that the parent does not support", "drivers/irqchip/irq-msi-lib.c; seed 002",
			"""
			msi_lib_init_dev_msi_info() computes a child's flags as `flags &= supported_flags; flags |= \
			required_flags`. A feature flag in `required` that is missing from `supported` is forced on \
			every child although the parent says it does not support it: one of the two lists is \
			wrong. Policy flags a parent imposes without offering them as a feature \
			(MSI_FLAG_NO_AFFINITY, MSI_FLAG_NO_MASK — Intel VMD requires NO_AFFINITY this way) are not \
			reported.

			Fix: add the flag to `supported`, or drop it from `required`.""");

	@Override
	public CheckInfo info() {
		return INFO;
	}

	@Override
	public void check(PlatformFacts platform, CheckReporter reporter) {
		for (Domain domain : platform.platform().getDomains()) {
			MsiParentOps ops = domain.getOps();
			if (ops == null) {
				continue;
			}
			long supported = DomainFacts.supportedFlags(ops);
			for (int i = 0; i < ops.getRequired().size(); i++) {
				String name = ops.getRequired().get(i);
				MsiFlag flag = MsiFlag.byName(name).orElse(null);
				if (flag == null || POLICY_FLAGS.contains(flag) || (supported & flag.mask()) != 0) {
					continue;
				}
				reporter.report(INFO, Labels.domain(domain) + ": " + name
						+ " is required but not in supported_flags; msi_lib_init_dev_msi_info() forces it on every child (flags |= required_flags)",
						ops, IrqDslPackage.Literals.MSI_PARENT_OPS__REQUIRED, i);
			}
		}
	}
}
