package org.irqdsl.validation;

import org.eclipse.xtext.validation.CheckType;

/** What a check looks at; {@code irqdsl check --list-checks} and SARIF print it. */
public enum CheckKind {
	/** the grammar (the parser) */
	SYNTAX,
	/** names and references (scoping, linking) */
	LINKING,
	/** a whole file (empty, unreadable) */
	FILE,
	/** one platform, given its facts */
	PLATFORM,
	/** one scenario on its platform */
	SCENARIO,
	/** a scenario's simulated verdicts: editors only (CheckType.NORMAL) */
	SIMULATION,
	/** the check configuration: .irqdsl-checks files and irqdsl-ignore comments */
	CONFIG;

	public String label() {
		return name().toLowerCase();
	}

	/**
	 * Whether -W/-E, .irqdsl-checks files and irqdsl-ignore comments may change this kind's findings.
	 * Not for syntax, linking and file findings: a file that cannot be read, parsed or linked is not
	 * checked as written, so hiding why would hide that nothing was checked (like compiler errors,
	 * which clang-tidy's NOLINT does not silence). The language reports them itself, outside the
	 * checks' policy, in every host alike.
	 */
	public boolean configurable() {
		return this != SYNTAX && this != LINKING && this != FILE;
	}

	/** When Xtext runs checks of this kind: simulations only in editors (NORMAL), everything else always (FAST). */
	public CheckType checkType() {
		return this == SIMULATION ? CheckType.NORMAL : CheckType.FAST;
	}
}
