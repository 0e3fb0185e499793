package org.irqdsl.ui;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;

/** The bundle: logging; the language itself lives in {@link IrqDslLanguage}. */
public class IrqDslActivator extends AbstractUIPlugin {

	public static final String PLUGIN_ID = "org.irqdsl.ui";

	private static IrqDslActivator instance;

	private org.irqdsl.ui.markers.IrqDslWorkspaceChecker checker;

	@Override
	public void start(BundleContext context) throws Exception {
		super.start(context);
		instance = this;
		checker = new org.irqdsl.ui.markers.IrqDslWorkspaceChecker();
		checker.start();
	}

	@Override
	public void stop(BundleContext context) throws Exception {
		if (checker != null) {
			checker.stop();
		}
		instance = null;
		super.stop(context);
	}

	/** Checks the files no editor has open. */
	public org.irqdsl.ui.markers.IrqDslWorkspaceChecker getChecker() {
		return checker;
	}

	public static IrqDslActivator getDefault() {
		return instance;
	}

	/** Logs an unexpected failure of the plugin (never shown as a stack trace in a dialog). */
	public static void log(String message, Throwable error) {
		IStatus status = new Status(IStatus.ERROR, PLUGIN_ID, message, error);
		if (instance != null) {
			ILog.of(instance.getBundle()).log(status);
		} else {
			System.err.println(message + (error == null ? "" : ": " + error));
		}
	}
}
