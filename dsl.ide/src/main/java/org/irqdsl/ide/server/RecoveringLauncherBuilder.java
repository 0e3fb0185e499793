package org.irqdsl.ide.server;

import java.io.PrintStream;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;

/**
 * lsp4j's launcher builder with a {@link RecoveringMessageProducer} in place of its
 * {@code StreamMessageProducer}, which {@code Launcher.Builder.create()} constructs itself: the
 * builder keeps the JSON handler and the endpoint it creates, to give them to the replacement.
 */
final class RecoveringLauncherBuilder<T> extends Launcher.Builder<T> {

	private final PrintStream log;
	private MessageJsonHandler jsonHandler;
	private RemoteEndpoint remoteEndpoint;

	RecoveringLauncherBuilder(PrintStream log) {
		this.log = log;
	}

	@Override
	protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler handler) {
		jsonHandler = handler;
		remoteEndpoint = super.createRemoteEndpoint(handler);
		return remoteEndpoint;
	}

	@Override
	protected ConcurrentMessageProcessor createMessageProcessor(MessageProducer lsp4jReader, MessageConsumer messageConsumer,
			T remoteProxy) {
		return new ConcurrentMessageProcessor(new RecoveringMessageProducer(input, jsonHandler, remoteEndpoint, log), messageConsumer);
	}
}
