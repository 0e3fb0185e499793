package org.irqdsl.runtime.sim;

/** Told about a long exploration about once a second (the CLI prints it on stderr). */
@FunctionalInterface
public interface ProgressListener {

	void onProgress(Progress progress);

	ProgressListener NONE = p -> {
	};
}
