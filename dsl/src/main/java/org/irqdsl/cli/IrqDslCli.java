package org.irqdsl.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code irqdsl} command: one executable, a subcommand per job. */
@Command(name = "irqdsl", mixinStandardHelpOptions = true, versionProvider = IrqDslCli.Version.class,
		description = "Interrupt-delivery workbench: check .irqdsl platform descriptions for MSI and irq-domain hazards, and simulate their scenarios.",
		subcommands = { CheckCommand.class, ImportCommand.class, GenerateCommand.class, SimulateCommand.class,
				org.irqdsl.qemu.QemuCommand.class, ResidentCommand.class })
public class IrqDslCli implements Runnable {

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
	}

	/** Builds the command line; {@code extra} adds subcommands from modules above this one (the language server). */
	public static CommandLine commandLine(Object... extra) {
		CommandLine cli = new CommandLine(new IrqDslCli());
		for (Object sub : extra) {
			cli.addSubcommand(sub);
		}
		// exit 2 for usage errors; never a stack trace for anything else
		cli.setExitCodeExceptionMapper(e -> 2);
		cli.setParameterExceptionHandler((ex, args) -> {
			PrintWriter err = Printable.writer(ex.getCommandLine().getErr());
			err.println("irqdsl: " + ex.getMessage());
			err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
			err.flush();
			return 2;
		});
		cli.setExecutionExceptionHandler((ex, command, parseResult) -> {
			PrintWriter err = Printable.writer(command.getErr());
			err.println("irqdsl: internal error: " + ex + (System.getenv("IRQDSL_DEBUG") == null
					? " (set IRQDSL_DEBUG=1 for the stack trace)" : ""));
			if (System.getenv("IRQDSL_DEBUG") != null) {
				ex.printStackTrace(err);
			}
			err.flush();
			return 3;
		});
		return cli;
	}

	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

	/** The version from the jar's manifest, when there is one. */
	public static final class Version implements CommandLine.IVersionProvider {
		@Override
		public String[] getVersion() {
			String v = IrqDslCli.class.getPackage().getImplementationVersion();
			return new String[] { "irqdsl " + (v == null ? "(development build)" : v) };
		}
	}
}
