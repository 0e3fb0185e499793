package org.irqdsl.cli.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.irqdsl.cli.CliRun;
import org.irqdsl.cli.IrqDslCli;
import org.irqdsl.cli.resident.ResidentProtocol.Kind;
import org.irqdsl.cli.resident.ResidentProtocol.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The resident server answers a command exactly as the command's own process would (same bytes on
 * standard output and error, same exit status), and gets out of the way when it cannot: busy,
 * jar rebuilt, idle, stopped, client gone.
 */
class ResidentServerTest {

	private static final String SEED_001 = "../examples/x86-noremap-seed001.irqdsl";
	private static final Charset PRINTED = Charset.forName(System.getProperty("native.encoding", Charset.defaultCharset().name()));

	@TempDir
	Path temp;

	private Path jar;
	private ResidentAddress address;
	private final CountDownLatch hungUp = new CountDownLatch(1);
	private CompletableFuture<Boolean> serving;
	private ResidentServer server;

	@BeforeEach
	void address() throws IOException {
		jar = Files.writeString(temp.resolve("irqdsl.jar"), "stands for the jar");
		Path folder = temp.resolve("sockets");
		assertThat(ResidentAddress.privateFolder(folder)).isTrue();
		address = ResidentAddress.of(folder, jar, Path.of("").toAbsolutePath(), Map.of("LANG", "C.UTF-8"));
	}

	@AfterEach
	void retire() throws Exception {
		if (server != null) {
			server.retire();
			assertThat(serving.get(10, TimeUnit.SECONDS)).isTrue();
		}
	}

	private void start(Duration idle, Supplier<CommandLine> commands) throws Exception {
		server = new ResidentServer(address, idle, commands, hungUp::countDown);
		serving = CompletableFuture.supplyAsync(() -> {
			try {
				return server.serve();
			} catch (IOException e) {
				throw new IllegalStateException(e);
			}
		});
		for (int i = 0; i < 500 && !ResidentClient.answers(address.socket()); i++) {
			Thread.sleep(10);
		}
		assertThat(ResidentClient.answers(address.socket())).as("the server listens").isTrue();
	}

	private record Printed(int exit, String out, String err) {
	}

	private Printed viaServer(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = ResidentClient.run(address.socket(), List.of(args), out, err);
		return new Printed(exit, out.toString(PRINTED), err.toString(PRINTED));
	}

	/** The command in this process, the way the executable runs it ({@link CliRun}), printed in the same charset. */
	private static Printed inProcess(String... args) {
		CliRun run = CliRun.irqdsl((Object[]) args);
		return new Printed(run.exit(), new String(run.out().getBytes(PRINTED), PRINTED), new String(run.err().getBytes(PRINTED), PRINTED));
	}

	/** simulate says how long each scenario took: the one thing two runs cannot share. */
	private static Printed withoutTimes(Printed p) {
		return new Printed(p.exit(), p.out().replaceAll("\"seconds\": [0-9.E-]+", "\"seconds\": T").replaceAll("(states), [0-9.]+ s\\b", "$1, T s"),
				p.err());
	}

	@ParameterizedTest
	@ValueSource(strings = { "check " + SEED_001, "check --format json " + SEED_001, "check --format sarif " + SEED_001,
			"check -W no-nonmaskable-msi-without-remap " + SEED_001, "simulate " + SEED_001,
			"simulate --format json ../examples/intel-vmd-nvme-seed004.irqdsl", "check no-such-file.irqdsl",
			"check --no-such-option " + SEED_001, "simulate --scenario no_such_scenario " + SEED_001, "generate " + SEED_001 })
	void answersAsTheCommandsOwnProcessWould(String commandLine) throws Exception {
		start(Duration.ofMinutes(1), IrqDslCli::commandLine);
		String[] args = commandLine.split(" ");
		Printed expected = withoutTimes(inProcess(args));

		Printed served = withoutTimes(viaServer(args));
		Printed again = withoutTimes(viaServer(args)); // the second run on a warm server: no state kept from the first

		assertThat(served).isEqualTo(expected);
		assertThat(again).isEqualTo(expected);
		assertThat(expected.out() + expected.err()).as("the command printed something").isNotEmpty();
	}

	@Test
	void writesTheFilesGenerateWritesWhereTheCommandsOwnProcessWould() throws Exception {
		start(Duration.ofMinutes(1), IrqDslCli::commandLine);
		Path mine = temp.resolve("in-process");
		Path served = temp.resolve("served");
		assertThat(inProcess("generate", SEED_001, "-o", mine.toString()).exit()).isZero();
		assertThat(viaServer("generate", SEED_001, "-o", served.toString()).exit()).isZero();
		try (var files = Files.list(mine)) {
			List<Path> written = files.toList();
			assertThat(written).isNotEmpty();
			for (Path file : written) {
				assertThat(served.resolve(file.getFileName())).hasSameTextualContentAs(file);
			}
		}
	}

	@Test
	void aServerReadsTheFileAnewForEachCommand() throws Exception {
		start(Duration.ofMinutes(1), IrqDslCli::commandLine);
		Path file = temp.resolve("edited.irqdsl");
		Files.copy(Path.of(SEED_001), file);
		Printed before = viaServer("check", file.toString());
		Files.writeString(file, "platform broken {");
		Printed after = viaServer("check", file.toString());
		assertThat(before.exit()).isEqualTo(1);
		assertThat(after).isEqualTo(inProcess("check", file.toString()));
		assertThat(after.out()).contains("edited.irqdsl:1:");
	}

