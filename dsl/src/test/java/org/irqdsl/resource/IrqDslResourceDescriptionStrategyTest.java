package org.irqdsl.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.resource.impl.DefaultResourceDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionStrategy;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.irqdsl.IrqDslStandaloneSetup;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.inject.Injector;

/** The language's export strategy exports exactly what Xtext's default does, walking less. */
class IrqDslResourceDescriptionStrategyTest {

	private static final Injector INJECTOR = new IrqDslStandaloneSetup().createInjectorAndDoEMFRegistration();

	static Stream<Path> examples() throws IOException {
		return ExampleFiles.all().stream();
	}

	@ParameterizedTest
	@MethodSource("examples")
	void exportsWhatTheDefaultExports(Path file) {
		XtextResourceSet set = INJECTOR.getInstance(XtextResourceSet.class);
		Resource resource = set.getResource(URI.createFileURI(file.toAbsolutePath().toString()), true);
		IResourceDescription language = INJECTOR.getInstance(IResourceDescription.Manager.class).getResourceDescription(resource);
		DefaultResourceDescriptionStrategy xtexts = new DefaultResourceDescriptionStrategy();
		INJECTOR.injectMembers(xtexts);
		IResourceDescription defaults = new DefaultResourceDescription(resource, xtexts, IResourceScopeCache.NullImpl.INSTANCE);
		assertThat(exports(language)).isNotEmpty().containsExactlyElementsOf(exports(defaults));
	}

	@Test
	void aDeviceIsWalkedForItsVmdButItsCapabilitiesAreNot() {
		IrqDslResourceDescriptionStrategy strategy = INJECTOR.getInstance(IrqDslResourceDescriptionStrategy.class);
		IrqDslPackage p = IrqDslPackage.eINSTANCE;
		assertThat(strategy.mayHaveNamed(p.getDevice())).isTrue();
		assertThat(strategy.mayHaveNamed(p.getVmd())).isTrue();
		assertThat(strategy.mayHaveNamed(p.getMsiCapability())).isFalse();
		assertThat(strategy.mayHaveNamed(p.getMsixCapability())).isFalse();
	}

	private static List<String> exports(IResourceDescription description) {
		List<String> result = new ArrayList<>();
		for (IEObjectDescription d : description.getExportedObjects()) {
			result.add(d.getQualifiedName() + " " + d.getEClass().getName() + " " + d.getEObjectURI());
		}
		return result;
	}
}
