package org.irqdsl.validation.checks;

import java.util.HashSet;
import java.util.Set;

import org.irqdsl.analysis.DevicePath;
import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.analysis.Written;
import org.irqdsl.irqDsl.Bus;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.irqDsl.MsiWrite;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.irqdsl.validation.FixableCheck;
import org.irqdsl.validation.QuickFix;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.CheckReporter;
import org.irqdsl.validation.PlatformCheck;

/**
 * Seed 000 (tglx on the CDX MSI patch, May 2023): a message written from a work queue or by a
 * queued firmware command is not in the device when request_irq() returns, and CPU hot-unplug
 * (stop_machine(), nothing may sleep or wait) cannot wait for it.
 */
public final class AsyncMsiWrite implements PlatformCheck, FixableCheck {

	public static final CheckInfo INFO = CheckInfo.error("async-msi-write", "MSI message written asynchronously",
			"seed 000 (CDX bus MSI support)",
			"""
			irq_chip_write_msi_msg() must have put the message in the device by the time it returns. \
			When the write is only queued (`msi-write work-queue`, `msi-write firmware-queued`):
			1. request_irq() activates the interrupt and the driver enables it in the device before \
			the queued write ran: the device raises with an unwritten (random or stale) message — \
			"a nightmare to debug ... once in a blue moon out in the field";
			2. CPU hot-unplug migrates interrupts in stop_machine() context, where nothing can sleep \
			or wait: the queued write cannot complete before the CPU is gone, so interrupts still \
			target a dead CPU.

			The second failure needs a message that changes on an affinity change; under a parent \
			whose message never changes (GIC ITS: IRQ_SET_MASK_OK_DONE) only the first applies, and \
			the message says so.

			Fix: write the message synchronously from the irq_bus_lock() / irq_bus_sync_unlock() pair \
			— irq_write_msi_msg() only records it, irq_bus_sync_unlock() issues the firmware command \
			and waits for it (`msi-write firmware-sync`, what drivers/cdx/cdx_msi.c does today).""")
			// the device's domain path to the root walks the hierarchy: a cycle has no root
			.requires(DomainCycle.INFO);

	@Override
	public CheckInfo info() {
		return INFO;
	}

	@Override
	public void check(PlatformFacts platform, CheckReporter reporter) {
		Set<Bus> reportedBuses = new HashSet<>();
		for (DevicePath path : platform.devices()) {
			org.irqdsl.runtime.sim.config.MsiWrite write = path.effectiveMsiWrite();
			if (!write.isQueued()) {
				continue;
			}
			if (path.device().getMsi() == null && path.device().getMsix() == null) {
				continue;
			}
			String how = path.msiWriteProcedure().map(p -> "procedure " + p.name()).orElse("msi-write " + write.jsonName());
			String why = " is written asynchronously (" + how
					+ "): after request_irq the device can fire with an unwritten message"
					+ (path.messageImmutable() ? ""
							: ", and CPU hot-unplug in stop_machine() cannot wait for the write of the moved message")
					+ " (seed 000); write it synchronously from irq_bus_sync_unlock() (msi-write firmware-sync)";
			if (path.device().getMsiWriteProcedure() != null) {
				reporter.report(INFO, "the MSI message of " + Labels.device(path.device()) + why, path.device(),
						IrqDslPackage.Literals.DEVICE__MSI_WRITE_PROCEDURE);
			} else if (Written.isWritten(path.device(), IrqDslPackage.Literals.DEVICE__MSI_WRITE)) {
				reporter.report(INFO, "the MSI message of " + Labels.device(path.device()) + why, path.device(),
						IrqDslPackage.Literals.DEVICE__MSI_WRITE);
			} else if (reportedBuses.add(path.bus())) {
				reporter.report(INFO, "the MSI message of every device on bus " + path.bus().getName() + why,
						path.bus(), path.bus().getMsiWriteProcedure() != null ? IrqDslPackage.Literals.BUS__MSI_WRITE_PROCEDURE
								: IrqDslPackage.Literals.BUS__MSI_WRITE);
			}
		}
	}

	@Override
	public List<QuickFix> fixes(EObject source, int offset) {
		String label = "Write the message synchronously (msi-write firmware-sync)";
		if (source instanceof org.irqdsl.irqDsl.Device device) {
			return Fixes.replaceValue(label, device, IrqDslPackage.Literals.DEVICE__MSI_WRITE, MsiWrite.FIRMWARE_SYNC.getLiteral());
		}
		if (source instanceof Bus bus) {
			return Fixes.replaceValue(label, bus, IrqDslPackage.Literals.BUS__MSI_WRITE, MsiWrite.FIRMWARE_SYNC.getLiteral());
		}
		return List.of();
	}
}
