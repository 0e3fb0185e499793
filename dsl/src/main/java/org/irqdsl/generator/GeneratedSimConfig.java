package org.irqdsl.generator;

import java.util.List;
import java.util.Optional;

import org.irqdsl.runtime.sim.config.SimConfig;

/**
 * The simulator config of one scenario, or why there is none ({@code problems}), and what the
 * generator decided that a reader should see ({@code notes}: each VMD's child-to-vector load).
 */
public record GeneratedSimConfig(String scenario, Optional<SimConfig> config, List<GenerationProblem> problems,
		List<String> notes) {

	public GeneratedSimConfig {
		problems = List.copyOf(problems);
		notes = List.copyOf(notes);
	}
}
