package org.irqdsl.validation;

import org.irqdsl.analysis.PlatformFacts;

/** A check over one platform, given its computed facts. */
public interface PlatformCheck {

	CheckInfo info();

	/** Every id this check reports under (it runs when one of them is enabled). */
	default java.util.List<CheckInfo> reports() {
		return java.util.List.of(info());
	}

	void check(PlatformFacts platform, CheckReporter reporter);
}
