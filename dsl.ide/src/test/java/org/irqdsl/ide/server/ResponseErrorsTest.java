package org.irqdsl.ide.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;

/** Failed requests answer one line; the stack trace goes to the log only. */
class ResponseErrorsTest {

	private final ByteArrayOutputStream log = new ByteArrayOutputStream();
	private final ResponseErrors errors = new ResponseErrors(new PrintStream(log, true, StandardCharsets.UTF_8));

	@Test
	void anExceptionIsAnInternalErrorInOneLineWithItsStackTraceInTheLog() {
		RuntimeException failure = new IllegalStateException("Position [\n  line = 0\n] out of range");
		ResponseError error = errors.toResponseError(new CompletionException(new ExecutionException(failure)));
		assertThat(error.getCode()).isEqualTo(ResponseErrorCode.InternalError.getValue());
		assertThat(error.getMessage()).isEqualTo("Internal error: IllegalStateException: Position [ line = 0 ] out of range");
		assertThat(error.getData()).isNull();
		assertThat(log.toString(StandardCharsets.UTF_8)).contains("irqdsl lsp: Internal error", "\tat ");
	}

	@Test
	void aResponseErrorDeepInTheCauseChainIsAnsweredAsItIs() {
		ResponseErrorException deliberate = ResponseErrors.exception(ResponseErrorCode.InvalidParams, "no symbol to rename");
		ResponseError error = errors.toResponseError(new CompletionException(new ExecutionException(deliberate)));
		assertThat(error.getCode()).isEqualTo(ResponseErrorCode.InvalidParams.getValue());
		assertThat(error.getMessage()).isEqualTo("no symbol to rename");
		assertThat(log.size()).isZero();
	}

	@Test
	void aStackTraceAsDataIsDropped() {
		ResponseError withTrace = new ResponseError(ResponseErrorCode.InvalidRequest, "Refactoring cannot be performed",
				"java.lang.Exception\n\tat org.example.X.y(X.java:1)");
		ResponseError error = errors.toResponseError(new CompletionException(new ResponseErrorException(withTrace)));
		assertThat(error.getData()).isNull();
		assertThat(error.getMessage()).isEqualTo("Refactoring cannot be performed");
	}
}
