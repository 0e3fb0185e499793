package org.irqdsl.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.irqdsl.IrqDslInjector;
import org.irqdsl.analysis.DevicePath;
import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.irqDsl.Platform;
import org.irqdsl.resource.IrqDslResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device check runs again only on the devices an edit replaced (all of them under a VMD whose
 * device was edited), and on every device after a change outside the devices; what it reports is
 * the same as a run on every device, in the same order.
 */
class DeviceFindingsTest {

	@TempDir
	Path folder;

	/** Reports each device it is asked about, and counts the asking. */
	private static final class Counting implements DeviceCheck {
		final List<String> asked = new ArrayList<>();

		@Override
		public CheckInfo info() {
			return CheckInfo.warning("test-device-check", "test", "test", "test");
		}

		@Override
		public void checkDevice(PlatformFacts platform, DevicePath device, CheckReporter reporter) {
			asked.add(device.device().getName());
			reporter.report(info(), "seen " + device.device().getName() + " " + (device.device().getMsi() != null
					&& device.device().getMsi().isMaskable()), device.device(), null);
		}
	}

	@Test
	void onlyTheEditedDeviceIsCheckedAgain() throws IOException {
		String text = Files.readString(Path.of("../examples/x86-noremap-seed001.irqdsl"));
		IrqDslResource resource = load(text);
		Counting check = new Counting();
		List<String> first = run(check, resource);
		int devices = check.asked.size();
		assertThat(devices).isGreaterThan(3);

		check.asked.clear();
		int at = text.indexOf("{ msi count 1 64-bit }") + "{ msi count 1".length();
		resource.update(at, 0, " maskable");
		List<String> second = run(check, resource);
		assertThat(check.asked).as("devices checked again").hasSize(1);
		assertThat(second).isEqualTo(run(new Counting(), load(text.substring(0, at) + " maskable" + text.substring(at))))
				.isNotEqualTo(first);

		check.asked.clear();
		int vectors = text.indexOf("vectors 0x20..0xeb") + "vectors 0x20..0x".length();
		resource.update(vectors, 2, "ec");
		run(check, resource);
		assertThat(check.asked).as("a domain changed: every device").hasSize(devices);
	}

	@Test
	void aDeviceOfAVmdIsCheckedAgainWhenItsVmdDeviceChanges() throws IOException {
		String text = Files.readString(Path.of("../examples/intel-vmd-nvme-seed004.irqdsl"));
		IrqDslResource resource = load(text);
		Counting check = new Counting();
		run(check, resource);
		int devices = check.asked.size();
		check.asked.clear();
		int at = text.indexOf(" at ", text.indexOf("device vmd at"));
		resource.update(at, 0, " ");
		run(check, resource);
		assertThat(check.asked).as("the VMD's device and the devices behind it, of %d", devices).hasSizeGreaterThan(1)
				.hasSizeLessThan(devices).contains("vmd");
	}

	/** Runs the check on every platform of the resource, as the validator does: the findings as text. */
	private static List<String> run(DeviceCheck check, IrqDslResource resource) {
		EcoreUtil2.resolveLazyCrossReferences(resource, CancelIndicator.NullImpl);
		List<String> found = new ArrayList<>();
		for (Platform platform : EcoreUtil2.getAllContentsOfType(resource.getContents().get(0), Platform.class)) {
			DeviceFindings.run(check, new PlatformFacts(platform), new CheckReporter() {
				@Override
				public void report(CheckInfo info, Severity severity, String message, EObject source, EStructuralFeature feature, int index) {
					found.add(message);
				}
			});
		}
		return found;
	}

	private IrqDslResource load(String text) throws IOException {
		XtextResourceSet set = IrqDslInjector.get().getInstance(XtextResourceSet.class);
		IrqDslResource resource = (IrqDslResource) set.createResource(URI.createFileURI(folder.resolve("edited.irqdsl").toString()));
		resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
		return resource;
	}
}
