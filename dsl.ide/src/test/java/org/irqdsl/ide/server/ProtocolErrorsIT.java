package org.irqdsl.ide.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/**
 * Requests the server cannot answer get a JSON-RPC error that says why in one line, without the
 * server's Java stack trace, with the code JSON-RPC gives the case; and edits past the end of a line
 * or of the document are clamped, not dropped. Raw frames to the packaged jar, as editors send them.
 */
class ProtocolErrorsIT {

	private static final String PLATFORM = "platform zz { cpus 1 }";

	@TempDir
	static Path workspace;

	static RawLspProcess lsp;
	static String uri;

	@BeforeAll
	static void start() throws Exception {
		Path file = workspace.resolve("zz.irqdsl");
		Files.writeString(file, PLATFORM);
		uri = file.toUri().toString();
		lsp = RawLspProcess.start(workspace);
		lsp.open(uri, PLATFORM);
	}

	@AfterAll
	static void stop() throws Exception {
		lsp.close();
	}

	/** The error of a response, checked to be one clean line: no stack trace in message or data. */
	private static JsonObject error(JsonObject response) {
		assertThat(response.has("error")).as("an error answer: %s", response).isTrue();
		JsonObject error = response.getAsJsonObject("error");
		assertThat(error.toString()).doesNotContain("\\tat ", "\\n", "Exception", ".java:");
		return error;
	}

	private static String position(String uri, int line, int character) {
		return "{\"textDocument\":{\"uri\":" + RawLspProcess.quote(uri) + "},\"position\":{\"line\":" + line + ",\"character\":"
				+ character + "}";
	}

	@Test
	void anUnknownRequestIsMethodNotFound() throws Exception {
		JsonObject error = error(lsp.request("irqdsl/noSuchMethod", "{}"));
		assertThat(error.get("code").getAsInt()).isEqualTo(-32601);
		assertThat(error.get("message").getAsString()).contains("irqdsl/noSuchMethod");
	}

	@Test
	void anUnknownNotificationIsIgnoredAndTheServerGoesOn() throws Exception {
		lsp.notify("irqdsl/noSuchNotification", "{}");
		JsonObject answer = lsp.request("textDocument/documentSymbol", "{\"textDocument\":{\"uri\":" + RawLspProcess.quote(uri) + "}}");
		assertThat(answer.has("result")).as(answer.toString()).isTrue();
	}

	@Test
	void anUnknownCommandIsInvalidParamsNamingIt() throws Exception {
		JsonObject error = error(lsp.request("workspace/executeCommand", "{\"command\":\"irqdsl.nosuch\",\"arguments\":[]}"));
		assertThat(error.get("code").getAsInt()).isEqualTo(-32602);
		assertThat(error.get("message").getAsString()).contains("unknown command 'irqdsl.nosuch'", "commands of this server: none");
	}

	@Test
	void renameWhereThereIsNoNameIsAnErrorAndPrepareRenameIsNull() throws Exception {
		// 0:13 is the '{' after the platform's name
		JsonObject prepare = lsp.request("textDocument/prepareRename", position(uri, 0, 13) + "}");
		assertThat(prepare.get("result").isJsonNull()).as(prepare.toString()).isTrue();
		JsonObject error = error(lsp.request("textDocument/rename", position(uri, 0, 13) + ",\"newName\":\"yy\"}"));
		assertThat(error.get("code").getAsInt()).isEqualTo(-32602);
		assertThat(error.get("message").getAsString()).contains("no symbol to rename at line 1, column 14");
	}

	@Test
	void prepareRenameOnANameIsItsRange() throws Exception {
		JsonObject prepare = lsp.request("textDocument/prepareRename", position(uri, 0, 10) + "}");
		assertThat(prepare.getAsJsonObject("result").toString())
				.isEqualTo("{\"start\":{\"line\":0,\"character\":9},\"end\":{\"line\":0,\"character\":11}}");
	}

