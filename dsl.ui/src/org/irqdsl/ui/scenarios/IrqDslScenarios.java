package org.irqdsl.ui.scenarios;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;
import org.irqdsl.runtime.sim.Limits;
import org.irqdsl.simulation.IrqDslScenarioRunner;
import org.irqdsl.simulation.ScenarioRun;
import org.irqdsl.ui.IrqDslLanguage;
import org.irqdsl.ui.IrqDslLanguage.Parsed;
import org.irqdsl.validation.IrqDslChecks;

/**
 * Runs a file's scenarios in the simulator (dsl's {@link IrqDslScenarioRunner}, as
 * {@code irqdsl simulate} does) and writes the report: each expectation's verdict, and the
 * interleaving that shows it.
 */
public final class IrqDslScenarios {

	private IrqDslScenarios() {
	}

	/** The report of running the scenarios of {@code text} (the file at {@code location}), as the console shows it. */
	public static String report(String name, Path location, String text, IProgressMonitor monitor) {
		Parsed parsed = IrqDslLanguage.parse(location, text);
		List<String> errors = new ArrayList<>();
		for (Issue issue : parsed.validate(() -> monitor != null && monitor.isCanceled())) {
			String id = IrqDslChecks.idOf(issue);
			if (issue.getSeverity() == Severity.ERROR && (id.equals(IrqDslChecks.SYNTAX.id()) || id.equals(IrqDslChecks.UNRESOLVED_REFERENCE.id()))) {
				errors.add(name + ":" + issue.getLineNumber() + ":" + issue.getColumn() + ": error: " + issue.getMessage() + " [" + id + "]");
			}
		}
		StringBuilder out = new StringBuilder();
		if (!errors.isEmpty()) {
			errors.forEach(e -> out.append(e).append('\n'));
			out.append(name).append(": not simulated: fix the errors above first.\n");
			return out.toString();
		}
		List<ScenarioRun> runs = new ArrayList<>();
		for (var scenario : IrqDslScenarioRunner.scenarios(parsed.resource())) {
			if (monitor != null && monitor.isCanceled()) {
				out.append("cancelled\n");
				break;
			}
			if (monitor != null) {
				monitor.subTask(scenario.getName());
			}
			ScenarioRun run = IrqDslScenarioRunner.run(scenario, Limits.DEFAULT, progress -> {
			});
			runs.add(run);
			out.append(run.text()).append('\n');
		}
		long holding = runs.stream().filter(ScenarioRun::allHold).count();
		long notSimulated = runs.stream().filter(r -> r.result().isEmpty()).count();
		long failing = runs.size() - holding - notSimulated;
		out.append(name).append(": ").append(runs.size()).append(runs.size() == 1 ? " scenario" : " scenarios").append(": ")
				.append(holding).append(" holding, ").append(failing).append(" failing or incomplete, ").append(notSimulated)
				.append(" not simulated.\n");
		return out.toString();
	}

	static CancelIndicator never() {
		return CancelIndicator.NullImpl;
	}
}
