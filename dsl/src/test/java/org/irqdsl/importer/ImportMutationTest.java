package org.irqdsl.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.irqdsl.diagnostics.Finding;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of damaged dumps (fixed seed): truncated, lines dropped, lines shuffled, bytes flipped.
 * No exception may escape the importer; every mutant either imports (to a platform that
 * irqdsl check finds no error in) or is refused with an {@link ImportException} that says why.
 */
class ImportMutationTest {

	static final long SEED = 0x1DD5_1C0FL;
	static final int MUTANTS_PER_SAMPLE = 24;
	static final int MIN_REFUSED = 10;

	enum Mutation {
		TRUNCATE, DROP_LINES, SHUFFLE_LINES, FLIP_BYTES, ALL, GARBLE
	}

	/** Each sample with the option it goes with, and a combination of two. */
	record Case(String lspci, String interrupts, String dmesg) {
	}

	static List<Case> cases() {
		List<Case> cases = new ArrayList<>();
		for (String s : Samples.all()) {
			cases.add(s.startsWith("lspci-") ? new Case(s, null, null)
					: s.startsWith("interrupts-") ? new Case(null, s, null) : new Case(null, null, s));
		}
		cases.add(new Case("lspci-riscv-spacemit-k3-nvme-vv-spaceindent.txt", null, "dmesg-riscv-spacemit-k3-imsic-aplic.txt"));
		cases.add(new Case(null, "interrupts-chromeos-intel-4cpu-ir-msix-perdevice.txt", "dmesg-chromeos-dmar-ir-x2apic-syslogprefix.txt"));
		return cases;
	}

	@Test
	void noExceptionEscapesAndEveryMutantGetsAResultOrAClearError() {
		Random random = new Random(SEED);
		int imported = 0;
		int refused = 0;
		int withProblems = 0;
		java.util.Set<String> refusals = new java.util.TreeSet<>();
		List<String> failures = new ArrayList<>();
		for (Case c : cases()) {
			for (int i = 0; i < MUTANTS_PER_SAMPLE; i++) {
				Mutation m = Mutation.values()[i % Mutation.values().length];
				// mutate one of the case's inputs, keep the others intact
				int which = random.nextInt(c.lspci() != null && c.dmesg() != null || c.interrupts() != null && c.dmesg() != null ? 2 : 1);
				String label = "case " + c + " mutant " + i + " (" + m + ")";
				try {
					Importer.Result r = Importer.run(new Importer.Request(
							input("lspci", c.lspci(), which == 0, m, random),
							input("interrupts", c.interrupts(), which == 0, m, random),
							input("dmesg", c.dmesg(), which == 1 || c.lspci() == null && c.interrupts() == null, m, random),
							Optional.empty(), "mutant", "mutant.irqdsl"));
					imported++;
					withProblems += r.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.UNPARSEABLE && p.at().line() > 0) ? 1 : 0;
					List<Finding> errors = r.findings().stream().filter(Finding::isError).toList();
					if (!errors.isEmpty()) {
						failures.add(label + ": check errors " + errors + "\n" + r.platformText());
					}
					assertThat(r.report().toText()).isNotBlank();
					assertThat(r.report().toJson()).startsWith("{");
				} catch (ImportException e) {
					refused++;
					refusals.add(e.getMessage().replaceAll("\\d+", "N").replaceAll("^\\S+: ", ""));
					if (e.getMessage() == null || e.getMessage().isBlank()) {
						failures.add(label + ": refused without a message");
					}
				} catch (RuntimeException | Error e) {
					failures.add(label + ": " + e);
				}
			}
		}
		assertThat(failures).isEmpty();
		assertThat(imported + refused).isEqualTo(cases().size() * MUTANTS_PER_SAMPLE);
		assertThat(imported).as("most mutants still import").isGreaterThan(refused);
		assertThat(refused).as("some mutants are beyond use and refused").isGreaterThanOrEqualTo(MIN_REFUSED);
		assertThat(withProblems).as("damaged lines are reported with their numbers").isPositive();
		System.out.printf("mutation test: %d mutants, %d imported (%d with unparseable lines reported), %d refused with a message%n",
				imported + refused, imported, withProblems, refused);
		refusals.forEach(m -> System.out.println("  refused: " + m));
	}

	private static Optional<InputText> input(String label, String sample, boolean mutate, Mutation m, Random random) throws ImportException {
		if (sample == null) {
			return Optional.empty();
		}
		byte[] bytes = Samples.bytes(sample);
		if (mutate) {
			bytes = mutate(bytes, m, random);
		}
		return Optional.of(InputText.decode(label, sample, bytes));
	}

	static byte[] mutate(byte[] original, Mutation m, Random random) {
		return switch (m) {
		// a third of the cuts keep only the first few bytes (often nothing usable is left)
		case TRUNCATE -> Arrays.copyOf(original, random.nextInt(3) == 0 ? random.nextInt(Math.min(40, original.length + 1))
				: random.nextInt(original.length + 1));
		case GARBLE -> garble(original, random);
		case FLIP_BYTES -> flip(original, random);
		case DROP_LINES, SHUFFLE_LINES -> lines(original, m, random);
		case ALL -> flip(lines(lines(Arrays.copyOf(original, original.length / 2 + random.nextInt(original.length / 2 + 1)),
				Mutation.DROP_LINES, random), Mutation.SHUFFLE_LINES, random), random);
		};
	}

	private static byte[] flip(byte[] original, Random random) {
		byte[] b = original.clone();
		int flips = 1 + random.nextInt(Math.max(1, b.length / 200));
		for (int i = 0; i < flips && b.length > 0; i++) {
			b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
		}
		return b;
	}

	/** Up to every byte replaced: from a badly damaged dump to binary noise. */
	private static byte[] garble(byte[] original, Random random) {
		byte[] b = original.clone();
		int percent = 5 + random.nextInt(96);
		for (int i = 0; i < b.length; i++) {
			if (random.nextInt(100) < percent) {
				b[i] = (byte) random.nextInt(256);
			}
		}
		return b;
	}

	private static byte[] lines(byte[] original, Mutation m, Random random) {
		List<String> lines = new ArrayList<>(Arrays.asList(new String(original, StandardCharsets.ISO_8859_1).split("\n", -1)));
		if (m == Mutation.DROP_LINES) {
			lines.removeIf(l -> random.nextInt(5) == 0);
		} else if (!lines.isEmpty()) {
			// shuffle a window, as a badly pasted dump would
			int from = random.nextInt(lines.size());
			int to = Math.min(lines.size(), from + 2 + random.nextInt(30));
			Collections.shuffle(lines.subList(from, to), random);
		}
		return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
	}
}
