package org.irqdsl.ui.scenarios;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.IConsoleManager;
import org.eclipse.ui.console.MessageConsole;
import org.eclipse.ui.console.MessageConsoleStream;
import org.eclipse.ui.handlers.HandlerUtil;
import org.irqdsl.ui.IrqDslActivator;
import org.irqdsl.ui.editor.IrqDslEditor;

/**
 * Run irqdsl Scenarios (editor and Project Explorer context menus, Ctrl+Alt+R in the editor): the
 * file's scenarios in the simulator, in a job; verdicts and traces in the "irqdsl scenarios" console.
 */
public class IrqDslRunScenariosHandler extends AbstractHandler {

	public static final String COMMAND_ID = "org.irqdsl.ui.runScenarios";
	public static final String CONSOLE_NAME = "irqdsl scenarios";

	@Override
	public Object execute(ExecutionEvent event) {
		IEditorPart editor = HandlerUtil.getActiveEditor(event);
		ISelection selection = HandlerUtil.getCurrentSelection(event);
		String name;
		Path location;
		String text;
		if (selection instanceof IStructuredSelection s && s.getFirstElement() instanceof IFile file
				&& !(HandlerUtil.getActivePart(event) instanceof IrqDslEditor)) {
			name = file.getFullPath().makeRelative().toString();
			location = file.getLocation() == null ? null : file.getLocation().toPath();
			try {
				text = new String(file.readAllBytes(), StandardCharsets.UTF_8);
			} catch (CoreException e) {
				console().newMessageStream().println(name + ": cannot be read: " + e.getStatus().getMessage());
				return null;
			}
		} else if (editor instanceof IrqDslEditor irqdsl) {
			name = irqdsl.getFile() != null ? irqdsl.getFile().getFullPath().makeRelative().toString() : irqdsl.getTitle();
			location = irqdsl.getLocation();
			text = irqdsl.getDocument().get();
		} else {
			return null;
		}
		run(name, location, text);
		return null;
	}

	/** Runs the scenarios in a job, printing into the console; returns the job. */
	public static Job run(String name, Path location, String text) {
		MessageConsole console = console();
		console.clearConsole();
		ConsolePlugin.getDefault().getConsoleManager().showConsoleView(console);
		Job job = Job.create("Running the scenarios of " + name, (IProgressMonitor monitor) -> {
			try (MessageConsoleStream out = console.newMessageStream()) {
				out.println("irqdsl: running the scenarios of " + name + " (every interleaving)");
				out.println();
				out.print(IrqDslScenarios.report(name, location, text, monitor));
			} catch (IOException | RuntimeException e) {
				IrqDslActivator.log("running the scenarios of " + name + " failed", e);
				return new Status(IStatus.ERROR, IrqDslActivator.PLUGIN_ID, "running the scenarios of " + name + " failed: " + e);
			}
			return Status.OK_STATUS;
		});
		job.setUser(true);
		job.schedule();
		return job;
	}

	/** The console the reports go to (created on first use). */
	public static MessageConsole console() {
		IConsoleManager manager = ConsolePlugin.getDefault().getConsoleManager();
		for (IConsole c : manager.getConsoles()) {
			if (CONSOLE_NAME.equals(c.getName()) && c instanceof MessageConsole m) {
				return m;
			}
		}
		MessageConsole console = new MessageConsole(CONSOLE_NAME, null);
		manager.addConsoles(new IConsole[] { console });
		return console;
	}
}
