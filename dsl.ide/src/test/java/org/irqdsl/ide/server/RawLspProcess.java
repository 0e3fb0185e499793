package org.irqdsl.ide.server;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The packaged {@code irqdsl lsp} as a process spoken to in raw frames: what an editor's bytes look
 * like on the wire, malformed ones included, and the JSON of every answer as the server wrote it.
 */
final class RawLspProcess implements AutoCloseable {

	final Process process;
	final Path stderr;
	private final OutputStream in;
	private final List<JsonObject> received = new CopyOnWriteArrayList<>();
	private final AtomicInteger ids = new AtomicInteger();

	private RawLspProcess(Process process, Path stderr) {
		this.process = process;
		this.stderr = stderr;
		this.in = process.getOutputStream();
		Thread reader = new Thread(() -> read(process.getInputStream()), "raw-lsp-reader");
		reader.setDaemon(true);
		reader.start();
	}

	/** Starts the server and initializes it on {@code workspace}, announcing no client capability. */
	static RawLspProcess start(Path workspace) throws Exception {
		Path stderr = Files.createTempFile(workspace, "server", ".stderr");
		Process process = new ProcessBuilder("java", "-jar", System.getProperty("irqdsl.jar"), "lsp")
				.redirectError(stderr.toFile()).start();
		RawLspProcess lsp = new RawLspProcess(process, stderr);
		JsonObject init = lsp.request("initialize", "{\"processId\":null,\"rootUri\":" + quote(workspace.toUri().toString())
				+ ",\"capabilities\":{}}");
		if (!init.has("result")) {
			throw new AssertionError("initialize failed: " + init);
		}
		lsp.notify("initialized", "{}");
		return lsp;
	}

	static String quote(String text) {
		return new com.google.gson.JsonPrimitive(text).toString();
	}

	void open(String uri, String text) throws IOException {
		notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":" + quote(uri) + ",\"languageId\":\"irqdsl\",\"version\":1,\"text\":"
				+ quote(text) + "}}");
	}

	/** Sends a request and waits for the answer with its id (the whole response message). */
	JsonObject request(String method, String params) throws IOException, InterruptedException {
		int id = ids.incrementAndGet() + 1000;
		send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":" + quote(method) + ",\"params\":" + params + "}");
		return awaitResponse(id);
	}

	void notify(String method, String params) throws IOException {
		send("{\"jsonrpc\":\"2.0\",\"method\":" + quote(method) + ",\"params\":" + params + "}");
	}

	/** One well-formed frame. */
	void send(String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		sendRaw(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), body);
	}

	/** Bytes as they are, in one write. */
	void sendRaw(byte[]... parts) throws IOException {
		synchronized (in) {
			for (byte[] part : parts) {
				in.write(part);
			}
			in.flush();
		}
	}

	JsonObject awaitResponse(int id) throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			for (JsonObject message : received) {
				JsonElement messageId = message.get("id");
				if (messageId != null && !messageId.isJsonNull() && messageId.getAsString().equals(Integer.toString(id))
						&& !message.has("method")) {
					return message;
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no answer to request " + id + " within 30 s; server alive: " + process.isAlive());
	}

	/** The latest diagnostics published for {@code uri}, once one satisfies {@code until}, else the last. */
	JsonObject awaitDiagnostics(String uri, java.util.function.Predicate<JsonObject> until) throws InterruptedException {
		JsonObject last = null;
		for (int i = 0; i < 600; i++) {
			for (JsonObject message : received) {
				if (message.has("method") && message.get("method").getAsString().equals("textDocument/publishDiagnostics")
						&& message.getAsJsonObject("params").get("uri").getAsString().equals(uri)) {
					last = message.getAsJsonObject("params");
				}
			}
			if (last != null && until.test(last)) {
				return last;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no diagnostics as expected for " + uri + " within 30 s; last: " + last);
	}

	String stderrText() throws IOException {
		return Files.readString(stderr);
	}

	private void read(InputStream stream) {
		DataInputStream data = new DataInputStream(stream);
		try {
			while (true) {
				int length = -1;
				for (String line = readLine(data); !line.isEmpty(); line = readLine(data)) {
					if (line.startsWith("Content-Length:")) {
						length = Integer.parseInt(line.substring("Content-Length:".length()).trim());
					}
				}
				byte[] body = new byte[length];
				data.readFully(body);
				received.add(JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject());
			}
		} catch (IOException | RuntimeException e) {
			// the server closed its output
		}
	}

	private static String readLine(InputStream stream) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int c = stream.read(); c != '\n'; c = stream.read()) {
			if (c < 0) {
				throw new IOException("end of stream");
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	@Override
	public void close() throws Exception {
		try {
			request("shutdown", "null");
			notify("exit", "null");
			process.waitFor(10, TimeUnit.SECONDS);
		} finally {
			process.destroyForcibly();
		}
	}
}
