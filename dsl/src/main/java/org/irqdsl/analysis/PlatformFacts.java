package org.irqdsl.analysis;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.irqdsl.irqDsl.Bus;
import org.irqdsl.irqDsl.Device;
import org.irqdsl.irqDsl.Domain;
import org.irqdsl.irqDsl.Platform;
import org.irqdsl.irqDsl.Vmd;

/** A platform's devices with their paths to the CPU, and its CPUs: computed once per validation. */
public final class PlatformFacts {

	private final Platform platform;
	private final DomainHierarchy hierarchy = new DomainHierarchy();
	private final List<DevicePath> devices;
	private final Map<Device, DevicePath> byDevice;
	/** The first device of each name, in declaration order (a duplicate name is the checks' to report). */
	private final Map<String, Device> byName;
	private final CpuSet cpus;
	private final Map<Object, Object> derived = new java.util.HashMap<>();

	public PlatformFacts(Platform platform) {
		this.platform = platform;
		this.cpus = CpuSet.of(platform);
		// sized for the devices of the platform's buses (VMD child buses' are few): growing maps of
		// 10,000 devices was most of building the facts
		int expected = 0;
		for (Bus bus : platform.getBuses()) {
			expected += bus.getDevices().size();
		}
		devices = new ArrayList<>(expected);
		byDevice = new IdentityHashMap<>(expected);
		byName = new java.util.HashMap<>(expected * 4 / 3 + 1);
		for (Bus bus : platform.getBuses()) {
			collect(bus, Optional.empty());
		}
	}

	/**
	 * Walks a bus and the VMD child buses below it. A VMD child bus without an msi-parent of its own
	 * uses the VMD's parent domain when the VMD bypasses (VMD_FEAT_CAN_BYPASS_MSI_REMAP).
	 */
	private void collect(Bus bus, Optional<Domain> inherited) {
		Optional<Domain> parent = bus.getMsiParent() != null && !bus.getMsiParent().eIsProxy()
				? Optional.of(bus.getMsiParent())
				: inherited;
		List<Domain> domains = parent.map(hierarchy::pathToCpu).orElse(List.of());
		DevicePath.OfDomains ofDomains = new DevicePath.OfDomains();
		for (Device device : bus.getDevices()) {
			DevicePath path = new DevicePath(device, bus, parent, domains, new DevicePath.Derived(ofDomains));
			devices.add(path);
			byDevice.putIfAbsent(device, path);
			if (device.getName() != null) {
				byName.putIfAbsent(device.getName(), device);
			}
			Vmd vmd = device.getVmd();
			if (vmd != null) {
				for (Bus child : vmd.getBuses()) {
					collect(child, vmd.isBypass() ? parent : Optional.empty());
				}
			}
		}
	}

	public Platform platform() {
		return platform;
	}

	public List<DevicePath> devices() {
		return devices;
	}

	/** The first device of the platform (VMD children included) with this name: a lookup, scenarios ask for many. */
	public Optional<Device> device(String name) {
		return Optional.ofNullable(byName.get(name));
	}

	/** The path of one device of the platform (a lookup: scenarios ask for many). */
	public Optional<DevicePath> path(Device device) {
		return Optional.ofNullable(byDevice.get(device));
	}

	public DomainHierarchy hierarchy() {
		return hierarchy;
	}

	public CpuSet cpus() {
		return cpus;
	}

	/**
	 * What {@code compute} derives from these facts and {@code key} (a scenario's simulator config:
	 * two checks of a scenario ask for it), computed once: the facts serve one validation run, in
	 * which the model does not change.
	 */
	public <T> T derived(Object key, Class<T> type, java.util.function.Supplier<T> compute) {
		Object known = derived.get(key);
		if (known == null) {
			known = compute.get();
			derived.put(key, known);
		}
		return type.cast(known);
	}
}
