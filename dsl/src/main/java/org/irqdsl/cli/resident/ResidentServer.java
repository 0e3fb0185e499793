package org.irqdsl.cli.resident;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.irqdsl.cli.resident.ResidentProtocol.Kind;
import org.irqdsl.cli.resident.ResidentProtocol.Request;

import picocli.CommandLine;

/**
 * The resident server: one process per working directory that keeps the language loaded (the
 * injector, the grammar, the JIT's compiled code) and runs the commands its clients send, one at a
 * time, printing into their standard output and error over the socket. A command that would wait
 * for another gets {@link ResidentProtocol#BUSY} and runs in the client's own process instead.
 * <p>
 * It retires by itself: after {@code idle} without a command, when its jar changes (a rebuild),
 * when its socket is removed, or on {@code irqdsl resident stop}. A client that goes away during
 * its command (Ctrl-C) stops the server at once, with the command: nobody is left to read the
 * output, and a long simulation must not run on unseen.
 */
public final class ResidentServer {

	private final ResidentAddress address;
	private final Duration idle;
	private final Supplier<CommandLine> commands;
	private final ReentrantLock running = new ReentrantLock();
	private final AtomicLong lastUse = new AtomicLong(System.nanoTime());
	private final AtomicLong runs = new AtomicLong();
	private final AtomicBoolean retired = new AtomicBoolean();
	private final long started = System.currentTimeMillis();
	private final Runnable hangUp;
	private ServerSocketChannel server;

	/** {@code commands} makes a fresh command line for each run (picocli's commands keep their options). */
	public ResidentServer(ResidentAddress address, Duration idle, Supplier<CommandLine> commands) {
		this(address, idle, commands, () -> Runtime.getRuntime().halt(130));
	}

	/** {@code hangUp}: what a client's going away during its command does (tests: anything but halting). */
	ResidentServer(ResidentAddress address, Duration idle, Supplier<CommandLine> commands, Runnable hangUp) {
		this.address = address;
		this.idle = idle;
		this.commands = commands;
		this.hangUp = hangUp;
	}

	/** {@link #serve(Runnable)} with nothing to prepare. */
	public boolean serve() throws IOException {
		return serve(() -> {
		});
	}

	/**
	 * Listens until the server retires. Returns false at once when another server already listens
	 * on this address (two clients started one each); a socket left by a server that died is removed.
	 * {@code warmUp} runs once the address is this server's and before the first command is taken
	 * (clients that come meanwhile wait): a second server never loads the language for nothing.
	 */
	public boolean serve(Runnable warmUp) throws IOException {
		Path socket = address.socket();
		if (Files.exists(socket)) {
			if (ResidentClient.answers(socket)) {
				return false;
			}
			Files.deleteIfExists(socket);
		}
		server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
		try {
			server.bind(UnixDomainSocketAddress.of(socket));
		} catch (IOException e) { // another server bound it between the test above and here
			server.close();
			return false;
		}
		warmUp.run();
		Thread watch = new Thread(this::watch, "irqdsl-resident-watch");
		watch.setDaemon(true);
		watch.start();
		try {
			while (!retired.get()) {
				SocketChannel client;
				try {
					client = server.accept();
				} catch (IOException e) { // closed by retire()
					break;
				}
				Thread handler = new Thread(() -> handle(client), "irqdsl-resident-client");
				handler.setDaemon(true);
				handler.start();
			}
		} finally {
			retire();
		}
		// a command still running (a client that asked while the server retired) finishes first
		running.lock();
		running.unlock();
		return true;
	}

	/** Stops listening and removes the socket; a command already running finishes. */
	void retire() {
		if (retired.compareAndSet(false, true)) {
			try {
				Files.deleteIfExists(address.socket());
				if (server != null) {
					server.close();
				}
			} catch (IOException e) {
				// the process ends next; nothing to report to
			}
		}
	}

	/** Every second: retire when idle too long, when the jar was rebuilt, or when the socket is gone. */
	private void watch() {
		while (!retired.get()) {
			try {
				Thread.sleep(1000);
			} catch (InterruptedException e) {
				return;
			}
			boolean idleTooLong = !running.isLocked() && System.nanoTime() - lastUse.get() > idle.toNanos();
			if (idleTooLong || !address.jarUnchanged() || !Files.exists(address.socket())) {
				retire();
			}
		}
	}

