package org.irqdsl.linking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.irqdsl.IrqDslInjector;
import org.irqdsl.resource.IrqDslResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An element that a partial re-parse replaced is linked alone when it offers references the same
 * targets as before, and then every reference of the file — those into the new element included —
 * points where a full parse's would, with the same findings; any other edit links the file whole.
 */
class IrqDslLinkerTest {

	@TempDir
	Path folder;

	private static final String EXAMPLE = "../examples/x86-noremap-seed001.irqdsl";

	@Test
	void anEditInsideADeviceLinksItAloneAndRepointsTheScenariosThatNameIt() throws IOException {
		String text = Files.readString(Path.of(EXAMPLE));
		// the radeon of the pre-v5.6 platform, which the scenario radeon_torn_update_pre_v5_6 names
		int platform = text.indexOf("platform p8h61_noremap_pre_v5_6");
		int address = text.indexOf("\"01:00.0\"", platform) + 1;
		IrqDslResource kept = load(text);
		EcoreUtil2.resolveLazyCrossReferences(kept, CancelIndicator.NullImpl); // as a build does: the scenario holds the old device
		long mark = kept.replacedElements().mark();

		String edited = text.substring(0, address) + "02" + text.substring(address + 2);
		kept.update(address, 2, "02");

		assertThat(kept.replacedElements().since(mark)).as("linked alone").isPresent();
		assertThat(references(kept)).as("where each reference points (an object no longer in the model: unresolved)")
				.isEqualTo(references(load(edited)));
		assertThat(findings(kept)).isEqualTo(findings(load(edited)));
	}

	@Test
	void renamingADeviceLinksTheFileWhole() throws IOException {
		String text = Files.readString(Path.of(EXAMPLE));
		int platform = text.indexOf("platform p8h61_noremap_pre_v5_6");
		int name = text.indexOf("device radeon ", platform) + "device ".length();
		IrqDslResource kept = load(text);
		long mark = kept.replacedElements().mark();

		String edited = text.substring(0, name) + "radeon2" + text.substring(name + "radeon".length());
		kept.update(name, "radeon".length(), "radeon2");

		assertThat(kept.replacedElements().since(mark)).as("a name changed: linked whole").isEmpty();
		assertThat(findings(kept)).isEqualTo(findings(load(edited))).anyMatch(f -> f.contains("unresolved-reference")
				|| f.contains("Couldn't resolve") || f.contains("radeon"));
	}

	/**
	 * Where every reference points, in the order of a walk of the model, read without resolving
	 * (resolving would mend a reference to an unloaded object by its URI fragment).
	 */
	private static List<String> references(IrqDslResource resource) {
		EcoreUtil2.resolveLazyCrossReferences(resource, CancelIndicator.NullImpl);
		List<String> result = new ArrayList<>();
		for (TreeIterator<EObject> all = resource.getAllContents(); all.hasNext();) {
			EObject object = all.next();
			for (EReference reference : object.eClass().getEAllReferences()) {
				if (!reference.isContainment() && !reference.isContainer() && object.eIsSet(reference)) {
					Object value = object.eGet(reference, false);
					for (Object target : value instanceof List<?> list ? list : List.of(value)) {
						EObject t = (EObject) target;
						result.add(EcoreUtil.getURI(object).fragment() + " " + reference.getName() + " -> "
								+ (t.eIsProxy() ? "unresolved" : EcoreUtil.getURI(t).fragment()));
					}
				}
			}
		}
		return result;
	}

	private static List<String> findings(IrqDslResource resource) {
		return resource.getResourceServiceProvider().getResourceValidator().validate(resource, CheckMode.ALL, CancelIndicator.NullImpl)
				.stream().map(IrqDslLinkerTest::text).sorted().toList();
	}

	private static String text(Issue i) {
		return i.getLineNumber() + ":" + i.getColumn() + ":" + i.getOffset() + "+" + i.getLength() + " " + i.getSeverity() + " ["
				+ i.getCode() + "] " + i.getMessage();
	}

	private IrqDslResource load(String text) throws IOException {
		XtextResourceSet set = IrqDslInjector.get().getInstance(XtextResourceSet.class);
		IrqDslResource resource = (IrqDslResource) set.createResource(URI.createFileURI(folder.resolve("edited.irqdsl").toString()));
		resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
		return resource;
	}
}
