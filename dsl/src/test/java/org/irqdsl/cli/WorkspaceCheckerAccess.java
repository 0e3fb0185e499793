package org.irqdsl.cli;

import org.eclipse.xtext.validation.Issue;

/** Lets tests map a diagnostic to its printed id exactly as the command line does. */
public final class WorkspaceCheckerAccess {

	private WorkspaceCheckerAccess() {
	}

	public static String idOf(Issue issue) {
		return WorkspaceChecker.idOf(issue);
	}
}
