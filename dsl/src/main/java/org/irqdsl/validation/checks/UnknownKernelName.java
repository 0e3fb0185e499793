package org.irqdsl.validation.checks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.irqDsl.Domain;
import org.irqdsl.irqDsl.IrqDslPackage;
import org.irqdsl.irqDsl.MsiParentOps;
import org.irqdsl.runtime.kernel.BusSelectMatch;
import org.irqdsl.runtime.kernel.DomainBusToken;
import org.irqdsl.runtime.kernel.DomainKind;
import org.irqdsl.runtime.kernel.IrqDomainFlag;
import org.irqdsl.runtime.kernel.KernelName;
import org.irqdsl.runtime.kernel.MsiChipFlag;
import org.irqdsl.runtime.kernel.MsiFlag;
import org.irqdsl.validation.FixableCheck;
import org.irqdsl.validation.KernelNamePositions;
import org.irqdsl.validation.QuickFix;
import org.irqdsl.runtime.kernel.KernelGlossary;
import org.irqdsl.validation.CheckInfo;
import org.irqdsl.validation.CheckReporter;
import org.irqdsl.validation.PlatformCheck;

/** Every kernel name in a platform must be one of the kernel's, of the kind its position expects. */
public final class UnknownKernelName implements PlatformCheck, FixableCheck {

	public static final CheckInfo INFO = CheckInfo.error("unknown-kernel-name", "Not a kernel name of the expected kind",
			"include/linux/msi.h, include/linux/irqdomain_defs.h, include/linux/irqdomain.h, include/linux/irqchip/irq-msi-lib.h",
			"""
			Flags, tokens and masks are written with the kernel's names: MSI_FLAG_* (or \
			MSI_GENERIC_FLAGS_MASK) after `supported` and `required`, MSI_CHIP_FLAG_* after \
			`chip-flags`, DOMAIN_BUS_* after `bus-token`, MATCH_* after `select`, IRQ_DOMAIN_FLAG_* \
			after `domain-flags`, and a domain kind (VECTOR, DMAR, AMDVI, GIC_ITS, GICv2m, IMSIC, \
			APLIC, NEXUS, PCI_MSI, VMD_MSI, CDX_MSI) after `:`. Names removed from the kernel \
			(MSI_FLAG_NOMASK_QUIRK, MSI_FLAG_PCI_IMS, DOMAIN_BUS_PCI_DEVICE_IMS) are not accepted.""");

	@Override
	public CheckInfo info() {
		return INFO;
	}

	@Override
	public void check(PlatformFacts platform, CheckReporter reporter) {
		for (Domain d : platform.platform().getDomains()) {
			one(reporter, d, IrqDslPackage.Literals.DOMAIN__KIND, d.getKind(), "a domain kind", DomainKind::byName, DomainKind.values());
			if (d.getBusToken() != null) {
				one(reporter, d, IrqDslPackage.Literals.DOMAIN__BUS_TOKEN, d.getBusToken(), "a DOMAIN_BUS_* token",
						DomainBusToken::byName, DomainBusToken.values());
			}
			list(reporter, d, IrqDslPackage.Literals.DOMAIN__DOMAIN_FLAGS, d.getDomainFlags(), "an IRQ_DOMAIN_FLAG_*",
					IrqDomainFlag::byName, IrqDomainFlag.values());
			MsiParentOps ops = d.getOps();
			if (ops == null) {
				continue;
			}
			Function<String, Optional<? extends KernelName>> msiFlag = name -> MsiFlag.GENERIC_FLAGS_MASK_NAME.equals(name)
					? Optional.of(MsiFlag.MSI_FLAG_USE_DEF_DOM_OPS)
					: MsiFlag.byName(name);
			list(reporter, ops, IrqDslPackage.Literals.MSI_PARENT_OPS__SUPPORTED, ops.getSupported(), "an MSI_FLAG_*", msiFlag, MsiFlag.values());
			list(reporter, ops, IrqDslPackage.Literals.MSI_PARENT_OPS__REQUIRED, ops.getRequired(), "an MSI_FLAG_*", msiFlag, MsiFlag.values());
			list(reporter, ops, IrqDslPackage.Literals.MSI_PARENT_OPS__CHIP_FLAGS, ops.getChipFlags(), "an MSI_CHIP_FLAG_*",
					MsiChipFlag::byName, MsiChipFlag.values());
			if (ops.getBusSelectToken() != null) {
				one(reporter, ops, IrqDslPackage.Literals.MSI_PARENT_OPS__BUS_SELECT_TOKEN, ops.getBusSelectToken(),
						"a DOMAIN_BUS_* token", DomainBusToken::byName, DomainBusToken.values());
			}
			list(reporter, ops, IrqDslPackage.Literals.MSI_PARENT_OPS__BUS_SELECT_MASK, ops.getBusSelectMask(), "a MATCH_* mask",
					BusSelectMatch::byName, BusSelectMatch.values());
		}
	}

