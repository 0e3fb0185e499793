package org.irqdsl.validation.checks;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.irqdsl.analysis.DevicePath;
import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.analysis.Written;
import org.irqdsl.irqDsl.CpuThread;
import org.irqdsl.irqDsl.Device;
import org.irqdsl.irqDsl.DeviceThread;
import org.irqdsl.irqDsl.EntryKind;
import org.irqdsl.irqDsl.EntryRef;
import org.irqdsl.irqDsl.Initially;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.irqDsl.OfflineCpu;
import org.irqdsl.irqDsl.OnlineCpu;
import org.irqdsl.irqDsl.Raise;
import org.irqdsl.irqDsl.Scenario;
import org.irqdsl.irqDsl.SetAffinity;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.CheckKind;
import org.irqdsl.validation.CheckReporter;
import org.irqdsl.validation.ScenarioCheck;

/** What a scenario names must exist on its platform: CPUs, MSI entries, vectors in range. */
public final class ScenarioReferences implements ScenarioCheck {

	public static final CheckInfo ENTRY = CheckInfo.error("entry-index", "MSI entry the device does not have",
			"include/linux/msi.h (msi_desc::msi_index)",
			"""
			`dev.msi[i]` and `dev.msi-x[i]` name entry i of the device's MSI or MSI-X capability: the \
			device must have that capability and i must be below its `count`.""")
			.kind(CheckKind.SCENARIO);

	@Override
	public CheckInfo info() {
		return ENTRY;
	}

	@Override
	public java.util.List<CheckInfo> reports() {
		return java.util.List.of(ENTRY, CpuRangeCheck.INFO, VectorRange.INFO);
	}

	@Override
	public void check(Scenario scenario, PlatformFacts platform, CheckReporter reporter) {
		for (Initially init : scenario.getInitially()) {
			entry(init.getEntry(), reporter);
			cpu(init.getCpu(), platform, init, IrqDslPackage.Literals.INITIALLY__CPU, reporter);
			vector(init.getEntry(), init.getVector(), platform, init, IrqDslPackage.Literals.INITIALLY__VECTOR, reporter);
		}
		scenario.eAllContents().forEachRemaining(o -> {
			if (o instanceof CpuThread t) {
				cpu(t.getCpu(), platform, t, IrqDslPackage.Literals.CPU_THREAD__CPU, reporter);
			} else if (o instanceof SetAffinity s) {
				entry(s.getEntry(), reporter);
				cpu(s.getCpu(), platform, s, IrqDslPackage.Literals.SET_AFFINITY__CPU, reporter);
				if (Written.isWritten(s, IrqDslPackage.Literals.SET_AFFINITY__VECTOR)) {
					vector(s.getEntry(), s.getVector(), platform, s, IrqDslPackage.Literals.SET_AFFINITY__VECTOR, reporter);
				}
			} else if (o instanceof EntryRef ref && !(o.eContainer() instanceof Initially) && !(o.eContainer() instanceof SetAffinity)) {
				entry(ref, reporter);
			} else if (o instanceof Raise r && r.eContainer() instanceof DeviceThread t && t.getDevice() != null && !t.getDevice().eIsProxy()) {
				index(t.getDevice(), r.getKind(), r.getIndex(), r, IrqDslPackage.Literals.RAISE__INDEX, reporter);
			} else if (o instanceof OfflineCpu off) {
				cpu(off.getCpu(), platform, off, IrqDslPackage.Literals.OFFLINE_CPU__CPU, reporter);
			} else if (o instanceof OnlineCpu on) {
				cpu(on.getCpu(), platform, on, IrqDslPackage.Literals.ONLINE_CPU__CPU, reporter);
			}
		});
	}

	private static void entry(EntryRef ref, CheckReporter reporter) {
		if (ref != null && ref.getDevice() != null && !ref.getDevice().eIsProxy()) {
			index(ref.getDevice(), ref.getKind(), ref.getIndex(), ref, IrqDslPackage.Literals.ENTRY_REF__INDEX, reporter);
		}
	}

	private static void index(Device device, EntryKind kind, int index, EObject source, EStructuralFeature feature,
			CheckReporter reporter) {
		boolean msix = kind == EntryKind.MSIX;
		Integer count = msix ? (device.getMsix() == null ? null : Math.max(device.getMsix().getCount(), 1))
				: (device.getMsi() == null ? null : Math.max(device.getMsi().getCount(), 1));
		if (count == null) {
			reporter.report(ENTRY, "device " + device.getName() + " has no " + kind.getLiteral() + " capability", source, feature);
		} else if (index < 0 || index >= count) {
			reporter.report(ENTRY, device.getName() + "." + kind.getLiteral() + "[" + index + "]: the device has "
					+ count + " " + kind.getLiteral() + " entr" + (count == 1 ? "y" : "ies") + " (0.." + (count - 1) + ")",
					source, feature);
		}
	}

	private static void cpu(int cpu, PlatformFacts platform, EObject source, EStructuralFeature feature, CheckReporter reporter) {
		if (!platform.cpus().exists(cpu)) {
			reporter.report(CpuRangeCheck.INFO, "cpu " + cpu + " is not one of platform " + platform.platform().getName()
					+ "'s CPUs (" + platform.cpus().present() + ")", source, feature);
		}
	}

	private static void vector(EntryRef ref, int vector, PlatformFacts platform, EObject source, EStructuralFeature feature,
			CheckReporter reporter) {
		if (ref == null || ref.getDevice() == null || ref.getDevice().eIsProxy()) {
			return;
		}
		// the device's path by lookup, not by a scan of every device per entry (quadratic)
		platform.path(ref.getDevice()).ifPresent(path -> {
			path.root().ifPresent(root -> {
				if (Written.isWritten(root, IrqDslPackage.Literals.DOMAIN__VECTOR_FIRST)
						&& (vector < root.getVectorFirst() || vector > root.getVectorLast())) {
					reporter.report(VectorRange.INFO, "vector " + VectorRange.hex(vector) + " is outside "
							+ Labels.domain(root) + "'s range " + VectorRange.hex(root.getVectorFirst()) + ".."
							+ VectorRange.hex(root.getVectorLast()), source, feature);
				}
			});
		});
	}
}
