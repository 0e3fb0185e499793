package org.irqdsl.runtime.sim;

/** Told about a long exploration about once a second (the CLI prints it on stderr). */
@FunctionalInterface
public interface ProgressListener {

	void onProgress(Progress progress);

	/**
	 * Asked about every thousand states: {@code true} stops the exploration with an INCOMPLETE
	 * verdict ("cancelled"), as an editor does when a newer edit makes the run useless. A result of
	 * a cancelled run says nothing about the scenario and must not be reused.
	 */
	default boolean cancelled() {
		return false;
	}

	ProgressListener NONE = p -> {
	};
}