	private void one(CheckReporter reporter, EObject owner, EStructuralFeature feature, String name, String expected,
			Function<String, Optional<? extends KernelName>> lookup, KernelName[] candidates) {
		if (name != null && lookup.apply(name).isEmpty()) {
			reporter.report(INFO, message(name, expected, candidates), owner, feature, -1);
		}
	}

	private void list(CheckReporter reporter, EObject owner, EStructuralFeature feature, List<String> names,
			String expected, Function<String, Optional<? extends KernelName>> lookup, KernelName[] candidates) {
		for (int i = 0; i < names.size(); i++) {
			if (lookup.apply(names.get(i)).isEmpty()) {
				reporter.report(INFO, message(names.get(i), expected, candidates), owner, feature, i);
			}
		}
	}

	private static String message(String name, String expected, KernelName[] candidates) {
		String other = whatElse(name);
		String list = Arrays.stream(candidates).map(KernelName::kernelName).collect(Collectors.joining(", "));
		if (list.length() > 160) {
			list = Arrays.stream(candidates).map(KernelName::kernelName).filter(c -> shareWord(c, name)).limit(6)
					.collect(Collectors.joining(", "));
			list = list.isEmpty() ? "see docs/checks.md" : "e.g. " + list;
		}
		return "'" + name + "' is " + (other == null ? "not a kernel name" : other) + "; expected " + expected + " (" + list + ")";
	}

	private static boolean shareWord(String candidate, String name) {
		return Stream.of(name.split("_")).filter(w -> w.length() > 2 && !w.equals("MSI") && !w.equals("FLAG")
				&& !w.equals("DOMAIN") && !w.equals("BUS")).anyMatch(candidate::contains);
	}

	/** Names the kind of a known name used in the wrong place. */
	private static String whatElse(String name) {
		if (MsiFlag.maskOf(name).isPresent()) {
			return "an MSI flag";
		}
		if (DomainBusToken.byName(name).isPresent()) {
			return "a bus token";
		}
		if (BusSelectMatch.byName(name).isPresent()) {
			return "a select mask";
		}
		if (IrqDomainFlag.byName(name).isPresent()) {
			return "an irq-domain flag";
		}
		if (MsiChipFlag.byName(name).isPresent()) {
			return "a chip flag";
		}
		if (DomainKind.byName(name).isPresent()) {
			return "a domain kind";
		}
		return null;
	}

	/** Replace an unknown name by the nearest name of the kind its position takes. */
	@Override
	public List<QuickFix> fixes(EObject source, int offset) {
		org.eclipse.xtext.nodemodel.ILeafNode leaf = org.eclipse.xtext.nodemodel.util.NodeModelUtils
				.findLeafNodeAtOffset(org.eclipse.xtext.nodemodel.util.NodeModelUtils.getNode(source).getRootNode(), offset);
		if (leaf == null) {
			return List.of();
		}
		// the leaf is the ID inside the KernelName datatype rule: the assignment is on an enclosing node
		org.eclipse.xtext.Assignment assignment = null;
		for (org.eclipse.xtext.nodemodel.INode node = leaf; node != null && assignment == null; node = node.getParent()) {
			assignment = node.getGrammarElement() == null ? null : org.eclipse.xtext.GrammarUtil.containingAssignment(node.getGrammarElement());
		}
		Optional<KernelGlossary.Category> category = KernelNamePositions.of(assignment);
		if (category.isEmpty()) {
			return List.of();
		}
		String written = leaf.getText();
		return KernelGlossary.names(category.get()).stream().map(KernelName::kernelName)
				.sorted(java.util.Comparator.comparingInt((String n) -> distance(written, n)).thenComparing(n -> n)).limit(3)
				.filter(n -> distance(written, n) <= Math.max(3, written.length() / 3))
				.map(n -> QuickFix.replace("Change to " + n, leaf.getOffset(), leaf.getLength(), n)).toList();
	}

	/** Levenshtein distance, case-insensitive. */
	static int distance(String a, String b) {
		a = a.toUpperCase();
		b = b.toUpperCase();
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] t = previous;
			previous = current;
			current = t;
		}
		return previous[b.length()];
	}
}
