package org.irqdsl.ide;

import org.irqdsl.cli.IrqDslCli;
import org.irqdsl.ide.server.LspCommand;

/** Entry point of the irqdsl executable jar: the language's commands plus the editor-side ones. */
public final class IrqDslMain {

	private IrqDslMain() {
	}

	public static void main(String[] args) {
		int status = IrqDslCli.commandLine(new LspCommand()).execute(args);
		System.exit(status);
	}
}
