package org.irqdsl.validation;

/**
 * The message of an {@code internal-error} finding: a check threw instead of reporting. Names the
 * exception and the first irqdsl frame, the same in every host, so a report can be traced.
 */
public final class CheckFailure {

	private CheckFailure() {
	}

	public static String message(Throwable t) {
		StringBuilder m = new StringBuilder("internal error: a check failed here (").append(t.getClass().getSimpleName());
		for (StackTraceElement frame : t.getStackTrace()) {
			if (frame.getClassName().startsWith("org.irqdsl.")) {
				String simple = frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1);
				m.append(" in ").append(simple).append('.').append(frame.getMethodName()).append(", ").append(frame.getFileName())
						.append(':').append(frame.getLineNumber());
				break;
			}
		}
		return m.append("); findings here may be missing. Please report it with the file.").toString();
	}
}
