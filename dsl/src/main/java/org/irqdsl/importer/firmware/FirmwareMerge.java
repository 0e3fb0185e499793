package org.irqdsl.importer.firmware;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.irqdsl.importer.Evidence;
import org.irqdsl.importer.MachineFacts;
import org.irqdsl.importer.MachineFacts.Arch;
import org.irqdsl.importer.MachineFacts.Bridge;
import org.irqdsl.importer.MachineFacts.Cpus;
import org.irqdsl.importer.MachineFacts.Firmware;
import org.irqdsl.importer.MachineFacts.Remap;
import org.irqdsl.importer.MachineFacts.RemapState;
import org.irqdsl.importer.Problem;
import org.irqdsl.importer.firmware.FirmwareFacts.ControllerKind;
import org.irqdsl.importer.firmware.FirmwareFacts.HostBridge;
import org.irqdsl.importer.firmware.FirmwareFacts.MsiController;

/**
 * Adds the firmware's facts to the dumps' ({@link MachineFacts}). What the running kernel shows
 * (/proc/interrupts, the kernel log) wins over what the firmware offers; where both speak and
 * disagree, the disagreement is kept in the facts and reported as a {@code contradiction}.
 */
public final class FirmwareMerge {

	private FirmwareMerge() {
	}

	public static MachineFacts merge(MachineFacts m, List<FirmwareFacts> firmware) {
		MachineFacts out = m;
		for (FirmwareFacts f : firmware) {
			out = merge(out, f);
		}
		return out;
	}

	static MachineFacts merge(MachineFacts m, FirmwareFacts f) {
		List<Problem> problems = new ArrayList<>(m.problems());
		List<Evidence> notes = new ArrayList<>(m.notes());
		notes.addAll(f.notes());
		f.platformMsi().forEach(p -> notes.add(new Evidence("platform MSI user: " + p.what(), p.at())));

		Arch arch = m.arch();
		Optional<Evidence> archWhy = m.archEvidence();
		if (arch == Arch.UNKNOWN && f.arch() != Arch.UNKNOWN) {
			arch = f.arch();
			archWhy = Optional.of(f.archEvidence());
		} else if (arch != Arch.UNKNOWN && f.arch() != Arch.UNKNOWN && arch != f.arch()) {
			problems.add(Problem.contradiction(f.archEvidence().at(), "the firmware describes " + f.arch().label() + " (" + f.archEvidence().what()
					+ "), the dumps " + arch.label() + " (" + archWhy.map(Evidence::toString).orElse("?") + "): not the same machine?"));
		}

		Cpus cpus = m.cpus();
		if (cpus.count() == null && f.cpus() != null) {
			cpus = new Cpus(f.cpus(), List.of(), f.cpusEvidence());
		} else if (cpus.count() != null && f.cpus() != null && cpus.count() > f.cpus()) {
			problems.add(Problem.contradiction(f.cpusEvidence().at(), "the firmware describes " + f.cpus() + " CPUs, the dumps show "
					+ cpus.count() + " (" + cpus.source() + ")"));
		} else if (cpus.count() != null && f.cpus() != null && cpus.count() < f.cpus()) {
			notes.add(new Evidence("the firmware describes " + f.cpus() + " CPUs, the kernel brought up " + cpus.count()
					+ " (maxcpus=, nr_cpus= or CPUs that failed to start)", f.cpusEvidence().at()));
		}

		Optional<Evidence> its = m.gicIts();
		Optional<Evidence> v2m = m.gicV2m();
		Optional<Evidence> imsic = m.imsic();
		Optional<Evidence> aplic = m.aplic();
		Optional<String> inferred = m.msiControllerInferred();
		Optional<Evidence> fwIts = first(f, ControllerKind.GIC_ITS);
		Optional<Evidence> fwV2m = first(f, ControllerKind.GICV2M);
		Optional<Evidence> fwImsic = first(f, ControllerKind.IMSIC);
		boolean fwNamesControllers = !f.controllers().isEmpty();
		if (inferred.isPresent() && fwNamesControllers) {
			// the dumps only guessed the controller: the firmware names it
			if (inferred.get().contains("GICv3 ITS or GICv2m")) {
				its = fwIts;
				v2m = fwV2m;
			}
			if (inferred.get().contains("IMSIC")) {
				imsic = fwImsic;
			}
			inferred = Optional.empty();
		}
		if (m.gicIts().isPresent() && fwNamesControllers && fwIts.isEmpty() && m.msiControllerInferred().isEmpty()) {
			problems.add(Problem.contradiction(m.gicIts().get().at(), "the dumps show a GIC ITS (" + m.gicIts().get().what()
					+ "), the firmware describes none"));
		}
		its = its.or(() -> fwIts);
		v2m = v2m.or(() -> fwV2m);
		imsic = imsic.or(() -> fwImsic);
		aplic = aplic.or(() -> first(f, ControllerKind.APLIC_MSI));

		Remap remap = remap(m.remap(), f, problems);

		List<String> inputs = new ArrayList<>(m.firmware().inputs());
		inputs.addAll(f.inputs());
		List<Bridge> bridges = new ArrayList<>(m.firmware().bridges());
		for (HostBridge b : f.bridges()) {
			List<String> c = new ArrayList<>();
			c.add(b.evidence().toString() + (b.segmentAssumed() ? "; no linux,pci-domain: domain " + b.segment() + " assumed in probe order" : ""));
			b.details().forEach(d -> c.add(d.toString()));
			String kind = b.parent() == null ? (b.details().stream().anyMatch(d -> d.what().startsWith("no ")) ? Bridge.NONE : null)
					: switch (b.parent().kind()) {
					case GIC_ITS -> "GIC_ITS";
					case GICV2M -> "GICv2m";
					case IMSIC -> "IMSIC";
					case APLIC_MSI -> "APLIC";
					case GICV3_MBI, BRIDGE_OWN -> Bridge.UNMODELLED;
					};
			if (b.parent() != null) {
				c.add("MSI parent: " + b.parent().kind().label() + " " + b.parent().id());
			}
			bridges.add(new Bridge(b.segment(), kind, c));
		}
		return new MachineFacts(m.inputs(), arch, archWhy, cpus, m.kernel(), remap, its, v2m, imsic, aplic, inferred, m.functions(),
				m.unattributedMsi(), notes, problems, m.unknownCapabilities(), m.accessDenied(), m.haveLspci(), m.haveInterrupts(),
				m.haveKernelLog(), new Firmware(inputs, bridges));
	}

