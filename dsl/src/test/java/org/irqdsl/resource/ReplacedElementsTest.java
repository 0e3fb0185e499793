package org.irqdsl.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.irqdsl.IrqDslInjector;
import org.irqdsl.irqDsl.Domain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a resource says changed since a mark: an element replaced and linked alone is named by its
 * fragment; a change of the model made by anything but parsing (a rename's, a quick fix's) is a
 * whole change, and the exported names are then made afresh, not updated from stale ones.
 */
class ReplacedElementsTest {

	@TempDir
	Path folder;

	@Test
	void aChangeOfTheModelOutsideParsingIsAWholeChange() throws IOException {
		IrqDslResource resource = load(Files.readString(Path.of("../examples/x86-noremap-seed001.irqdsl")));
		EcoreUtil2.resolveLazyCrossReferences(resource, CancelIndicator.NullImpl);
		assertThat(names(resource)).contains("p8h61_noremap.vector").doesNotContain("p8h61_noremap.apic");
		long mark = resource.replacedElements().mark();

		Domain vector = EcoreUtil2.getAllContentsOfType(resource.getContents().get(0), Domain.class).get(0);
		vector.setName("apic");

		assertThat(resource.replacedElements().since(mark)).isEmpty();
		assertThat(names(resource)).contains("p8h61_noremap.apic").doesNotContain("p8h61_noremap.vector");
	}

	@Test
	void anElementReplacedAndLinkedAloneIsNamedByItsFragment() throws IOException {
		String text = Files.readString(Path.of("../examples/x86-noremap-seed001.irqdsl"));
		IrqDslResource resource = load(text);
		long mark = resource.replacedElements().mark();
		int at = text.indexOf("{ msi count 1 64-bit }") + "{ msi count 1".length();

		resource.update(at, 0, " maskable");

		assertThat(resource.replacedElements().since(mark)).hasValueSatisfying(fragments -> assertThat(fragments)
				.hasSize(1).allSatisfy(f -> assertThat(resource.getEObject(f)).isNotNull()));
	}

	private static List<String> names(IrqDslResource resource) {
		Iterable<IEObjectDescription> exported = resource.getResourceServiceProvider().getResourceDescriptionManager()
				.getResourceDescription(resource).getExportedObjects();
		return StreamSupport.stream(exported.spliterator(), false).map(d -> d.getName().toString()).toList();
	}

	private IrqDslResource load(String text) throws IOException {
		XtextResourceSet set = IrqDslInjector.get().getInstance(XtextResourceSet.class);
		IrqDslResource resource = (IrqDslResource) set.createResource(URI.createFileURI(folder.resolve("edited.irqdsl").toString()));
		resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
		return resource;
	}
}
