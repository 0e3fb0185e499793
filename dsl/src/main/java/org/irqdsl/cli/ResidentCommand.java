package org.irqdsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.irqdsl.IrqDslInjector;
import org.irqdsl.cli.resident.ResidentAddress;
import org.irqdsl.cli.resident.ResidentServer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code irqdsl resident serve|status|stop}: the resident server that answers {@code ./irqdsl check},
 * {@code simulate} and {@code generate} without starting a JVM and loading the language each time
 * (docs/performance.md, "Start-up"). {@code ./irqdsl} starts one per working directory after a
 * command ran without one; it retires after its idle time, or when the jar is rebuilt.
 */
@Command(name = "resident", mixinStandardHelpOptions = true,
		description = { "The resident server ./irqdsl starts for check, simulate and generate (IRQDSL_RESIDENT=0 turns it off).",
				"serve: be the server of this working directory; status: list this user's servers; stop: stop them all." })
public class ResidentCommand {

	@Spec
	CommandSpec spec;

	@Command(name = "serve", description = "Serve the commands of this working directory until idle for --idle seconds or the jar changes.")
	int serve(@Option(names = "--idle", defaultValue = "900", paramLabel = "SECONDS",
			description = "retire after this long without a command (default: ${DEFAULT-VALUE})") long idleSeconds) throws IOException {
		PrintWriter err = Printable.writer(spec.commandLine().getErr());
		Optional<ResidentAddress> address = ResidentAddress.current();
		if (address.isEmpty()) {
			err.println("irqdsl resident: no private folder for the socket (see docs/performance.md, \"Start-up\")");
			err.flush();
			return 2;
		}
		// the language is loaded once the socket is this server's, before the first command
		new ResidentServer(address.get(), Duration.ofSeconds(Math.max(1, idleSeconds)), IrqDslCli::commandLine).serve(IrqDslInjector::get);
		return 0;
	}

	@Command(name = "status", description = "List this user's resident servers: working directory, jar, commands run, idle time.")
	int status() throws IOException {
		return askAll(ResidentServer::status, "");
	}

	@Command(name = "stop", description = "Stop every resident server of this user (a command running finishes first).")
	int stop() throws IOException {
		return askAll(ResidentServer::stop, " stopped");
	}

	/** A request to every server in the sockets' folder; returns how many answered. */
	private interface Request {
		int send(Path folder, PrintWriter out) throws IOException;
	}

	private int askAll(Request request, String done) throws IOException {
		PrintWriter out = Printable.writer(spec.commandLine().getOut());
		Optional<ResidentAddress> address = ResidentAddress.current();
		int reached = address.isEmpty() ? 0 : request.send(address.get().folder(), out);
		out.println(reached + (reached == 1 ? " resident server" : " resident servers") + done);
		out.flush();
		return 0;
	}
}
