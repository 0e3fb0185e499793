package org.irqdsl.ide;

import org.irqdsl.cli.IrqDslCli;

/** Entry point of the irqdsl executable jar: the language's commands plus the editor-side ones. */
public final class IrqDslMain {

	private IrqDslMain() {
	}

	public static void main(String[] args) {
		System.exit(IrqDslCli.commandLine().execute(args));
	}
}
