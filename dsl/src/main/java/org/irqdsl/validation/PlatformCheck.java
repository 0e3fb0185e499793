package org.irqdsl.validation;

import org.irqdsl.analysis.PlatformFacts;

/** A check over one platform, given its computed facts. */
public interface PlatformCheck {

	CheckInfo info();

	void check(PlatformFacts platform, CheckReporter reporter);
}
