package org.irqdsl.cli.resident;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.irqdsl.cli.resident.ResidentProtocol.Frame;
import org.irqdsl.cli.resident.ResidentProtocol.Kind;
import org.irqdsl.cli.resident.ResidentProtocol.Request;

/**
 * The client {@code ./irqdsl} starts first for a short command: it hands the command to the resident
 * server of this working directory and prints what the server sends back, or exits with
 * {@link #RUN_IT_YOURSELF} when there is no server (or it is busy, or retiring), and the launcher
 * then runs the command in a process of its own as before. It loads a few JDK classes only: no
 * Xtext, no picocli.
 */
public final class ResidentClient {

	/** Exit status meaning "no server took the command; run it in your own process". */
	public static final int RUN_IT_YOURSELF = 125;

	/** The commands a server runs: short, reading files named on the command line, never stdin or a terminal. */
	static final Set<String> SERVED = Set.of("check", "simulate", "generate");

	/** Help and version text is picocli's, coloured for a terminal; the server has none. */
	private static final Set<String> IN_OWN_PROCESS = Set.of("-h", "--help", "-V", "--version");

	private ResidentClient() {
	}

	public static void main(String[] args) {
		Optional<ResidentAddress> address = servable(List.of(args)) ? ResidentAddress.current() : Optional.empty();
		int status = address.isEmpty() ? RUN_IT_YOURSELF
				: run(address.get().socket(), List.of(args), new FileOutputStream(FileDescriptor.out),
						new FileOutputStream(FileDescriptor.err));
		System.exit(status);
	}

	static boolean servable(List<String> args) {
		return !args.isEmpty() && SERVED.contains(args.get(0)) && args.stream().noneMatch(IN_OWN_PROCESS::contains);
	}

	/**
	 * Runs the command on the server at {@code socket}: its output goes to {@code out} and {@code err}
	 * as it comes, and its exit status is returned. {@link #RUN_IT_YOURSELF} when no server took it.
	 */
	static int run(Path socket, List<String> args, OutputStream out, OutputStream err) {
		boolean printed = false;
		try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			channel.connect(UnixDomainSocketAddress.of(socket));
			ResidentProtocol.writeRequest(channel, new Request(Kind.RUN, args));
			Sink stdout = new Sink(out);
			Sink stderr = new Sink(err);
			while (true) {
				Frame frame = ResidentProtocol.readFrame(channel);
				switch (frame.type()) {
				case ResidentProtocol.OUT -> printed |= stdout.write(frame.bytes());
				case ResidentProtocol.ERR -> printed |= stderr.write(frame.bytes());
				case ResidentProtocol.EXIT -> {
					stdout.flush();
					stderr.flush();
					return frame.status();
				}
				default -> { // BUSY, RETIRED
					return RUN_IT_YOURSELF;
				}
				}
			}
		} catch (IOException | RuntimeException e) {
			if (!printed) {
				return RUN_IT_YOURSELF; // no server here, or it died before printing: run it afresh
			}
			PrintWriter w = new PrintWriter(err, true, Charset.defaultCharset());
			w.println("irqdsl: the resident server stopped during the command (" + e + "); run it again, or with IRQDSL_RESIDENT=0");
			return 3;
		}
	}

	/** Does a server listen on {@code socket}? */
	static boolean answers(Path socket) {
		return signal(socket, Kind.STATUS, new PrintWriter(java.io.Writer.nullWriter()));
	}

	/** Sends STATUS or STOP to the server at {@code socket}, its text to {@code out}; false when none answers. */
	static boolean signal(Path socket, Kind kind, PrintWriter out) {
		try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			channel.connect(UnixDomainSocketAddress.of(socket));
			ResidentProtocol.writeRequest(channel, new Request(kind, List.of()));
			for (Frame frame = ResidentProtocol.readFrame(channel); frame.type() != ResidentProtocol.EXIT; frame = ResidentProtocol
					.readFrame(channel)) {
				out.print(new String(frame.bytes(), Charset.defaultCharset()));
			}
			out.flush();
			return true;
		} catch (IOException e) {
			return false;
		}
	}

	/**
	 * One of the client's own streams. A reader that went away (`| head -1`) makes writes fail; the
	 * rest is dropped, as a process of its own would drop it, and the exit status still comes.
	 */
	private static final class Sink {
		private final OutputStream stream;
		private boolean broken;

		Sink(OutputStream stream) {
			this.stream = stream;
		}

		boolean write(byte[] bytes) {
			if (!broken) {
				try {
					stream.write(bytes);
				} catch (IOException e) {
					broken = true;
				}
			}
			return true;
		}

		void flush() {
			if (!broken) {
				try {
					stream.flush();
				} catch (IOException e) {
					broken = true;
				}
			}
		}
	}
}
