package org.irqdsl.runtime.sim.config;

import java.util.List;
import java.util.stream.Collectors;

/** A simulator config that cannot be used: every problem found, each with its location. */
public final class SimConfigException extends Exception {

	private static final long serialVersionUID = 1L;

	private final transient List<ConfigProblem> problems;

	public SimConfigException(List<ConfigProblem> problems) {
		super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
		this.problems = List.copyOf(problems);
	}

	public List<ConfigProblem> problems() {
		return problems;
	}
}
