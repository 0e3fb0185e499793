package org.irqdsl.runtime.sim.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The last resort: when the heap runs out before the memory bound, the run ends incomplete, not with the error. */
class HeapExhaustionTest {

	@Test
	void anExhaustedHeapEndsTheExplorationAsIncomplete() throws Exception {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		Process p = new ProcessBuilder(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
				HeapExhaustion.class.getName()).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(out).doesNotContain("OutOfMemoryError").doesNotContain("Exception");
		assertThat(out).contains("complete=false").containsPattern("reason=memory limit reached: the Java heap of [0-9]+ MB ran out");
		assertThat(p.exitValue()).isZero();
	}
}
