package org.irqdsl.ide.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IReferenceDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.irqdsl.IrqDslInjector;
import org.irqdsl.resource.IrqDslResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resource re-parsed where it was edited gives the findings a full parse of the new text gives,
 * on chains of random edits of every example (numbers changed, names changed, lines deleted,
 * duplicated or commented, tokens inserted); and the partial path is really taken for most edits
 * that leave the text without a syntax error. Where only the edited element was linked (most
 * edits), the index entry made from the previous one equals the entry of a full parse.
 */
class IncrementalReparseBuilderTest {

	private static final long SEED = 20261203L;
	private static final int EDITS_PER_EXAMPLE = 30;

	@TempDir
	Path folder;

	@Test
	void aPartialReparseGivesTheFindingsOfAFullParse() throws IOException {
		Random random = new Random(SEED);
		List<String> mismatches = new ArrayList<>();
		int partial = 0;
		int whole = 0;
		int wholeWithoutSyntaxError = 0;
		int linkedAlone = 0;
		for (String seed : examples()) {
			String text = seed;
			XtextResource kept = load(text);
			IResourceDescription entry = entry(kept, null);
			for (int i = 0; i < EDITS_PER_EXAMPLE; i++) {
				PendingEdits.Edit edit = RandomEdits.next(text, random);
				String next = RandomEdits.apply(text, edit);
				XtextResource full = load(next);
				long mark = ((IrqDslResource) kept).replacedElements().mark();
				if (IncrementalReparseBuilder.reparsed(kept, new PendingEdits.Pending(List.of(edit), next))) {
					partial++;
					if (((IrqDslResource) kept).replacedElements().since(mark).isPresent()) {
						linkedAlone++;
					}
					List<String> got = findings(kept);
					List<String> want = findings(full);
					if (!got.equals(want)) {
						mismatches.add(edit + " on\n" + text + "\n  partial: " + got + "\n  full:    " + want);
					}
					List<String> gotLive = describe(kept.getResourceServiceProvider().getResourceDescriptionManager().getResourceDescription(kept));
					List<String> wantLive = describe(full.getResourceServiceProvider().getResourceDescriptionManager().getResourceDescription(full));
					if (!gotLive.equals(wantLive)) {
						mismatches.add(edit + " on\n" + text + "\n  description: " + gotLive + "\n  whole:       " + wantLive);
					}
					entry = entry(kept, entry);
					List<String> gotEntry = describe(entry);
					List<String> wantEntry = describe(entry(full, null));
					if (!gotEntry.equals(wantEntry)) {
						mismatches.add(edit + " on\n" + text + "\n  index entry: " + gotEntry + "\n  whole:       " + wantEntry);
					}
				} else {
					whole++;
					if (!full.getParseResult().hasSyntaxErrors() && full.getErrors().isEmpty()) {
						wholeWithoutSyntaxError++;
					}
					kept = full;
					entry = entry(kept, null);
				}
				text = next;
				if (full.getParseResult().hasSyntaxErrors()) { // the user undoes it: back to the example, parsed whole
					text = seed;
					kept = load(text);
					entry = entry(kept, null);
				}
			}
		}
		assertThat(mismatches).as("partial re-parses whose findings differ from a full parse's").isEmpty();
		System.out.printf("IncrementalReparseBuilderTest: %d edits re-parsed partially (%d of them linked alone), %d whole (%d of those without a syntax error)%n",
				partial, linkedAlone, whole, wholeWithoutSyntaxError);
		assertThat(linkedAlone).as("partial re-parses whose element was linked alone (of %d)", partial).isGreaterThan(partial / 2);
		assertThat(partial).as("edits re-parsed partially (%d parsed whole)", whole).isGreaterThan(100);
		assertThat(wholeWithoutSyntaxError).as("edits without a syntax error parsed whole (%d partially)", partial)
				.isLessThan(partial / 10);
	}

	@Test
	void editsForAnotherTextAreRefusedAndTheResourceIsParsedWhole() throws IOException {
		String text = examples().get(0);
		XtextResource kept = load(text);
		assertThat(IncrementalReparseBuilder.reparsed(kept, new PendingEdits.Pending(List.of(new PendingEdits.Edit(0, 0, " ")), "other text")))
				.isFalse();
		assertThat(IncrementalReparseBuilder.reparsed(load(text),
				new PendingEdits.Pending(List.of(new PendingEdits.Edit(text.length() + 10, 1, "x")), text))).isFalse();
		assertThat(IncrementalReparseBuilder.reparsed(load(text), new PendingEdits.Pending(List.of(), text)))
				.as("a whole-text change").isFalse();
	}

	@Test
	void anEditThatBreaksTheSyntaxIsParsedWhole() throws IOException {
		String text = examples().get(0);
		int brace = text.indexOf('{');
		String broken = text.substring(0, brace) + text.substring(brace + 1);
		assertThat(IncrementalReparseBuilder.reparsed(load(text), new PendingEdits.Pending(List.of(new PendingEdits.Edit(brace, 1, "")), broken)))
				.isFalse();
	}

	private XtextResource load(String text) throws IOException {
		XtextResourceSet set = IrqDslInjector.get().getInstance(XtextResourceSet.class);
		XtextResource resource = (XtextResource) set.createResource(URI.createFileURI(folder.resolve("edited.irqdsl").toString()));
		resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
		return resource;
	}

	/** The index entry the language server makes of the resource, from its previous one. */
	private static IResourceDescription entry(XtextResource resource, IResourceDescription previous) {
		return IncrementalIndexer.snapshots(resource).of(resource, previous);
	}

	private static List<String> describe(IResourceDescription entry) {
		List<String> lines = new ArrayList<>();
		for (IEObjectDescription d : entry.getExportedObjects()) {
			lines.add("export " + d.getQualifiedName() + " " + d.getEClass().getName() + " " + d.getEObjectURI()
					+ " " + List.of(d.getUserDataKeys()));
		}
		for (IReferenceDescription d : entry.getReferenceDescriptions()) {
			lines.add("reference " + d.getSourceEObjectUri() + " -> " + d.getTargetEObjectUri() + " " + d.getEReference().getName()
					+ " " + d.getIndexInList() + " in " + d.getContainerEObjectURI());
		}
		for (QualifiedName name : entry.getImportedNames()) {
			lines.add("imports " + name);
		}
		return lines;
	}

	private static List<String> findings(XtextResource resource) {
		IResourceValidator validator = resource.getResourceServiceProvider().getResourceValidator();
		return validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl).stream().map(IncrementalReparseBuilderTest::text).sorted()
				.toList();
	}

	private static String text(Issue i) {
		return i.getLineNumber() + ":" + i.getColumn() + ":" + i.getOffset() + "+" + i.getLength() + " " + i.getSeverity() + " ["
				+ i.getCode() + "] " + i.getMessage();
	}

	static List<String> examples() throws IOException {
		try (Stream<Path> walk = Files.walk(Path.of("../examples"))) {
			List<String> texts = new ArrayList<>();
			for (Path p : walk.filter(p -> p.toString().endsWith(".irqdsl")).sorted().toList()) {
				texts.add(Files.readString(p));
			}
			assertThat(texts).hasSizeGreaterThan(5);
			return texts;
		}
	}
}
