package org.irqdsl.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.irqdsl.cli.CheckCommand;
import org.irqdsl.validation.policy.SeverityPolicy;
import org.irqdsl.workspace.SourceFiles;
import org.irqdsl.workspace.WorkspaceChecker;

import com.google.inject.Injector;

/**
 * How long {@code irqdsl check} takes on platforms of 100, 1,000 and 10,000 devices
 * ({@link PlatformGenerator}), warm, and how much heap the checked model holds.
 * <p>
 * For each size: several iterations of parse, then validate (linking, Xtext's own checks and the
 * hazard checks), then the whole command-line check of the file ({@link WorkspaceChecker}: read,
 * parse, validate, messages), wall-clock and the thread's CPU time (steadier on a shared
 * machine); the medians of the last iterations are printed. Heap: what one parsed and validated
 * model holds after a full GC.
 * <p>
 * Not a test: run it with {@code scripts/bench-check}. Arguments: device counts, separated by
 * spaces or commas (default 100,1000,10000); {@code -Dbench.iterations=N} measured iterations
 * (default 5; more for small sizes).
 */
public final class CheckBenchmark {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private final Injector injector = org.irqdsl.IrqDslInjector.get();
	private final IResourceValidator validator = injector.getInstance(IResourceValidator.class);
	private final IResourceFactory resourceFactory = injector.getInstance(IResourceFactory.class);

	private CheckBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int[] sizes = args.length == 0 ? new int[] { 100, 1000, 10000 }
				: Arrays.stream(String.join(",", args).split("[,\\s]+")).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
		int iterations = Integer.getInteger("bench.iterations", 5);
		CheckBenchmark bench = new CheckBenchmark();
		Path dir = Files.createTempDirectory("irqdsl-bench");
		System.out.printf(Locale.ROOT, "java %s, %d cores, max heap %d MiB%n", System.getProperty("java.version"),
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
		System.out.println("load average at start: " + loadAverage());
		List<String> rows = new ArrayList<>();
		for (int n : sizes) {
			Timing t = bench.run(n, iterations, dir);
			// measured from here, with run()'s frame (and the models its locals may hold) gone
			double heap = bench.retainedHeapMiB(t.file(), t.generated().text());
			rows.add(t.row(heap));
		}
		System.out.println("load average at end: " + loadAverage());
		System.out.println();
		System.out.println("| devices | scenarios | lines | KiB | findings | parse ms | validate ms | check ms | check CPU ms | CPU µs/device | heap MiB |");
		System.out.println("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
		rows.forEach(System.out::println);
	}

	/** Medians of one size, in nanoseconds. */
	private record Timing(PlatformGenerator.Generated generated, Path file, int findings, long parse, long validate, long check,
			long checkCpu) {

		String row(double heapMiB) {
			PlatformGenerator.Generated g = generated;
			return String.format(Locale.ROOT, "| %,d | %,d | %,d | %,d | %,d | %.0f | %.0f | %.0f | %.0f | %.1f | %.1f |",
					g.devices(), g.scenarios(), g.lines(), g.text().length() / 1024, findings, ms(parse), ms(validate), ms(check),
					ms(checkCpu), ms(checkCpu) * 1000 / g.devices(), heapMiB);
		}
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		} catch (IOException | RuntimeException e) {
			return "(unknown)";
		}
	}

