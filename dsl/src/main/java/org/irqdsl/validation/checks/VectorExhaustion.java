package org.irqdsl.validation.checks;

import java.util.IdentityHashMap;
import java.util.Map;

import org.irqdsl.analysis.DevicePath;
import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.analysis.Written;
import org.irqdsl.irqDsl.Device;
import org.irqdsl.irqDsl.Domain;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.runtime.kernel.MsiFlag;
import org.irqdsl.runtime.kernel.MsiLib;
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
			for more (each MSI-X entry and each MSI vector one, as far as their MSI parent's flags let \
			them have them: see flag-masked-by-parent), allocation fails with -ENOSPC and \
			drivers lose interrupts or fail to probe. Children with MSI_FLAG_NO_AFFINITY (VMD) are \
			multiplexed on their VMD's vectors and do not count.""")
			// the device's domain path to the root walks the hierarchy: a cycle has no root
			.requires(DomainCycle.INFO);

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
			demand.merge(path.root().get(), (long) vectorsOf(path), Long::sum);
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

	/**
	 * The vectors a device gets: its MSI-X table when the parent keeps MSI_FLAG_PCI_MSIX, else its MSI
	 * count when the parent keeps MSI_FLAG_MULTI_PCI_MSI, else one MSI vector; none under a parent
	 * without msi-parent-ops (missing-msi-parent-ops).
	 */
	static int vectorsOf(DevicePath path) {
		Device d = path.device();
		if (path.effectiveFlags(0).isEmpty()) {
			return 0;
		}
		if (d.getMsix() != null && path.has(MsiLib.PCI_MSIX_TEMPLATE_FLAGS, MsiFlag.MSI_FLAG_PCI_MSIX)) {
			return Math.max(d.getMsix().getCount(), 1);
		}
		if (d.getMsi() != null) {
			return path.has(MsiLib.PCI_MSI_TEMPLATE_FLAGS, MsiFlag.MSI_FLAG_MULTI_PCI_MSI) ? Math.max(d.getMsi().getCount(), 1) : 1;
		}
		return 0;
	}
}
