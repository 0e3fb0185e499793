package org.irqdsl.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.irqdsl.IrqDslStandaloneSetup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.inject.Injector;

/** The language's fragments are EMF's own, for every object of every example, and resolve back to it. */
class IrqDslFragmentProviderTest {

	private static final Injector INJECTOR = new IrqDslStandaloneSetup().createInjectorAndDoEMFRegistration();

	static Stream<Path> examples() throws IOException {
		return ExampleFiles.all().stream();
	}

	@ParameterizedTest
	@MethodSource("examples")
	void fragmentsAreEmfsOwnAndResolve(Path file) throws IOException {
		XtextResourceSet set = INJECTOR.getInstance(XtextResourceSet.class);
		XtextResource resource = (XtextResource) set.getResource(URI.createFileURI(file.toAbsolutePath().toString()), true);
		assertThat(resource.getFragmentProvider()).isInstanceOf(IrqDslFragmentProvider.class);
		List<EObject> all = new ArrayList<>();
		resource.getAllContents().forEachRemaining(all::add);
		assertThat(all).hasSizeGreaterThan(5);
		for (EObject object : all) {
			String fragment = resource.getURIFragment(object);
			assertThat(fragment).isEqualTo(emfFragmentOf(object));
			assertThat(resource.getEObject(fragment)).isSameAs(object);
		}
		// asking in reverse order (a list rebuilt, not walked in order) gives the same answers
		for (int i = all.size() - 1; i >= 0; i--) {
			assertThat(resource.getURIFragment(all.get(i))).isEqualTo(emfFragmentOf(all.get(i)));
		}
	}

	/** EMF's path fragment, segment by segment with EMF's own eURIFragmentSegment. */
	private static String emfFragmentOf(EObject object) {
		InternalEObject o = (InternalEObject) object;
		List<String> segments = new ArrayList<>();
		while (o.eInternalContainer() != null) {
			segments.add(0, o.eInternalContainer().eURIFragmentSegment(o.eContainingFeature(), o));
			o = o.eInternalContainer();
		}
		int root = o.eResource().getContents().indexOf(o);
		segments.add(0, o.eResource().getContents().size() > 1 ? Integer.toString(root) : "");
		return "/" + String.join("/", segments);
	}
}
