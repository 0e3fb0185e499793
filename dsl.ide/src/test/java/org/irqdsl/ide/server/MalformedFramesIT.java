package org.irqdsl.ide.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/**
 * After a malformed frame the server skips it, says so on stderr, and answers the next well-formed
 * requests (lsp4j's reader alone fell out of step with the frames and never answered again).
 */
class MalformedFramesIT {

	private static final String PLATFORM = "platform zz { cpus 1 }";

	@TempDir
	Path workspace;

	RawLspProcess lsp;
	String uri;

	@BeforeEach
	void start() throws Exception {
		Path file = workspace.resolve("zz.irqdsl");
		Files.writeString(file, PLATFORM);
		uri = file.toUri().toString();
		lsp = RawLspProcess.start(workspace);
		lsp.open(uri, PLATFORM);
	}

	@AfterEach
	void stop() throws Exception {
		lsp.close();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** Two requests after the bad frame: both answered, so the reader is back in step. */
	private void assertStillAnswers() throws Exception {
		for (int i = 0; i < 2; i++) {
			JsonObject answer = lsp.request("textDocument/documentSymbol", "{\"textDocument\":{\"uri\":" + RawLspProcess.quote(uri) + "}}");
			assertThat(answer.getAsJsonArray("result").toString()).contains("\"name\":\"zz\"");
		}
		assertThat(lsp.process.isAlive()).isTrue();
	}

	@Test
	void aContentLengthThatIsNotANumber() throws Exception {
		lsp.sendRaw(bytes("Content-Length: abc\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"irqdsl/lost\"}"));
		assertStillAnswers();
		assertThat(lsp.stderrText()).contains("irqdsl lsp: skipped a malformed message");
	}

	@Test
	void aNegativeContentLength() throws Exception {
		lsp.sendRaw(bytes("Content-Length: -3\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"irqdsl/lost\"}"));
		assertStillAnswers();
	}

	@Test
	void noContentLengthAtAll() throws Exception {
		lsp.sendRaw(bytes("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"irqdsl/lost\"}"));
		assertStillAnswers();
	}

	@Test
	void aContentLengthShorterThanTheBody() throws Exception {
		lsp.sendRaw(bytes("Content-Length: 5\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":77,\"method\":\"irqdsl/lost\"}"));
		assertStillAnswers();
	}

	@Test
	void aLargeBodyThatIsNotJson() throws Exception {
		// larger than the reader's buffer, failing on its first character: lsp4j left the rest unread
		String junk = "]" + "x".repeat(19_999);
		lsp.sendRaw(bytes("Content-Length: " + junk.length() + "\r\n\r\n" + junk));
		assertStillAnswers();
		assertThat(lsp.stderrText()).contains("irqdsl lsp: skipped a malformed message").doesNotContain("\tat ");
	}

	@Test
	void aSmallBodyThatIsNotJson() throws Exception {
		lsp.sendRaw(bytes("Content-Length: 11\r\n\r\nhello world"));
		assertStillAnswers();
	}
}
