package org.irqdsl.importer;

import java.util.List;
import java.util.Optional;

/**
 * One summary line when a large share of a dump was skipped, so that a half-foreign file never
 * imports as if it were whole: the lines its parser reported as unparseable, and, in a kernel log
 * whose lines carry printk prefixes, the lines without one (continuation lines are indented and
 * count as the log's own).
 */
final class SkippedLines {

	/** A tenth of the lines, and at least this many, is a large share. */
	static final int MIN_LINES = 3;

	private SkippedLines() {
	}

	static Optional<Problem> summary(InputText in, List<Problem> problems) {
		int nonBlank = 0;
		int skipped = 0;
		int first = 0;
		boolean[] reported = new boolean[in.lines().size() + 1];
		for (Problem p : problems) {
			if (p.kind() == Problem.Kind.UNPARSEABLE && p.at().input().equals(in.label()) && p.at().line() > 0
					&& p.at().line() < reported.length) {
				reported[p.at().line()] = true;
			}
		}
		int prefixed = 0;
		if (in.label().equals(DumpKind.KERNEL_LOG.label())) {
			for (String line : in.lines()) {
				prefixed += !line.isBlank() && DumpKind.logPrefixed(line) ? 1 : 0;
			}
		}
		for (int i = 0; i < in.lines().size(); i++) {
			String line = in.lines().get(i);
			if (line.isBlank()) {
				continue;
			}
			nonBlank++;
			boolean foreign = prefixed > 0 && !Character.isWhitespace(line.charAt(0)) && !DumpKind.logPrefixed(line);
			if (reported[i + 1] || foreign) {
				skipped++;
				first = first == 0 ? i + 1 : first;
			}
		}
		if (skipped < MIN_LINES || skipped * 10L < nonBlank) {
			return Optional.empty();
		}
		return Optional.of(Problem.skipped(in.at(first), skipped + " of " + nonBlank + " lines (" + (skipped * 100 / nonBlank)
				+ "%) skipped, not of " + InputText.describe(in.label()) + " (the first is this one"
				+ (prefixed > 0 ? "; lines without a printk prefix are not listed one by one)" : "; each is listed)"),
				in.lines().get(first - 1)));
	}
}
