package org.irqdsl.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.irqdsl.IrqDslStandaloneSetup;
import org.irqdsl.irqDsl.Model;
import org.irqdsl.irqDsl.MsiWrite;
import org.irqdsl.irqDsl.Platform;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.google.inject.Injector;

/**
 * How a device's message is written: its own {@code msi-write}, else its bus's, else the bus
 * type's default; a written default counts as written (the node model is asked only when that can
 * change the answer).
 */
class DevicePathMsiWriteTest {

	private static final Injector INJECTOR = new IrqDslStandaloneSetup().createInjectorAndDoEMFRegistration();

	@ParameterizedTest(name = "{0} bus [{1}], device [{2}] -> {3}")
	@CsvSource(delimiter = '|', value = {
			"pci |                             |                          | CONFIG_WORDS",
			"pci |                             | msi-write config-words   | CONFIG_WORDS",
			"pci |                             | msi-write atomic         | ATOMIC",
			"pci | msi-write atomic            |                          | ATOMIC",
			"pci | msi-write atomic            | msi-write config-words   | CONFIG_WORDS",
			"pci | msi-write config-words      |                          | CONFIG_WORDS",
			"cdx |                             |                          | FIRMWARE_SYNC",
			"cdx |                             | msi-write config-words   | CONFIG_WORDS",
			"cdx | msi-write config-words      |                          | CONFIG_WORDS",
			"cdx | msi-write work-queue        | msi-write config-words   | CONFIG_WORDS",
			"cdx | msi-write work-queue        |                          | WORK_QUEUE",
	})
	void theDevicesOwnThenTheBussesThenTheBusTypesDefault(String type, String busLine, String deviceLine, MsiWrite expected)
			throws IOException {
		String address = type.equals("cdx") ? "00:01" : "00:02.0";
		String text = "platform p {\ncpus 4\ndomain vector : VECTOR { vectors 0x20..0xff }\n"
				+ "bus " + type + " b0 msi-parent vector {\n" + nullToEmpty(busLine) + "\n"
				+ "device d at \"" + address + "\" { msi count 1 " + nullToEmpty(deviceLine) + " }\n}\n}\n";
		XtextResource resource = (XtextResource) INJECTOR.getInstance(XtextResourceSet.class).createResource(URI.createURI("memory:/t.irqdsl"));
		resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
		assertThat(resource.getParseResult().hasSyntaxErrors()).as(text).isFalse();
		Platform platform = (Platform) ((Model) resource.getContents().get(0)).getElements().get(0);
		assertThat(new PlatformFacts(platform).devices()).singleElement().satisfies(path -> assertThat(path.msiWrite()).isEqualTo(expected));
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}
}