	private static Optional<Evidence> first(FirmwareFacts f, ControllerKind kind) {
		return f.controllers().stream().filter(c -> c.kind() == kind).map(MsiController::evidence).findFirst();
	}

	/**
	 * The dumps' remapping state wins (they show what the kernel did); the firmware's is used when
	 * they are silent, and a disagreement is a contradiction: DMAR/IVRS allow remapping but the log
	 * or /proc/interrupts shows it off (intremap=off, a kernel without CONFIG_IRQ_REMAP, an IOMMU
	 * the kernel rejected), or the firmware does not allow it but the kernel remaps.
	 */
	private static Remap remap(Remap r, FirmwareFacts f, List<Problem> problems) {
		if (f.remap().isEmpty()) {
			return r;
		}
		FirmwareFacts.Remap fw = f.remap().get();
		RemapState fwState = fw.supported() ? RemapState.ON : RemapState.OFF;
		List<Evidence> agreeing = new ArrayList<>(r.agreeing());
		List<Evidence> conflicts = new ArrayList<>(r.conflicts());
		agreeing.addAll(fw.details());
		if (r.state() == RemapState.UNKNOWN) {
			return new Remap(fwState, fw.evidence(), fw.vendor(), fw.evidence(), agreeing, conflicts);
		}
		if (r.state() == fwState) {
			agreeing.add(0, fw.evidence());
		} else {
			conflicts.add(fw.evidence());
			problems.add(Problem.contradiction(r.stateSource().at(), "interrupt remapping is " + (r.state() == RemapState.ON ? "on" : "off")
					+ " here (" + r.stateSource().what() + "), but the firmware " + (fw.supported() ? "supports it" : "does not allow it") + ": "
					+ fw.evidence()));
		}
		return new Remap(r.state(), r.stateSource(), r.vendor() != null ? r.vendor() : fw.vendor(),
				r.vendor() != null ? r.vendorSource() : fw.evidence(), agreeing, conflicts);
	}
}
