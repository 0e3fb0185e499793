package org.irqdsl.validation;

import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.irqDsl.Scenario;

/** A check over one scenario, given the facts of the platform it runs on. */
public interface ScenarioCheck {

	CheckInfo info();

	/** Every id this check reports under (it runs when one of them is enabled). */
	default java.util.List<CheckInfo> reports() {
		return java.util.List.of(info());
	}

	void check(Scenario scenario, PlatformFacts platform, CheckReporter reporter);
}
