package org.irqdsl.simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.eclipse.emf.ecore.resource.Resource;
import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.generator.GeneratedSimConfig;
import org.irqdsl.generator.GenerationProblem;
import org.irqdsl.generator.IrqDslSimConfigGenerator;
import org.irqdsl.irqDsl.Model;
import org.irqdsl.irqDsl.Scenario;
import org.irqdsl.runtime.sim.Limits;
import org.irqdsl.runtime.sim.Progress;
import org.irqdsl.runtime.sim.ProgressListener;
import org.irqdsl.runtime.sim.SimResult;
import org.irqdsl.runtime.sim.Simulator;
import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.sim.config.SimConfigException;

/**
 * Runs the scenarios of .irqdsl models in the simulator: the one entry point the command line
 * ({@code irqdsl simulate}), the validator (a scenario's verdicts as diagnostics in every editor,
 * through the language server) and the Eclipse plugin use.
 * <p>
 * Stable API:
 * <ul>
 * <li>{@link #run(Resource, Limits, ProgressListener)}: every scenario of a loaded resource, in
 * file order, each as a {@link ScenarioRun};</li>
 * <li>{@link #run(Scenario, Limits, ProgressListener)}: one scenario;</li>
 * <li>{@link #runCached(Scenario, Limits)}: one scenario, the result reused while the generated
 * config (hashed) and the limits are the same - what an editor calls on every change;</li>
 * <li>{@link #run(SimConfig, Limits, ProgressListener)}: a config read from JSON;</li>
 * <li>{@link ScenarioRun#text()} / {@link ScenarioReport#json(ScenarioRun)}: the report;
 * {@link #EDITOR_LIMITS}: the bounds an editor should use.</li>
 * </ul>
 * A scenario that cannot be simulated (unknown platform, something the simulator does not model)
 * gives a run without result whose {@code problems} say why; callers should not simulate files
 * with syntax errors or unresolved references. Threads: safe to call concurrently.
 */
public final class IrqDslScenarioRunner {

	/** Small bounds for editors: 200,000 states or 2 seconds, whichever comes first. */
	/**
	 * The editors' bound, also {@code irqdsl check --simulate}'s: a state count, so that every host
	 * and every machine gives the same verdict for a file (a time bound would make a verdict depend
	 * on the machine's speed and load); the timeout is only a guard against a pathological run.
	 */
	public static final Limits EDITOR_LIMITS = new Limits(200_000, Duration.ofSeconds(60), true);

	private static final SimResultCache CACHE = new SimResultCache();

	private IrqDslScenarioRunner() {
	}

	/** Every scenario of {@code resource}, in file order. */
	public static List<ScenarioRun> run(Resource resource, Limits limits, ProgressListener progress) {
		List<ScenarioRun> runs = new ArrayList<>();
		for (Scenario s : scenarios(resource)) {
			runs.add(run(s, limits, progress));
		}
		return runs;
	}

	/** The scenarios of a resource, in file order. */
	public static List<Scenario> scenarios(Resource resource) {
		List<Scenario> out = new ArrayList<>();
		for (var root : resource.getContents()) {
			if (root instanceof Model m) {
				m.getElements().stream().filter(Scenario.class::isInstance).map(Scenario.class::cast).forEach(out::add);
			}
		}
		return out;
	}

	public static ScenarioRun run(Scenario scenario, Limits limits, ProgressListener progress) {
		return simulate(IrqDslSimConfigGenerator.generate(scenario), platform(scenario), limits, progress, false);
	}

	/** Like {@link #run(Scenario, Limits, ProgressListener)}, reusing an earlier result for the same config and limits. */
	public static ScenarioRun runCached(Scenario scenario, Limits limits) {
		return simulate(IrqDslSimConfigGenerator.generate(scenario), platform(scenario), limits, ProgressListener.NONE, true);
	}

	/** Same, with the platform's facts already computed (the validator shares them with its checks). */
	public static ScenarioRun runCached(Scenario scenario, PlatformFacts facts, Limits limits) {
		return runCached(scenario, facts, limits, () -> false);
	}

	/**
	 * Same, stopped as soon as {@code cancelled} says so (an editor's newer edit); the result of a
	 * stopped run is incomplete and is not cached.
	 */
	public static ScenarioRun runCached(Scenario scenario, PlatformFacts facts, Limits limits, BooleanSupplier cancelled) {
		ProgressListener listener = new ProgressListener() {
			@Override
			public void onProgress(Progress progress) {
			}

			@Override
			public boolean cancelled() {
				return cancelled.getAsBoolean();
			}
		};
		return simulate(IrqDslSimConfigGenerator.generate(scenario, facts), platform(scenario), limits, listener, true);
	}

	/** A config read from JSON ({@code SimConfigReader}). */
	public static ScenarioRun run(SimConfig config, Limits limits, ProgressListener progress) {
		return simulate(new GeneratedSimConfig(config.scenario(), Optional.of(config), List.of(), List.of()),
				config.platform(), limits, progress, false);
	}

	private static ScenarioRun simulate(GeneratedSimConfig generated, String platform, Limits limits,
			ProgressListener progress, boolean cached) {
		List<String> problems = generated.problems().stream().map(GenerationProblem::message).toList();
		if (generated.config().isEmpty()) {
			return new ScenarioRun(generated.scenario(), platform, Optional.empty(), problems, generated.notes(),
					Optional.empty());
		}
		SimConfig config = generated.config().get();
		SimResultCache.Key key = cached ? SimResultCache.key(config, limits) : null;
		SimResult result = cached ? CACHE.get(key) : null;
		if (result == null) {
			boolean[] stopped = {false};
			ProgressListener listener = new ProgressListener() {
				@Override
				public void onProgress(Progress p) {
					progress.onProgress(p);
				}

				@Override
				public boolean cancelled() {
					stopped[0] |= progress.cancelled();
					return stopped[0];
				}
			};
			try {
				result = Simulator.run(config, limits, listener);
			} catch (SimConfigException e) {
				return new ScenarioRun(generated.scenario(), platform, Optional.of(config),
						e.problems().stream().map(p -> "the simulator cannot run this scenario: " + p).toList(),
						generated.notes(), Optional.empty());
			}
			if (cached && !stopped[0]) {
				CACHE.put(key, result);
			}
		}
		return new ScenarioRun(generated.scenario(), platform, Optional.of(config), problems, generated.notes(),
				Optional.of(result));
	}

	private static String platform(Scenario s) {
		return s.getPlatform() == null || s.getPlatform().eIsProxy() ? "?" : s.getPlatform().getName();
	}
}
