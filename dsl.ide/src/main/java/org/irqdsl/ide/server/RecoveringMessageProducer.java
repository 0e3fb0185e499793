package org.irqdsl.ide.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageProducer;

/**
 * lsp4j's reader of LSP frames ({@code Content-Length: N\r\n\r\n} and N bytes of JSON), made to
 * survive a malformed frame. lsp4j 1.0.0 logs a bad frame and reads on, but from the wrong place:
 * <ul>
 * <li>a body it fails to parse is left partly unread (it reads through an 8 KiB buffer and stops at
 * the first error), and the rest is then read as headers;</li>
 * <li>after a frame without a usable {@code Content-Length} (missing, not a number, negative) the
 * body is read as headers, and since a JSON body does not end with a newline, the next frame's
 * {@code Content-Length} line starts with that body: lsp4j reads the header name as
 * {@code {...}Content-Length}, ignores it, and so loses every following frame as well.</li>
 * </ul>
 * Here a frame's body is always read whole before it is parsed, and a header line with junk before
 * {@code Content-Length:} is read from the header on: the reader is back in step at the next
 * well-formed frame. Bad frames are reported on stderr in one line.
 */
final class RecoveringMessageProducer extends StreamMessageProducer {

	private final PrintStream log;

	RecoveringMessageProducer(InputStream input, MessageJsonHandler jsonHandler, MessageIssueHandler issueHandler, PrintStream log) {
		super(input, jsonHandler, issueHandler);
		this.log = log;
	}

	@Override
	protected void parseHeader(String line, Headers headers) {
		int header = line.indexOf(CONTENT_LENGTH_HEADER + ":");
		if (header > 0) {
			log.println("irqdsl lsp: skipped " + header + " characters of a malformed message before a Content-Length header");
			super.parseHeader(line.substring(header), headers);
		} else {
			super.parseHeader(line, headers);
		}
	}

	@Override
	protected boolean handleMessage(InputStream input, Headers headers) {
		byte[] body;
		try {
			body = input.readNBytes(headers.contentLength);
		} catch (IOException e) {
			fireStreamClosed(e);
			return false;
		}
		if (body.length < headers.contentLength) {
			log.println("irqdsl lsp: the input ended inside a message (" + body.length + " of " + headers.contentLength + " bytes)");
			return false;
		}
		return super.handleMessage(new ByteArrayInputStream(body), headers);
	}

	@Override
	protected void fireError(Throwable error) {
		String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
		log.println("irqdsl lsp: skipped a malformed message: " + message.replaceAll("\\s+", " ").trim());
	}
}