	@Test
	void renameToSomethingThatIsNotANameIsInvalidParams() throws Exception {
		JsonObject error = error(lsp.request("textDocument/rename", position(uri, 0, 10) + ",\"newName\":\"a b{\"}"));
		assertThat(error.get("code").getAsInt()).isEqualTo(-32602);
		assertThat(error.get("message").getAsString()).contains("'a b{' is not a valid name");
	}

	@Test
	void renameToAReservedKeywordIsInvalidParams() throws Exception {
		// `deadlock` (an expectation) is a keyword rule ValidID does not accept as a name
		JsonObject error = error(lsp.request("textDocument/rename", position(uri, 0, 10) + ",\"newName\":\"deadlock\"}"));
		assertThat(error.get("code").getAsInt()).isEqualTo(-32602);
		assertThat(error.get("message").getAsString()).contains("'deadlock' is a keyword");
	}

	@Test
	void renameToAKeywordThatNamesMayReuseIsAccepted() throws Exception {
		JsonObject answer = lsp.request("textDocument/rename", position(uri, 0, 10) + ",\"newName\":\"vector\"}");
		assertThat(answer.getAsJsonObject("result").toString()).contains("\"newText\":\"vector\"");
	}

	@Test
	void semanticTokensOfAMissingFileAreEmpty() throws Exception {
		String missing = workspace.resolve("missing.irqdsl").toUri().toString();
		JsonObject answer = lsp.request("textDocument/semanticTokens/full", "{\"textDocument\":{\"uri\":" + RawLspProcess.quote(missing) + "}}");
		assertThat(answer.getAsJsonObject("result").getAsJsonArray("data")).isEmpty();
	}

	@Test
	void anEditPastTheEndOfALineIsClampedToIt() throws Exception {
		String clamped = workspace.resolve("clamped.irqdsl").toUri().toString();
		// a name of its own: zz.irqdsl of the same folder declares zz (one folder, one namespace)
		String platform = "platform cc { cpus 1 }";
		lsp.open(clamped, platform);
		lsp.awaitDiagnostics(clamped, d -> d.getAsJsonArray("diagnostics").isEmpty());
		lsp.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":" + RawLspProcess.quote(clamped) + ",\"version\":2},"
				+ "\"contentChanges\":[{\"range\":{\"start\":{\"line\":0,\"character\":100},\"end\":{\"line\":0,\"character\":100}},"
				+ "\"text\":\" x\"}]}");
		// the server's text is `platform cc { cpus 1 } x`: a syntax error on the x, at column 24
		JsonObject diagnostics = lsp.awaitDiagnostics(clamped, d -> !d.getAsJsonArray("diagnostics").isEmpty());
		JsonObject syntax = diagnostics.getAsJsonArray("diagnostics").get(0).getAsJsonObject();
		assertThat(syntax.get("message").getAsString()).contains("'x'");
		assertThat(syntax.getAsJsonObject("range").getAsJsonObject("start").toString()).isEqualTo("{\"line\":0,\"character\":23}");

		// a range from 0:22 to a line past the end removes the " x" up to the end of the document
		lsp.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":" + RawLspProcess.quote(clamped) + ",\"version\":3},"
				+ "\"contentChanges\":[{\"range\":{\"start\":{\"line\":0,\"character\":22},\"end\":{\"line\":7,\"character\":3}},"
				+ "\"text\":\"\"},"
				+ "{\"range\":{\"start\":{\"line\":9,\"character\":0},\"end\":{\"line\":9,\"character\":0}},"
				+ "\"text\":\"\\nplatform yy { cpus 2 }\"}]}");
		lsp.awaitDiagnostics(clamped, d -> d.getAsJsonArray("diagnostics").isEmpty());
		JsonObject symbols = lsp.request("textDocument/documentSymbol", "{\"textDocument\":{\"uri\":" + RawLspProcess.quote(clamped) + "}}");
		assertThat(symbols.getAsJsonArray("result").toString()).contains("\"name\":\"cc\"", "\"name\":\"yy\"");
		assertThat(lsp.stderrText()).doesNotContain("IndexOutOfBoundsException");
	}
}
