package org.irqdsl.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;
import org.irqdsl.generator.IrqDslSimConfigGenerator;
import org.irqdsl.irqDsl.Scenario;
import org.irqdsl.runtime.sim.Limits;
import org.irqdsl.validation.Diagnostics;
import org.junit.jupiter.api.Test;

/**
 * The results are found again by the scenario's config as a value: the same text parsed again (an
 * editor's next edit elsewhere) finds them, another scenario or other limits do not.
 */
class SimResultCacheTest {

	private static final Path EXAMPLE = Path.of("../examples/x86-noremap-seed001.irqdsl");

	private static List<SimResultCache.Key> keys(String text, Limits limits) {
		Diagnostics.issues("cache.irqdsl", text);
		Resource resource = Diagnostics.lastResource();
		return IrqDslScenarioRunner.scenarios(resource).stream()
				.map(s -> SimResultCache.key(config(s), limits)).toList();
	}

	private static org.irqdsl.runtime.sim.config.SimConfig config(Scenario scenario) {
		return IrqDslSimConfigGenerator.generate(scenario).config().orElseThrow();
	}

	@Test
	void theSameScenarioParsedAgainHasTheSameKeyAndAnotherScenarioAnother() throws IOException {
		String text = Files.readString(EXAMPLE);
		List<SimResultCache.Key> first = keys(text, IrqDslScenarioRunner.EDITOR_LIMITS);
		List<SimResultCache.Key> again = keys(text, IrqDslScenarioRunner.EDITOR_LIMITS);
		assertThat(first).hasSizeGreaterThan(3);
		assertThat(again).isEqualTo(first);
		assertThat(again.stream().map(Object::hashCode).toList()).isEqualTo(first.stream().map(Object::hashCode).toList());
		assertThat(first).doesNotHaveDuplicates();
		assertThat(keys(text, new Limits(1_000, Duration.ofSeconds(60), true))).doesNotContainAnyElementsOf(first);
	}
}
