package org.irqdsl.validation;

import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.irqDsl.Scenario;

/** A check over one scenario, given the facts of the platform it runs on. */
public interface ScenarioCheck {

	CheckInfo info();

	void check(Scenario scenario, PlatformFacts platform, CheckReporter reporter);
}
