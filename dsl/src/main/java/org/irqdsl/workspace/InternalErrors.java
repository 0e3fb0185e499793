package org.irqdsl.workspace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.apache.log4j.Appender;
import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;
import org.apache.log4j.spi.ThrowableInformation;

/**
 * Xtext catches an exception thrown by a check, a scope provider or the linker, logs it through
 * log4j (a stack trace on stderr) and carries on: the file's findings are then silently
 * incomplete. While a check runs, this collects those log events instead, so the command line can
 * report them as an internal error naming the file (and exit 3). With {@code IRQDSL_DEBUG} set,
 * the usual log output (with the stack trace) is kept as well.
 */
final class InternalErrors implements AutoCloseable {

	private final List<LoggingEvent> events = Collections.synchronizedList(new ArrayList<>());
	private final List<Appender> replaced = new ArrayList<>();
	private final Appender collector = new AppenderSkeleton() {
		@Override
		protected void append(LoggingEvent event) {
			if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
				events.add(event);
			}
		}

		@Override
		public boolean requiresLayout() {
			return false;
		}

		@Override
		public void close() {
		}
	};

	private InternalErrors() {
	}

	static InternalErrors capture() {
		InternalErrors capture = new InternalErrors();
		Logger root = Logger.getRootLogger();
		if (System.getenv("IRQDSL_DEBUG") == null) {
			for (Enumeration<?> e = root.getAllAppenders(); e.hasMoreElements();) {
				capture.replaced.add((Appender) e.nextElement());
			}
			capture.replaced.forEach(root::removeAppender);
		}
		root.addAppender(capture.collector);
		return capture;
	}

	int count() {
		return events.size();
	}

	/** Where the first error since {@code index} happened, as " (in Class.method, File.java:42)". */
	String describeSince(int index) {
		if (index >= events.size()) {
			return "";
		}
		LoggingEvent event = events.get(index);
		ThrowableInformation info = event.getThrowableInformation();
		Throwable t = info == null ? null : info.getThrowable();
		if (t != null) {
			for (StackTraceElement frame : t.getStackTrace()) {
				if (frame.getClassName().startsWith("org.irqdsl.")) {
					String simple = frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1);
					return " (in " + simple + "." + frame.getMethodName() + ", " + frame.getFileName() + ":" + frame.getLineNumber() + ")";
				}
			}
		}
		String logger = event.getLoggerName();
		return " (reported by " + logger.substring(logger.lastIndexOf('.') + 1) + ")";
	}

	@Override
	public void close() {
		Logger root = Logger.getRootLogger();
		root.removeAppender(collector);
		replaced.forEach(root::addAppender);
	}
}
