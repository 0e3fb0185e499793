package org.irqdsl.formatting2;

import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.formatting2.AbstractJavaFormatter;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.xbase.lib.Pair;
import org.irqdsl.irqDsl.CpuRange;
import org.irqdsl.irqDsl.EntryRef;
import org.irqdsl.irqDsl.Model;
import org.irqdsl.irqDsl.TopLevel;

/**
 * One layout for every construct: a block written over several lines gets one statement per line
 * indented inside its braces; a block written on one line ({@code { msi count 1 }}) stays on one
 * line; single spaces between words, none around {@code .}, {@code ..}, {@code [ ]}, before
 * {@code ,}; a blank line between platforms and scenarios. Comments are kept.
 */
public class IrqDslFormatter extends AbstractJavaFormatter {

	/** Keywords that open a clause inside the braces of the object that owns them. */
	private static final Set<String> CLAUSE_KEYWORDS = Set.of("vectors", "bus-token", "domain-flags", "chip-mask",
			"affinity-update", "vector-cleanup", "retrigger", "supported", "required", "chip-flags", "select", "prefix",
			"msi-write", "mapping", "bypass", "offset-first-vector", "free-irq");

	protected void format(Model model, IFormattableDocument doc) {
		boolean first = true;
		for (TopLevel element : model.getElements()) {
			if (!first) {
				doc.prepend(element, f -> f.setNewLines(2));
			}
			first = false;
			formatTree(element, doc);
		}
	}

	private void formatTree(EObject object, IFormattableDocument doc) {
		formatTokens(object, doc);
		for (EObject child : object.eContents()) {
			formatTree(child, doc);
		}
	}

	private void formatTokens(EObject object, IFormattableDocument doc) {
		boolean multiline = isMultiline(object);
		for (ISemanticRegion region : regionFor(object).keywords(",")) {
			doc.prepend(region, this::noSpace);
			doc.append(region, this::oneSpace);
		}
		for (ISemanticRegion region : regionFor(object).keywords(".", "..", "[")) {
			doc.surround(region, this::noSpace);
		}
		for (ISemanticRegion region : regionFor(object).keywords("]")) {
			doc.prepend(region, this::noSpace);
		}
		for (Pair<ISemanticRegion, ISemanticRegion> braces : regionFor(object).keywordPairs("{", "}")) {
			doc.prepend(braces.getKey(), this::oneSpace);
			if (multiline) {
				doc.append(braces.getKey(), this::newLine);
				doc.prepend(braces.getValue(), this::newLine);
				doc.interior(braces, this::indent);
			} else {
				doc.append(braces.getKey(), this::oneSpace);
				doc.prepend(braces.getValue(), this::oneSpace);
			}
		}
		EObject container = object.eContainer();
		boolean ownLine = container != null && !(container instanceof Model) && !(object instanceof CpuRange)
				&& !(object instanceof EntryRef) && isMultiline(container);
		if (ownLine) {
			doc.prepend(object, this::newLine);
		}
		boolean afterOpenBrace = false;
		boolean firstRegion = true;
		for (ISemanticRegion region : allSemanticRegions(object)) {
			if (region.getEObjectRegion().getSemanticElement() != object) {
				continue;
			}
			if (firstRegion) {
				firstRegion = false;
				if (ownLine || container instanceof Model || container == null) {
					continue;
				}
			}
			String text = region.getText();
			if (multiline && CLAUSE_KEYWORDS.contains(text) && afterOpenBrace) {
				doc.prepend(region, this::newLine);
			} else if (!NO_SPACE_BEFORE.contains(text) && region.getPreviousSemanticRegion() != null
					&& !NO_SPACE_AFTER.contains(region.getPreviousSemanticRegion().getText())) {
				doc.prepend(region, this::oneSpace);
			}
			afterOpenBrace |= text.equals("{");
		}
	}

	private static final Set<String> NO_SPACE_BEFORE = Set.of(",", ".", "..", "[", "]", "{", "}");
	private static final Set<String> NO_SPACE_AFTER = Set.of("{", ".", "..", "[", ",");
}
