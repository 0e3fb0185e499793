package org.irqdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code irqdsl resident serve|status|stop} as a user (and ./irqdsl) types them. */
class ResidentCommandTest {

	private static final String FOLDER = "irqdsl.resident.folder";

	@TempDir
	Path temp;

	@BeforeEach
	void privateFolder() {
		System.setProperty(FOLDER, temp.resolve("sockets").toString());
	}

	@AfterEach
	void defaultFolder() {
		System.clearProperty(FOLDER);
	}

	@Test
	void serveListsInStatusAndStopsOnStop() throws Exception {
		assertThat(CliRun.irqdsl("resident", "status").out()).isEqualTo("0 resident servers\n");

		CompletableFuture<CliRun> serving = CompletableFuture.supplyAsync(() -> CliRun.irqdsl("resident", "serve", "--idle", "60"));
		String status = "";
		for (int i = 0; i < 500 && !status.endsWith("1 resident server\n"); i++) {
			Thread.sleep(20);
			status = CliRun.irqdsl("resident", "status").out();
		}
		assertThat(status).contains("pid " + ProcessHandle.current().pid(), ", 0 commands run").endsWith("1 resident server\n");

		assertThat(CliRun.irqdsl("resident", "stop").out()).isEqualTo("1 resident server stopped\n");
		CliRun served = serving.get(10, TimeUnit.SECONDS);
		assertThat(served.exit()).isZero();
		assertThat(CliRun.irqdsl("resident", "status").out()).isEqualTo("0 resident servers\n");
	}

	@Test
	void aServerRetiresWhenIdle() throws Exception {
		CliRun served = CompletableFuture.supplyAsync(() -> CliRun.irqdsl("resident", "serve", "--idle", "1")).get(20, TimeUnit.SECONDS);
		assertThat(served.exit()).isZero();
		assertThat(CliRun.irqdsl("resident", "status").out()).isEqualTo("0 resident servers\n");
	}
}
