package org.irqdsl.cli;

import org.irqdsl.workspace.SourceFiles;
import org.irqdsl.workspace.WorkspaceChecker;
import org.irqdsl.diagnostics.Finding;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.resource.Resource;
import org.irqdsl.validation.IrqDslChecks;
import org.irqdsl.validation.policy.SeverityPolicy;

/**
 * The .irqdsl files of a generate or simulate run, loaded and checked like {@code irqdsl check}
 * does. Errors that make a description meaningless (syntax, unknown names, malformed platforms or
 * scenarios) stop the command with exit status 2; the hazard checks' errors do not: the simulator
 * shows their race ({@link IrqDslChecks#HAZARDS}).
 */
record LoadedModels(Map<Path, Resource> resources, List<Finding> blocking, List<String> internalErrors) {

	static LoadedModels load(List<Path> files) throws UsageException {
		WorkspaceChecker checker = org.irqdsl.IrqDslInjector.get().getInstance(WorkspaceChecker.class);
		WorkspaceChecker.Checked checked = checker.checkKeeping(files, new SourceFiles(8L << 20),
				SeverityPolicy.NONE);
		List<Finding> blocking = checked.result().findings().stream()
				.filter(f -> f.isError() && !IrqDslChecks.isHazard(f.id())).toList();
		return new LoadedModels(checked.resources(), blocking, checked.result().internalErrors());
	}

	/** Prints why the command stops; true when it must (exit 2, or 3 for an internal error). */
	boolean report(String command, PrintWriter err) {
		blocking.forEach(f -> err.println(Printable.line(f.toText())));
		internalErrors.forEach(e -> err.println("irqdsl " + command + ": " + e));
		if (!blocking.isEmpty()) {
			err.println("irqdsl " + command + ": " + blocking.size() + " error" + (blocking.size() == 1 ? "" : "s")
					+ " in the input: nothing " + (command.equals("generate") ? "written" : "simulated"));
		}
		return !blocking.isEmpty() || !internalErrors.isEmpty();
	}
}
