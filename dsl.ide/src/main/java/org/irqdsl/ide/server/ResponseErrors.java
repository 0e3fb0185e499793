package org.irqdsl.ide.server;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * The error a failed request answers. lsp4j's default answers every exception but the outermost
 * {@link ResponseErrorException} with {@code -32603 Internal error.} and the Java stack trace as
 * data; Xtext's request manager wraps exceptions twice, so even its own deliberate errors came out
 * that way. Here a {@link ResponseErrorException} anywhere in the cause chain is answered as it is;
 * anything else is an internal error answered in one line, its stack trace going to stderr only.
 */
final class ResponseErrors {

	private static final int MAX_MESSAGE = 300;

	private final PrintStream log;

	ResponseErrors(PrintStream log) {
		this.log = log;
	}

	ResponseError toResponseError(Throwable throwable) {
		for (Throwable cause = throwable; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof ResponseErrorException e) {
				ResponseError error = e.getResponseError();
				return new ResponseError(error.getCode(), oneLine(error.getMessage()), withoutStackTrace(error.getData()));
			}
		}
		Throwable root = throwable;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = "Internal error: " + root.getClass().getSimpleName()
				+ (root.getMessage() == null ? "" : ": " + oneLine(root.getMessage()));
		log.println("irqdsl lsp: " + message);
		throwable.printStackTrace(log);
		return new ResponseError(ResponseErrorCode.InternalError, message, null);
	}

	/** A failed future that answers the request with {@code code} and {@code message}. */
	static <T> CompletableFuture<T> failed(ResponseErrorCode code, String message) {
		return CompletableFuture.failedFuture(exception(code, message));
	}

	static ResponseErrorException exception(ResponseErrorCode code, String message) {
		return new ResponseErrorException(new ResponseError(code, message, null));
	}

	/** "none", or the list in quotes: for messages naming what would have been accepted. */
	static String quoted(List<String> names) {
		return names.isEmpty() ? "none" : "'" + String.join("', '", names) + "'";
	}

	private static String oneLine(String message) {
		if (message == null) {
			return "";
		}
		String line = message.replaceAll("\\s+", " ").trim();
		return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "...";
	}

	private static Object withoutStackTrace(Object data) {
		return data instanceof Throwable || data instanceof String s && s.contains("\tat ") ? null : data;
	}
}
