package org.irqdsl.validation;

import java.util.Map;
import java.util.Optional;

import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.GrammarUtil;
import org.irqdsl.runtime.kernel.KernelGlossary.Category;

/** Which kind of kernel name each position of the grammar takes (after `supported`, `bus-token`...). */
public final class KernelNamePositions {

	private static final Map<String, Category> FEATURES = Map.of(
			"supported", Category.MSI_FLAG,
			"required", Category.MSI_FLAG,
			"chipFlags", Category.CHIP_FLAG,
			"busSelectToken", Category.BUS_TOKEN,
			"busToken", Category.BUS_TOKEN,
			"busSelectMask", Category.SELECT_MASK,
			"domainFlags", Category.DOMAIN_FLAG);

	private KernelNamePositions() {
	}

	/** The category of names an assignment of the grammar takes, if it takes kernel names. */
	public static Optional<Category> of(Assignment assignment) {
		if (assignment == null) {
			return Optional.empty();
		}
		if ("kind".equals(assignment.getFeature())) {
			return "Domain".equals(GrammarUtil.containingParserRule(assignment).getName()) ? Optional.of(Category.DOMAIN_KIND)
					: Optional.empty();
		}
		return Optional.ofNullable(FEATURES.get(assignment.getFeature()));
	}
}
