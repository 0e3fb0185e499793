package org.irqdsl.cli.resident;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's request and the server's answer on the socket. A request: the magic word, the
 * version, the kind and, for {@link Kind#RUN}, the command's arguments. The answer: frames of one
 * type byte and a 4-byte length, then the bytes: what the command prints on standard output and on
 * standard error, in the order it prints them, and last its exit status — or, instead of any of
 * that, {@link #BUSY} or {@link #RETIRED}, after which the client runs the command itself.
 * <p>
 * The channel is read and written directly, never through {@code Channels.newInputStream}: on Java
 * 17 those streams share one lock, so a blocked read (the server's watch for a client that went
 * away) would block every write.
 */
final class ResidentProtocol {

	static final int MAGIC = 0x49525144; // "IRQD"
	static final int VERSION = 1;

	/** Standard output bytes. */
	static final byte OUT = 1;
	/** Standard error bytes. */
	static final byte ERR = 2;
	/** The exit status: the last frame of a run. */
	static final byte EXIT = 3;
	/** Another command is running: run this one in your own process. */
	static final byte BUSY = 4;
	/** The server retires (its jar changed, or it was told to stop): run this one in your own process. */
	static final byte RETIRED = 5;

	/** The largest argument list a request may carry (a client that sends garbage gets no allocation). */
	private static final int MAX_REQUEST_BYTES = 1 << 20;

	enum Kind {
		RUN, STATUS, STOP
	}

	record Request(Kind kind, List<String> args) {
	}

	private ResidentProtocol() {
	}

	static void writeRequest(SocketChannel channel, Request request) throws IOException {
		List<byte[]> encoded = new ArrayList<>();
		int size = 16;
		for (String arg : request.args()) {
			byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
			encoded.add(bytes);
			size += 4 + bytes.length;
		}
		ByteBuffer buffer = ByteBuffer.allocate(size).putInt(MAGIC).putInt(VERSION).putInt(request.kind().ordinal())
				.putInt(encoded.size());
		encoded.forEach(bytes -> buffer.putInt(bytes.length).put(bytes));
		writeFully(channel, buffer.flip());
	}

	/** The request, or null when the peer is not a client of this version. */
	static Request readRequest(SocketChannel channel) throws IOException {
		ByteBuffer head = readFully(channel, 16);
		if (head.getInt() != MAGIC || head.getInt() != VERSION) {
			return null;
		}
		int kind = head.getInt();
		int count = head.getInt();
		if (kind < 0 || kind >= Kind.values().length || count < 0 || count > MAX_REQUEST_BYTES / 4) {
			return null;
		}
		List<String> args = new ArrayList<>(count);
		int total = 0;
		for (int i = 0; i < count; i++) {
			int length = readFully(channel, 4).getInt();
			total += length;
			if (length < 0 || total > MAX_REQUEST_BYTES) {
				return null;
			}
			args.add(new String(readFully(channel, length).array(), StandardCharsets.UTF_8));
		}
		return new Request(Kind.values()[kind], List.copyOf(args));
	}

	static void writeFrame(SocketChannel channel, byte type, byte[] bytes, int offset, int length) throws IOException {
		ByteBuffer frame = ByteBuffer.allocate(5 + length).put(type).putInt(length).put(bytes, offset, length);
		writeFully(channel, frame.flip());
	}

	static void writeExit(SocketChannel channel, int status) throws IOException {
		writeFully(channel, ByteBuffer.allocate(9).put(EXIT).putInt(4).putInt(status).flip());
	}

	static void writeSignal(SocketChannel channel, byte type) throws IOException {
		writeFully(channel, ByteBuffer.allocate(5).put(type).putInt(0).flip());
	}

	/** A frame: its type and its bytes. */
	record Frame(byte type, byte[] bytes) {
		int status() {
			return ByteBuffer.wrap(bytes).getInt();
		}
	}

	static Frame readFrame(SocketChannel channel) throws IOException {
		ByteBuffer head = readFully(channel, 5);
		byte type = head.get();
		int length = head.getInt();
		if (length < 0) {
			throw new IOException("bad frame length " + length);
		}
		return new Frame(type, readFully(channel, length).array());
	}

	static ByteBuffer readFully(SocketChannel channel, int length) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(length);
		while (buffer.hasRemaining()) {
			if (channel.read(buffer) < 0) {
				throw new EOFException();
			}
		}
		return buffer.flip();
	}

	static void writeFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
		while (buffer.hasRemaining()) {
			channel.write(buffer);
		}
	}

	/** An output stream whose every write is one frame of {@code type} on the channel. */
	static final class FrameStream extends OutputStream {
		private final SocketChannel channel;
		private final byte type;
		private final Object lock;

		/** {@code lock} is shared by a run's streams, so frames never interleave mid-frame. */
		FrameStream(SocketChannel channel, byte type, Object lock) {
			this.channel = channel;
			this.type = type;
			this.lock = lock;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			if (length == 0) {
				return;
			}
			synchronized (lock) {
				writeFrame(channel, type, bytes, offset, length);
			}
		}
	}
}
