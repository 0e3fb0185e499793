package org.irqdsl.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.eclipse.emf.ecore.resource.Resource;
import org.irqdsl.irqDsl.Scenario;
import org.irqdsl.runtime.sim.ExpectationResult;
import org.irqdsl.runtime.sim.Limits;
import org.irqdsl.runtime.sim.ProgressListener;
import org.irqdsl.runtime.sim.Seconds;
import org.irqdsl.runtime.sim.Verdict;
import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.sim.config.SimConfigException;
import org.irqdsl.runtime.sim.config.SimConfigReader;
import org.irqdsl.simulation.IrqDslScenarioRunner;
import org.irqdsl.simulation.ScenarioReport;
import org.irqdsl.simulation.ScenarioRun;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code irqdsl simulate PATH...}: replay each scenario under every interleaving and judge its expectations. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
		description = { "Simulate the scenarios of .irqdsl files (or folders) and of simulator configs (.json) under every interleaving.",
				"Prints each expectation's verdict (holds, fails, incomplete) and, where a property shows, its shortest trace as columns.",
				"Exit status: 0 every expectation holds, 1 one fails or is incomplete, 2 bad input, 3 internal error." })
public class SimulateCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(arity = "1..*", paramLabel = "PATH", description = ".irqdsl files, folders, or simulator configs (.json)")
	List<Path> paths = new ArrayList<>();

	@Option(names = "--scenario", paramLabel = "NAME", description = "only this scenario (repeatable)")
	List<String> scenarios = new ArrayList<>();

	@Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
	CheckCommand.Format format;

	@Option(names = "--max-states", defaultValue = "10000000", paramLabel = "N",
			description = "give up (verdict incomplete) after this many states (default: ${DEFAULT-VALUE})")
	long maxStates;

	@Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS",
			description = "give up (verdict incomplete) after this long per scenario (default: ${DEFAULT-VALUE})")
	double timeoutSeconds;

	@Option(names = "--max-memory", paramLabel = "MB", description = "give up (verdict incomplete) before the explored states"
			+ " take more than this many megabytes (default 0: the Java heap, -Xmx, less a reserve of a quarter of it, at least 64 MB)")
	long maxMemoryMegabytes = Limits.AUTO_MEMORY;

	@Override
	public Integer call() {
		PrintWriter out = format == CheckCommand.Format.json ? spec.commandLine().getOut() : Printable.writer(spec.commandLine().getOut());
		PrintWriter err = Printable.writer(spec.commandLine().getErr());
		try {
			Limits limits = limits(err);
			List<ScenarioRun> runs = new ArrayList<>();
			List<Path> models = new ArrayList<>();
			List<SimConfig> configs = new ArrayList<>();
			int badConfigs = 0;
			for (Path p : paths) {
				if (Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json")) {
					// every config is read and its problems reported; the valid ones still run
					SimConfig c = read(p, err);
					if (c == null) {
						badConfigs++;
					} else {
						configs.add(c);
					}
				} else {
					models.add(p);
				}
			}
			List<Selected> selected = select(models, configs, err);
			if (selected == null) {
				return 2;
			}
			if (selected.isEmpty() && badConfigs > 0) {
				err.println("irqdsl simulate: no valid config: nothing simulated");
				return 2;
			}
			for (Selected s : selected) {
				ProgressListener progress = p -> {
					err.println("irqdsl simulate: " + s.name() + ": " + p);
					err.flush();
				};
				runs.add(s.scenario() != null ? IrqDslScenarioRunner.run(s.scenario(), limits, progress)
						: IrqDslScenarioRunner.run(s.config(), limits, progress));
			}
			print(runs, out);
			boolean notSimulated = runs.stream().anyMatch(r -> r.result().isEmpty());
			if (notSimulated) {
				runs.stream().filter(r -> r.result().isEmpty())
						.forEach(r -> r.problems().forEach(p -> err.println("irqdsl simulate: " + r.scenario() + ": " + p)));
			}
			if (badConfigs > 0) {
				err.println("irqdsl simulate: " + badConfigs + (badConfigs == 1 ? " config" : " configs") + " not valid, not simulated");
			}
			if (notSimulated || badConfigs > 0) {
				return 2;
			}
			return runs.stream().anyMatch(ScenarioRun::anyNotHolding) ? 1 : 0;
		} catch (UsageException e) {
			e.getMessage().lines().forEach(line -> err.println("irqdsl simulate: " + line));
			return 2;
		} finally {
			out.flush();
			err.flush();
		}
	}

	/** A scenario to run: from a model, or a config read from JSON. */
	private record Selected(String name, Scenario scenario, SimConfig config) {
	}

	/** The scenarios asked for, in file order; null after printing why the input is bad. */
	private List<Selected> select(List<Path> models, List<SimConfig> configs, PrintWriter err) throws UsageException {
		List<Selected> all = new ArrayList<>();
		if (!models.isEmpty()) {
			LoadedModels loaded = LoadedModels.load(PathArguments.expand(models));
			if (loaded.report("simulate", err)) {
				return null;
			}
			for (Resource r : loaded.resources().values()) {
				IrqDslScenarioRunner.scenarios(r).forEach(s -> all.add(new Selected(s.getName(), s, null)));
			}
		}
		configs.forEach(c -> all.add(new Selected(c.scenario(), null, c)));
		if (scenarios.isEmpty()) {
			return all;
		}
		List<Selected> chosen = new ArrayList<>();
		for (String name : scenarios) {
			List<Selected> match = all.stream().filter(s -> s.name().equals(name)).toList();
			if (match.isEmpty()) {
				throw new UsageException("--scenario " + name + ": no such scenario (known: "
						+ String.join(", ", all.stream().map(Selected::name).toList()) + ")");
			}
			chosen.addAll(match);
		}
		return chosen;
	}

	/** The config, or null after printing each of its problems with the file and its JSON pointer. */
	private static SimConfig read(Path json, PrintWriter err) {
		try {
			return SimConfigReader.read(json);
		} catch (SimConfigException e) {
			err.println("irqdsl simulate: " + json + ": not a valid simulator config:");
			e.problems().forEach(p -> err.println("  " + json + ": " + p));
			return null;
		}
	}

	/** The longest --timeout: about 11.6 days; a longer one is taken as this (and said so). */
	static final Duration MAX_TIMEOUT = Duration.ofSeconds(1_000_000);

	private Limits limits(PrintWriter err) throws UsageException {
		if (maxStates < 1) {
			throw new UsageException("--max-states " + maxStates + ": expected a positive number of states");
		}
		if (!(timeoutSeconds > 0)) {
			throw new UsageException("--timeout " + number(timeoutSeconds) + ": expected a positive number of seconds");
		}
		Duration timeout;
		if (timeoutSeconds > MAX_TIMEOUT.getSeconds()) {
			timeout = MAX_TIMEOUT;
			err.println("irqdsl simulate: --timeout " + number(timeoutSeconds) + ": more than the maximum, "
					+ Seconds.text(MAX_TIMEOUT) + " s (about 11.6 days); using the maximum");
		} else {
			// nanoseconds, so 0.001 stays 1 ms; at least 1 ns, so a tiny positive timeout is not zero
			timeout = Duration.ofNanos(Math.max(1, Math.round(timeoutSeconds * 1e9)));
		}
		if (maxMemoryMegabytes < 0 || maxMemoryMegabytes > 1L << 30) {
			throw new UsageException("--max-memory " + maxMemoryMegabytes + ": expected a number of megabytes (0: from the heap)");
		}
		return Limits.DEFAULT.withMaxStates(maxStates).withTimeout(timeout).withMaxBytes(maxMemoryMegabytes << 20);
	}

	/** A number as typed, without a spurious ".0": "60", "0.001", "1E+20". */
	private static String number(double d) {
		if (Double.isNaN(d) || Double.isInfinite(d)) {
			return Double.toString(d);
		}
		BigDecimal b = BigDecimal.valueOf(d).stripTrailingZeros();
		return Math.abs(d) >= 1e-6 && Math.abs(d) < 1e15 || d == 0 ? b.toPlainString() : b.toString();
	}

	private void print(List<ScenarioRun> runs, PrintWriter out) {
		long hold = count(runs, Verdict.HOLDS);
		long fail = count(runs, Verdict.FAILS);
		long incomplete = count(runs, Verdict.INCOMPLETE);
		if (format == CheckCommand.Format.json) {
			JsonObject o = new JsonObject();
			JsonArray list = new JsonArray();
			runs.forEach(r -> list.add(ScenarioReport.json(r)));
			o.add("scenarios", list);
			o.addProperty("holds", hold);
			o.addProperty("fails", fail);
			o.addProperty("incomplete", incomplete);
			out.println(Printable.json(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o)));
			return;
		}
		for (ScenarioRun r : runs) {
			out.println(r.text());
		}
		out.println(runs.size() + " scenario" + (runs.size() == 1 ? "" : "s") + " simulated: " + hold + " holding, " + fail
				+ " failing, " + incomplete + " incomplete.");
	}

	private static long count(List<ScenarioRun> runs, Verdict v) {
		return runs.stream().flatMap(r -> r.result().stream()).flatMap(r -> r.expectations().stream())
				.map(ExpectationResult::verdict).filter(v::equals).count();
	}
}
