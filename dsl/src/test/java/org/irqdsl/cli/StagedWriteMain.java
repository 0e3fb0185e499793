package org.irqdsl.cli;

import java.nio.file.Path;

/**
 * Run as its own process by {@link AtomicFilesTest}: stages a write of {@code args[0]}, says so on
 * standard output, and waits to be killed before moving it into place.
 */
public final class StagedWriteMain {

	private StagedWriteMain() {
	}

	public static void main(String[] args) throws Exception {
		AtomicFiles.stage(Path.of(args[0]), "new content of a run that gets killed\n".repeat(1000));
		System.out.println("staged");
		System.out.flush();
		Thread.sleep(60_000);
	}
}
