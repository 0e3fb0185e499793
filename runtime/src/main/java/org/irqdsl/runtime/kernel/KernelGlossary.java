package org.irqdsl.runtime.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every kernel name the language knows, with its meaning: the one table behind the checks'
 * documentation, completion and hover.
 */
public final class KernelGlossary {

	/** Where in the language a kind of name is written. */
	public enum Category {
		MSI_FLAG, CHIP_FLAG, BUS_TOKEN, SELECT_MASK, DOMAIN_FLAG, DOMAIN_KIND
	}

	private static final Map<String, KernelName> BY_NAME = new LinkedHashMap<>();
	private static final Map<Category, List<KernelName>> BY_CATEGORY = new LinkedHashMap<>();

	static {
		List<KernelName> msiFlags = new ArrayList<>();
		msiFlags.add(new Entry(MsiFlag.GENERIC_FLAGS_MASK_NAME, MsiFlag.GENERIC_FLAGS_MASK_MEANING + " (include/linux/msi.h)"));
		msiFlags.addAll(List.of(MsiFlag.values()));
		register(Category.MSI_FLAG, msiFlags);
		register(Category.CHIP_FLAG, List.of(MsiChipFlag.values()));
		register(Category.BUS_TOKEN, List.of(DomainBusToken.values()));
		register(Category.SELECT_MASK, List.of(BusSelectMatch.values()));
		register(Category.DOMAIN_FLAG, List.of(IrqDomainFlag.values()));
		register(Category.DOMAIN_KIND, List.of(DomainKind.values()));
	}

	private record Entry(String kernelName, String meaning) implements KernelName {
	}

	private KernelGlossary() {
	}

	private static void register(Category category, List<? extends KernelName> names) {
		BY_CATEGORY.put(category, List.copyOf(names));
		for (KernelName n : names) {
			BY_NAME.putIfAbsent(n.kernelName(), n);
		}
	}

	public static Optional<KernelName> lookup(String name) {
		return Optional.ofNullable(BY_NAME.get(name));
	}

	public static List<KernelName> names(Category category) {
		return BY_CATEGORY.get(category);
	}
}
