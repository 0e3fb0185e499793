package org.irqdsl.validation.checks;

import java.util.IdentityHashMap;
import java.util.Map;

import org.irqdsl.analysis.DevicePath;
import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.analysis.Written;
import org.irqdsl.irqDsl.Device;
import org.irqdsl.irqDsl.Domain;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.CheckReporter;
import org.irqdsl.validation.PlatformCheck;

/** The vector matrix (kernel/irq/matrix.c): range size times online CPUs is all a root can give. */
public final class VectorExhaustion implements PlatformCheck {

	public static final CheckInfo INFO = CheckInfo.error("vector-exhaustion",
			"More vectors requested than the root domain can hold", "kernel/irq/matrix.c",
			"""
			A root domain with `vectors FIRST..LAST` holds at most (LAST - FIRST + 1) vectors on each \
			online CPU (the irq matrix allocator). When the devices whose path ends at that root ask \
			for more (each MSI-X entry and each MSI vector one), allocation fails with -ENOSPC and \
			drivers lose interrupts or fail to probe. Children with MSI_FLAG_NO_AFFINITY (VMD) are \
			multiplexed on their VMD's vectors and do not count.""");

	@Override
	public CheckInfo info() {
		return INFO;
	}

	@Override
	public void check(PlatformFacts platform, CheckReporter reporter) {
		Map<Domain, Long> demand = new IdentityHashMap<>();
		for (DevicePath path : platform.devices()) {
			if (path.root().isEmpty() || path.noAffinity()) {
				continue;
			}
			demand.merge(path.root().get(), (long) vectorsOf(path.device()), Long::sum);
		}
		int online = platform.cpus().onlineCount();
		demand.forEach((root, wanted) -> {
			if (!Written.isWritten(root, IrqDslPackage.Literals.DOMAIN__VECTOR_FIRST) || root.getVectorFirst() > root.getVectorLast()) {
				return;
			}
			long capacity = (long) (root.getVectorLast() - root.getVectorFirst() + 1) * online;
			if (wanted > capacity) {
				reporter.report(INFO, Labels.domain(root) + ": devices below it request " + wanted
						+ " vectors but " + (root.getVectorLast() - root.getVectorFirst() + 1) + " vectors x " + online
						+ " online CPUs hold " + capacity + ": allocation fails with -ENOSPC", root,
						IrqDslPackage.Literals.DOMAIN__VECTOR_FIRST);
			}
		});
	}

	/** The vectors a device asks for: its MSI-X table, else its MSI count. */
	static int vectorsOf(Device d) {
		if (d.getMsix() != null) {
			return Math.max(d.getMsix().getCount(), 1);
		}
		if (d.getMsi() != null) {
			return Math.max(d.getMsi().getCount(), 1);
		}
		return 0;
	}
}
