package org.irqdsl.cli;

import org.irqdsl.workspace.SourceFiles;
import org.irqdsl.workspace.WorkspaceChecker;
import org.irqdsl.diagnostics.Finding;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.eclipse.xtext.validation.CheckMode;
import org.irqdsl.IrqDslInjector;
import org.irqdsl.validation.policy.SeverityPolicy;

import com.google.gson.GsonBuilder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code irqdsl check PATH...}: parse and validate, print the diagnostics, exit 0, 1 or 2. */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = { "Check .irqdsl files (or every .irqdsl file under a folder) for syntax errors and interrupt-delivery hazards.",
				"Prints path:line:col: severity: message [id] and a summary.",
				"Exit status: 0 no error, 1 an error was found, 2 bad usage or unreadable input, 3 internal error." })
public class CheckCommand implements Callable<Integer> {

	public enum Format {
		text, json, sarif
	}

	@Spec
	CommandSpec spec;

	@Parameters(arity = "0..*", paramLabel = "PATH", description = "files or folders to check")
	List<Path> paths = new ArrayList<>();

	@Option(names = "--format", defaultValue = "text",
			description = "text, json or sarif (SARIF 2.1.0, for code-scanning tools) (default: ${DEFAULT-VALUE})")
	Format format;

	@Option(names = "--list-checks", description = "list every check: id, kind, default severity, prerequisites, what it finds (text or --format json)")
	boolean listChecks;

	@Option(names = "-W", paramLabel = "[no-]ID",
			description = "disable (no-ID) or enable a check, like dtc's -W; overrides the folders' .irqdsl-checks files")
	List<String> warnings = new ArrayList<>();

	@Option(names = "-E", paramLabel = "[no-]ID", description = "make a check's findings errors (no-ID: back to its own severity)")
	List<String> errors = new ArrayList<>();

	@Option(names = "--max-file-size", defaultValue = "8", paramLabel = "MIB",
			description = "refuse files larger than this many MiB (default: ${DEFAULT-VALUE})")
	double maxFileSizeMiB;

	@Option(names = "--simulate", description = { "also simulate each scenario within the editors' bound (200,000 states) and report "
			+ "each expect line's verdict [scenario-expectation]: the findings editors show, one for one" })
	boolean simulate;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = Printable.writer(spec.commandLine().getErr());
		try {
			if (!(maxFileSizeMiB > 0)) {
				throw new UsageException("--max-file-size " + maxFileSizeMiB + ": expected a positive number of MiB");
			}
			if (listChecks) {
				return CheckList.print(format, out);
			}
			if (paths.isEmpty()) { // optional only for --list-checks: reported like picocli's own usage errors
				throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'PATH'");
			}
			SeverityPolicy policy = switches();
			List<Path> files = PathArguments.expand(paths);
			WorkspaceChecker checker = IrqDslInjector.get().getInstance(WorkspaceChecker.class);
			long maxBytes = maxFileSizeMiB >= Long.MAX_VALUE / 1048576.0 ? Long.MAX_VALUE : (long) (maxFileSizeMiB * 1048576);
			WorkspaceChecker.Result result = checker.check(files, new SourceFiles(maxBytes), policy,
					simulate ? CheckMode.ALL : CheckMode.FAST_ONLY);
			print(result, files.size(), out);
			for (String internal : result.internalErrors()) {
				err.println("irqdsl check: " + internal);
			}
			if (!result.internalErrors().isEmpty()) {
				return 3;
			}
			if (!result.unreadable().isEmpty()) {
				return 2;
			}
			return result.findings().stream().anyMatch(Finding::isError) ? 1 : 0;
		} catch (UsageException e) {
			e.getMessage().lines().forEach(line -> err.println("irqdsl check: " + line));
			return 2;
		} finally {
			out.flush();
			err.flush();
		}
	}

	private SeverityPolicy switches() throws UsageException {
		try {
			return SeverityPolicy.parse(warnings, errors);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
	}

	private void print(WorkspaceChecker.Result result, int fileCount, PrintWriter out) {
		long errorCount = result.findings().stream().filter(Finding::isError).count();
		long warningCount = result.findings().stream().filter(f -> "warning".equals(f.severity())).count();
		long infoCount = result.findings().stream().filter(f -> "info".equals(f.severity())).count();
		List<Finding> all = result.findings();
		if (format == Format.sarif) {
			out.println(Printable.json(SarifLog.render(result, Path.of("").toAbsolutePath())));
			return;
		}
		if (format == Format.json) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("files", fileCount);
			json.put("errors", errorCount);
			json.put("warnings", warningCount);
			json.put("infos", infoCount);
			json.put("diagnostics", all);
			out.println(Printable.json(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json)));
			return;
		}
		for (Finding f : all) {
			// a multi-line message (a scenario's trace under --simulate): the finding's line as compilers
			// print it, the rest indented below it; each line escaped, so a finding is never split by the
			// file's own text
			String[] lines = f.message().split("\n", -1);
			out.println(Printable.line(new Finding(f.file(), f.line(), f.column(), f.severity(), lines[0], f.id()).toText()));
			for (int i = 1; i < lines.length; i++) {
				out.println("    " + Printable.line(lines[i]));
			}
		}
		out.println(plural(fileCount, "file") + " checked: " + plural(errorCount, "error") + ", "
				+ plural(warningCount, "warning") + ", " + plural(infoCount, "info") + ".");
	}

	private static String plural(long n, String word) {
		return n + " " + word + (n == 1 || word.equals("info") ? "" : "s");
	}
}