	@Test
	void aCommandArrivingWhileAnotherRunsIsSentBackToRunInItsOwnProcess() throws Exception {
		Blocking blocking = new Blocking();
		start(Duration.ofMinutes(1), () -> new CommandLine(blocking));
		CompletableFuture<Printed> first = CompletableFuture.supplyAsync(() -> viaServer());
		assertThat(blocking.started.await(10, TimeUnit.SECONDS)).isTrue();

		assertThat(viaServer().exit()).isEqualTo(ResidentClient.RUN_IT_YOURSELF);

		blocking.release.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(new Printed(7, "blocked\n", ""));
	}

	@Test
	void aRebuiltJarRetiresTheServerAndTheCommandRunsInItsOwnProcess() throws Exception {
		start(Duration.ofMinutes(1), IrqDslCli::commandLine);
		Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));

		assertThat(viaServer("check", SEED_001).exit()).isEqualTo(ResidentClient.RUN_IT_YOURSELF);
		assertThat(serving.get(10, TimeUnit.SECONDS)).as("serve() returned").isTrue();
		assertThat(address.socket()).doesNotExist();
		server = null;
	}

	@Test
	void anIdleServerRetires() throws Exception {
		start(Duration.ofSeconds(1), IrqDslCli::commandLine);
		assertThat(serving.get(10, TimeUnit.SECONDS)).isTrue();
		assertThat(address.socket()).doesNotExist();
		assertThat(viaServer("check", SEED_001).exit()).isEqualTo(ResidentClient.RUN_IT_YOURSELF);
		server = null;
	}

	@Test
	void statusNamesTheServerAndStopRetiresIt() throws Exception {
		start(Duration.ofMinutes(1), IrqDslCli::commandLine);
		StringWriter status = new StringWriter();
		assertThat(ResidentServer.status(address.folder(), new PrintWriter(status))).isEqualTo(1);
		assertThat(status.toString()).contains(address.socket().getFileName().toString(), "pid " + ProcessHandle.current().pid(),
				"working directory " + Path.of("").toAbsolutePath());

		assertThat(ResidentServer.stop(address.folder(), new PrintWriter(new StringWriter()))).isEqualTo(1);
		assertThat(serving.get(10, TimeUnit.SECONDS)).isTrue();
		assertThat(ResidentServer.status(address.folder(), new PrintWriter(new StringWriter()))).isZero();
		server = null;
	}

	@Test
	void aSecondServerForTheSameAddressDoesNotStart() throws Exception {
		start(Duration.ofMinutes(1), IrqDslCli::commandLine);
		assertThat(new ResidentServer(address, Duration.ofMinutes(1), IrqDslCli::commandLine).serve()).isFalse();
		assertThat(ResidentClient.answers(address.socket())).as("the first still serves").isTrue();
	}

	@Test
	void aSocketLeftByADeadServerIsReplaced() throws Exception {
		Files.createFile(address.socket());
		start(Duration.ofMinutes(1), IrqDslCli::commandLine);
		assertThat(viaServer("check", SEED_001).exit()).isEqualTo(1);
	}

	@Test
	void aClientGoingAwayDuringItsCommandStopsTheServer() throws Exception {
		Blocking blocking = new Blocking();
		start(Duration.ofMinutes(1), () -> new CommandLine(blocking));
		try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			channel.connect(UnixDomainSocketAddress.of(address.socket()));
			ResidentProtocol.writeRequest(channel, new Request(Kind.RUN, List.of()));
			assertThat(blocking.started.await(10, TimeUnit.SECONDS)).isTrue();
		} // Ctrl-C: the client's end closes
		assertThat(hungUp.await(10, TimeUnit.SECONDS)).as("the server stops itself").isTrue();
		blocking.release.countDown();
	}

	@Test
	void aPeerThatIsNotAClientGetsNothing() throws Exception {
		start(Duration.ofMinutes(1), IrqDslCli::commandLine);
		try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			channel.connect(UnixDomainSocketAddress.of(address.socket()));
			ResidentProtocol.writeFully(channel, java.nio.ByteBuffer.wrap("GET / HTTP/1.0\r\n\r\n".getBytes(PRINTED)));
			int read;
			try {
				read = channel.read(java.nio.ByteBuffer.allocate(16));
			} catch (IOException reset) { // closed with the peer's bytes unread
				read = -1;
			}
			assertThat(read).as("closed without an answer").isEqualTo(-1);
		}
		assertThat(viaServer("check", SEED_001).exit()).as("and the server still serves").isEqualTo(1);
	}

	@Test
	void aCommandOutOfMemoryRetiresTheServerAndRunsInItsOwnProcess() throws Exception {
		start(Duration.ofMinutes(1), () -> new CommandLine(new OutOfMemory()));
		assertThat(viaServer().exit()).as("nothing printed: run it yourself").isEqualTo(ResidentClient.RUN_IT_YOURSELF);
		assertThat(serving.get(10, TimeUnit.SECONDS)).as("serve() returned").isTrue();
		assertThat(address.socket()).doesNotExist();
		server = null;
	}

	@Command(name = "oom")
	static final class OutOfMemory implements java.util.concurrent.Callable<Integer> {
		@Override
		public Integer call() {
			throw new OutOfMemoryError("Java heap space (test)");
		}
	}

	/** A command that holds the server until released. */
	@Command(name = "block")
	static final class Blocking implements java.util.concurrent.Callable<Integer> {
		final CountDownLatch started = new CountDownLatch(1);
		final CountDownLatch release = new CountDownLatch(1);

		@picocli.CommandLine.Spec
		picocli.CommandLine.Model.CommandSpec spec;

		@Override
		public Integer call() throws InterruptedException {
			started.countDown();
			release.await(30, TimeUnit.SECONDS);
			spec.commandLine().getOut().println("blocked");
			return 7;
		}
	}
}
