package org.irqdsl.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.diagnostics.Severity;
import org.irqdsl.analysis.DevicePath;
import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.irqDsl.Device;
import org.irqdsl.irqDsl.Platform;
import org.irqdsl.resource.IrqDslResource;
import org.irqdsl.resource.ReplacedElements;

/**
 * The findings of each {@link DeviceCheck} on each device of a platform, kept from one validation
 * to the next while the file changes only inside devices: the language server re-parses and
 * re-links only an edited element ({@link ReplacedElements}), so a device that was not replaced
 * is the same object with the same contents and — nothing outside the devices having changed —
 * the same findings. A device inside the replaced element (or under the same top-level device: a
 * VMD's devices read their VMD) is checked again; a change anywhere else, or a file parsed whole,
 * checks every device again. What is kept is what the check reported, before the file's check
 * policy: the policy and the suppressions apply afresh to every finding.
 */
public final class DeviceFindings {

	private record Report(CheckInfo check, Severity severity, String message, EObject source, EStructuralFeature feature, int index) {
	}

	/** One check's findings per device, as of a {@link ReplacedElements#mark()} of the file. */
	private record Kept(long mark, Map<Device, List<Report>> byDevice) {
	}

	/** What is kept, held by the file's resource (so it goes with it): per platform of the file, per check. */
	private static final class Memory extends AdapterImpl {
		private final Map<Platform, Map<String, Kept>> kept = new HashMap<>();

		@Override
		public boolean isAdapterForType(Object type) {
			return type == Memory.class;
		}

		static synchronized Map<String, Kept> of(Platform platform, Resource resource) {
			Memory memory = (Memory) EcoreUtil.getExistingAdapter(resource, Memory.class);
			if (memory == null) {
				memory = new Memory();
				resource.eAdapters().add(memory);
			}
			memory.kept.keySet().removeIf(p -> p.eResource() != resource); // platforms parsed away
			return memory.kept.computeIfAbsent(platform, p -> Collections.synchronizedMap(new HashMap<>()));
		}
	}

	/** Runs the check on the platform, on the devices that need it, and reports every device's findings in device order. */
	public static void run(DeviceCheck check, PlatformFacts facts, CheckReporter out) {
		Platform platform = facts.platform();
		if (!(platform.eResource() instanceof IrqDslResource resource)) {
			check.check(facts, out);
			return;
		}
		ReplacedElements changes = resource.replacedElements();
		long now = changes.mark();
		Map<String, Kept> ofPlatform = Memory.of(platform, resource);
		Kept last = ofPlatform.get(check.info().id());
		Set<Device> replaced = last == null ? null : replacedDevices(resource, changes.since(last.mark()));
		Map<Device, List<Report>> byDevice = new IdentityHashMap<>(facts.devices().size());
		for (DevicePath path : facts.devices()) {
			Device device = path.device();
			List<Report> reports = replaced == null || replaced.contains(device) ? null : last.byDevice().get(device);
			if (reports == null) {
				List<Report> found = new ArrayList<>();
				check.checkDevice(facts, path, new CheckReporter() {
					@Override
					public void report(CheckInfo info, Severity severity, String message, EObject source, EStructuralFeature feature,
							int index) {
						found.add(new Report(info, severity, message, source, feature, index));
					}

					@Override
					public boolean cancelled() {
						return out.cancelled();
					}
				});
				reports = found;
			}
			byDevice.put(device, reports);
			for (Report r : reports) {
				out.report(r.check(), r.severity(), r.message(), r.source(), r.feature(), r.index());
			}
		}
		ofPlatform.put(check.info().id(), new Kept(now, byDevice));
	}

	/**
	 * The devices whose findings must be made again after the file's changes: those under the
	 * top-level device of each replaced element; null when anything else changed (nothing is kept).
	 */
	private static Set<Device> replacedDevices(IrqDslResource resource, Optional<Set<String>> since) {
		if (since.isEmpty()) {
			return null;
		}
		Set<Device> devices = Collections.newSetFromMap(new IdentityHashMap<>());
		for (String fragment : since.get()) {
			EObject element = resource.getEObject(fragment);
			Device outermost = null;
			for (EObject o = element; o != null; o = o.eContainer()) {
				if (o instanceof Device d) {
					outermost = d;
				}
			}
			if (outermost == null) {
				return null; // a change outside every device: the devices' findings may all change
			}
			devices.add(outermost);
			for (TreeIterator<EObject> below = outermost.eAllContents(); below.hasNext();) {
				if (below.next() instanceof Device d) {
					devices.add(d);
				}
			}
		}
		return devices;
	}
}