	private void handle(SocketChannel client) {
		try (client) {
			Request request = ResidentProtocol.readRequest(client);
			if (request == null) {
				return;
			}
			switch (request.kind()) {
			case STATUS -> status(client);
			case STOP -> {
				ResidentProtocol.writeExit(client, 0);
				retire();
			}
			case RUN -> run(client, request.args());
			}
		} catch (IOException e) {
			// the client went away before or after its command: nothing to answer
		} catch (VirtualMachineError e) {
			// out of memory (a simulation too large for the heap): a process of its own would have
			// ended here; this one retires, and the next command starts afresh
			retire();
		}
	}

	private void status(SocketChannel client) throws IOException {
		String text = String.format("%s: pid %d, working directory %s, jar %s, up %d s, %d commands run, idle %d s%s%n",
				address.socket().getFileName(), ProcessHandle.current().pid(), Path.of("").toAbsolutePath(), address.jar(),
				(System.currentTimeMillis() - started) / 1000, runs.get(),
				Duration.ofNanos(System.nanoTime() - lastUse.get()).toSeconds(), running.isLocked() ? " (running a command)" : "");
		byte[] bytes = text.getBytes(Charset.defaultCharset());
		ResidentProtocol.writeFrame(client, ResidentProtocol.OUT, bytes, 0, bytes.length);
		ResidentProtocol.writeExit(client, 0);
	}

	private void run(SocketChannel client, List<String> args) throws IOException {
		if (retired.get() || !address.jarUnchanged()) {
			ResidentProtocol.writeSignal(client, ResidentProtocol.RETIRED);
			retire();
			return;
		}
		if (!running.tryLock()) {
			ResidentProtocol.writeSignal(client, ResidentProtocol.BUSY);
			return;
		}
		AtomicBoolean done = new AtomicBoolean();
		try {
			runs.incrementAndGet();
			watchForHangUp(client, done);
			Object frames = new Object();
			// the charset the command would print in as a process of its own (the address names the locale)
			Charset charset = Charset.forName(System.getProperty("native.encoding", Charset.defaultCharset().name()));
			PrintWriter out = new PrintWriter(new OutputStreamWriter(new ResidentProtocol.FrameStream(client, ResidentProtocol.OUT, frames), charset), true);
			PrintWriter err = new PrintWriter(new OutputStreamWriter(new ResidentProtocol.FrameStream(client, ResidentProtocol.ERR, frames), charset), true);
			CommandLine cli = commands.get();
			cli.setOut(out);
			cli.setErr(err);
			int status = cli.execute(args.toArray(String[]::new));
			out.flush();
			err.flush();
			finish(done);
			// the server is free before the client hears the status: its next command is not BUSY
			synchronized (frames) {
				ResidentProtocol.writeExit(client, status);
			}
		} finally {
			finish(done);
		}
	}

	private void finish(AtomicBoolean done) {
		if (done.compareAndSet(false, true)) {
			lastUse.set(System.nanoTime());
			running.unlock();
		}
	}

	/**
	 * The client sends nothing after its request; end of stream while its command runs means it is
	 * gone (Ctrl-C, killed): stop the process, and the command with it, instead of running it unseen.
	 */
	private void watchForHangUp(SocketChannel client, AtomicBoolean done) {
		Thread watch = new Thread(() -> {
			boolean hungUp;
			try {
				hungUp = client.read(ByteBuffer.allocate(1)) < 0;
			} catch (IOException e) {
				hungUp = true;
			}
			if (hungUp && !done.get()) {
				try {
					Files.deleteIfExists(address.socket());
				} catch (IOException e) {
					// halting anyway
				}
				hangUp.run();
			}
		}, "irqdsl-resident-hangup");
		watch.setDaemon(true);
		watch.start();
	}

	/** Asks every server in {@code folder} for its status line, printed to {@code out}; returns how many answered. */
	public static int status(Path folder, PrintWriter out) throws IOException {
		return signalAll(folder, Kind.STATUS, out);
	}

	/** Stops every server in {@code folder} (a command running finishes first); returns how many answered. */
	public static int stop(Path folder, PrintWriter out) throws IOException {
		return signalAll(folder, Kind.STOP, out);
	}

	private static int signalAll(Path folder, Kind kind, PrintWriter out) throws IOException {
		if (!Files.isDirectory(folder)) {
			return 0;
		}
		int reached = 0;
		try (var sockets = Files.list(folder)) {
			for (Path socket : sockets.filter(p -> p.getFileName().toString().endsWith(".sock")).sorted().toList()) {
				if (ResidentClient.signal(socket, kind, out)) {
					reached++;
				}
			}
		}
		return reached;
	}
}
