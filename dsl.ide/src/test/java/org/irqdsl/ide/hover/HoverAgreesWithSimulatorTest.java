package org.irqdsl.ide.hover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.irqdsl.IrqDslStandaloneSetup;
import org.irqdsl.generator.GeneratedSimConfig;
import org.irqdsl.generator.IrqDslSimConfigGenerator;
import org.irqdsl.irqDsl.Device;
import org.irqdsl.irqDsl.Scenario;
import org.irqdsl.runtime.sim.config.DeviceSpec;
import org.junit.jupiter.api.Test;

import com.google.inject.Injector;

/**
 * The hover and the simulator read a device's procedure in effect from one place (DevicePath): for
 * every device of every example scenario, the hover names the procedure and keyword the simulator
 * config runs.
 */
class HoverAgreesWithSimulatorTest {

	private static final Injector INJECTOR = new IrqDslStandaloneSetup().createInjectorAndDoEMFRegistration();

	@Test
	void hoverAndSimulatorConfigNameTheSameProcedureForEveryDeviceOfEveryExample() throws IOException {
		List<String> compared = new ArrayList<>();
		Map<Path, List<Path>> folders;
		try (Stream<Path> walk = Files.walk(Path.of("../examples"))) {
			folders = walk.filter(p -> p.toString().endsWith(".irqdsl")).collect(Collectors.groupingBy(Path::getParent));
		}
		for (List<Path> files : folders.values()) {
			XtextResourceSet set = INJECTOR.getInstance(XtextResourceSet.class);
			files.forEach(f -> set.getResource(URI.createFileURI(f.toAbsolutePath().toString()), true));
			EcoreUtil.resolveAll(set);
			for (Resource r : List.copyOf(set.getResources())) {
				for (Scenario s : EcoreUtil2.getAllContentsOfType(r.getContents().get(0), Scenario.class)) {
					GeneratedSimConfig g = IrqDslSimConfigGenerator.generate(s);
					if (g.config().isEmpty()) {
						continue;
					}
					for (DeviceSpec spec : g.config().get().devices()) {
						Device device = EcoreUtil2.getAllContentsOfType(s.getPlatform(), Device.class).stream()
								.filter(d -> d.getName().equals(spec.name())).findFirst().orElseThrow();
						String hover = IrqDslHoverService.deviceHover(device);
						String where = r.getURI().lastSegment() + " " + s.getName() + " " + spec.name();
						assertThat(hover).as(where).contains("affinity-update: procedure `" + spec.procedure().name() + "`");
						int keyword = hover.indexOf("(keyword `");
						if (keyword >= 0) {
							// a keyword's procedure: the simulator runs that keyword's strategy
							String named = hover.substring(keyword + 10, hover.indexOf('`', keyword + 10));
							assertThat(named).as(where).isEqualTo(spec.affinityUpdate().jsonName());
						}
						compared.add(where);
					}
				}
			}
		}
		assertThat(compared).as("devices compared").hasSizeGreaterThan(10);
	}
}
