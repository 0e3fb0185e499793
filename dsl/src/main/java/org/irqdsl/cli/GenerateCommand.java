package org.irqdsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.eclipse.emf.ecore.resource.Resource;
import org.irqdsl.generator.GeneratedSimConfig;
import org.irqdsl.generator.HierarchyDiagram;
import org.irqdsl.generator.IrqDslSimConfigGenerator;
import org.irqdsl.irqDsl.Model;
import org.irqdsl.irqDsl.Platform;
import org.irqdsl.irqDsl.Scenario;
import org.irqdsl.runtime.sim.config.SimConfigException;
import org.irqdsl.runtime.sim.config.SimConfigReader;
import org.irqdsl.runtime.sim.config.SimConfigWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code irqdsl generate PATH... -o DIR}: simulator configs per scenario, hierarchy diagrams per platform. */
@Command(name = "generate", mixinStandardHelpOptions = true,
		description = { "Write, for each scenario, its simulator config DIR/<scenario>.sim.json and, for each platform, its irq-domain hierarchy as DIR/<platform>.dot (Graphviz) and DIR/<platform>.mmd (Mermaid).",
				"Exit status: 0 written, 2 bad input or the folder cannot be written, 3 internal error." })
public class GenerateCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(arity = "1..*", paramLabel = "PATH", description = ".irqdsl files or folders")
	List<Path> paths = new ArrayList<>();

	@Option(names = { "-o", "--output" }, required = true, paramLabel = "DIR", description = "the folder to write into (created if missing)")
	Path output;

	@Override
	public Integer call() {
		PrintWriter out = Printable.writer(spec.commandLine().getOut());
		PrintWriter err = Printable.writer(spec.commandLine().getErr());
		try {
			if (output.toString().isEmpty()) {
				throw new UsageException("-o '': expected a folder name");
			}
			LoadedModels loaded = LoadedModels.load(PathArguments.expand(paths));
			if (loaded.report("generate", err)) {
				return loaded.internalErrors().isEmpty() ? 2 : 3;
			}
			Map<String, String> files = new LinkedHashMap<>();
			for (Resource r : loaded.resources().values()) {
				for (var root : r.getContents()) {
					if (root instanceof Model m) {
						collect(m, files, out);
					}
				}
			}
			if (Files.exists(output) && !Files.isDirectory(output)) {
				throw new UsageException(output + ": not a folder");
			}
			try {
				Files.createDirectories(output);
			} catch (IOException e) {
				throw new UsageException("cannot create folder " + output + ": " + IoMessages.describe(e));
			}
			List<AtomicFiles.Staged> staged = stage(files, err);
			if (staged == null) {
				return 2;
			}
			for (int i = 0; i < staged.size(); i++) {
				try {
					staged.get(i).commit();
				} catch (IOException e) {
					// after every file was written beside its target, a rename failing is rare (the folder changed meanwhile)
					staged.subList(i + 1, staged.size()).forEach(AtomicFiles.Staged::discard);
					err.println("irqdsl generate: " + IoMessages.cannotWrite(staged.get(i).file(), e) + "; "
							+ (i == 0 ? "nothing" : "only the files above") + " written");
					return 2;
				}
				out.println("wrote " + staged.get(i).file());
			}
			return 0;
		} catch (UsageException e) {
			e.getMessage().lines().forEach(line -> err.println("irqdsl generate: " + line));
			return 2;
		} finally {
			out.flush();
			err.flush();
		}
	}

	/**
	 * Checks every target (none is a folder, the folder is writable), then writes every file beside
	 * its target; null, after saying why and with nothing written, when one cannot be.
	 */
	private List<AtomicFiles.Staged> stage(Map<String, String> files, PrintWriter err) {
		List<String> problems = new ArrayList<>();
		for (String name : files.keySet()) {
			try {
				AtomicFiles.target(output.resolve(name));
			} catch (IOException e) {
				problems.add(IoMessages.cannotWrite(output.resolve(name), e));
			}
		}
		List<AtomicFiles.Staged> staged = new ArrayList<>();
		if (problems.isEmpty()) {
			for (Map.Entry<String, String> f : files.entrySet()) {
				try {
					staged.add(AtomicFiles.stage(output.resolve(f.getKey()), f.getValue()));
				} catch (IOException e) {
					problems.add(IoMessages.cannotWrite(output.resolve(f.getKey()), e));
					break;
				}
			}
		}
		if (problems.isEmpty()) {
			return staged;
		}
		staged.forEach(AtomicFiles.Staged::discard);
		problems.forEach(p -> err.println("irqdsl generate: " + p));
		err.println("irqdsl generate: nothing written");
		return null;
	}

	/** The files of one model, each config re-read by the runtime's reader before anything is written. */
	private static void collect(Model model, Map<String, String> files, PrintWriter out) throws UsageException {
		for (var element : model.getElements()) {
			if (element instanceof Platform p) {
				files.put(p.getName() + ".dot", HierarchyDiagram.dot(p));
				files.put(p.getName() + ".mmd", HierarchyDiagram.mermaid(p));
			} else if (element instanceof Scenario s) {
				GeneratedSimConfig g = IrqDslSimConfigGenerator.generate(s);
				if (g.config().isEmpty()) {
					throw new UsageException("scenario " + s.getName() + ": " + String.join("; ",
							g.problems().stream().map(pr -> pr.message()).toList()));
				}
				String json = SimConfigWriter.write(g.config().get());
				try {
					SimConfigReader.read(json);
				} catch (SimConfigException e) {
					throw new IllegalStateException("the generated config of scenario " + s.getName()
							+ " does not read back: " + e.getMessage(), e);
				}
				g.notes().forEach(n -> out.println("scenario " + s.getName() + ": " + n));
				files.put(s.getName() + ".sim.json", json);
			}
		}
	}
}