	private Timing run(int n, int iterations, Path dir) throws IOException {
		PlatformGenerator.Generated g = PlatformGenerator.generate(n);
		Path file = dir.resolve("bench_" + n + ".irqdsl");
		Files.writeString(file, g.text(), StandardCharsets.UTF_8);
		// small sizes run fast and vary more: more iterations; the first ones warm the JIT up
		int measured = Math.max(iterations, 2_000_000 / Math.max(g.text().length(), 1));
		measured = Math.min(measured, 50);
		int warmup = Math.max(3, measured);
		long[] parse = new long[measured];
		long[] validate = new long[measured];
		long[] check = new long[measured];
		long[] checkCpu = new long[measured];
		int findings = 0;
		for (int i = -warmup; i < measured; i++) {
			XtextResourceSet set = injector.getInstance(XtextResourceSet.class);
			long t0 = System.nanoTime();
			Resource resource = parse(set, file, g.text());
			long t1 = System.nanoTime();
			// the checks `irqdsl check` runs (FAST): the editors also simulate scenarios (NORMAL), which check does not
			List<Issue> issues = validator.validate(resource, CheckMode.FAST_ONLY, CancelIndicator.NullImpl);
			long t2 = System.nanoTime();
			long cpu0 = THREADS.getCurrentThreadCpuTime();
			WorkspaceChecker.Result result = injector.getInstance(WorkspaceChecker.class).check(List.of(file),
					new SourceFiles(Long.MAX_VALUE), policy());
			long t3 = System.nanoTime();
			long cpu1 = THREADS.getCurrentThreadCpuTime();
			if (!resource.getErrors().isEmpty() || result.findings().size() != issues.size()) {
				java.util.Map<String, Long> byValidator = issues.stream().collect(java.util.stream.Collectors.groupingBy(
						issue -> String.valueOf(issue.getCode()), java.util.TreeMap::new, java.util.stream.Collectors.counting()));
				java.util.Map<String, Long> byCheck = result.findings().stream().collect(java.util.stream.Collectors.groupingBy(
						f -> String.valueOf(f.id()), java.util.TreeMap::new, java.util.stream.Collectors.counting()));
				throw new IllegalStateException("generated text does not parse cleanly: " + resource.getErrors()
						+ "; validator " + byValidator + " vs check " + byCheck);
			}
			findings = issues.size();
			if (i >= 0) {
				parse[i] = t1 - t0;
				validate[i] = t2 - t1;
				check[i] = t3 - t2;
				checkCpu[i] = cpu1 - cpu0;
			}
			System.out.printf(Locale.ROOT, "n=%d %s %d: parse %.0f ms, validate %.0f ms, check %.0f ms (cpu %.0f ms)%n", n,
					i < 0 ? "warm-up" : "run", i < 0 ? i + warmup + 1 : i + 1, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2),
					ms(cpu1 - cpu0));
		}
		return new Timing(g, file, findings, median(parse), median(validate), median(check), median(checkCpu));
	}

	private XtextResource parse(XtextResourceSet set, Path file, String text) throws IOException {
		XtextResource resource = (XtextResource) resourceFactory.createResource(URI.createFileURI(file.toString()));
		set.getResources().add(resource);
		resource.load(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
				Map.of(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name()));
		return resource;
	}

	/**
	 * Heap one parsed and validated model holds: used heap after GC with several copies held,
	 * minus the same without them, per copy (several copies so that small models rise above the
	 * noise); the median of three rounds.
	 */
	private double retainedHeapMiB(Path file, String text) throws IOException {
		int copies = Math.max(1, 2_000_000 / Math.max(text.length(), 1));
		double[] rounds = new double[3];
		for (int r = 0; r < rounds.length; r++) {
			long before = usedAfterGc();
			List<Resource> held = new ArrayList<>();
			for (int c = 0; c < copies; c++) {
				XtextResourceSet set = injector.getInstance(XtextResourceSet.class);
				Resource resource = parse(set, file, text);
				validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
				held.add(resource);
			}
			long after = usedAfterGc();
			rounds[r] = (after - before) / 1048576.0 / copies;
			if (held.size() != copies) { // keep the models reachable until measured
				throw new IllegalStateException();
			}
		}
		Arrays.sort(rounds);
		return rounds[1];
	}

	private static long usedAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
			try {
				Thread.sleep(50);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

	private static SeverityPolicy policy() {
		return SeverityPolicy.NONE;
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static double ms(long nanos) {
		return nanos / 1e6;
	}
}
