package org.irqdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.cli.CliRun.check;
import static org.irqdsl.cli.CliRun.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The normative x86_noremap file cut after every token, and with every token deleted: each
 * variant is checked without a crash (exit 0 or 1, no stack trace, nothing on stderr), every line
 * is a well-formed diagnostic, the summary counts them, and no syntax message is ANTLR's jargon.
 */
class TruncationTest {

	private static final Pattern TOKEN = Pattern.compile("\"[^\"]*\"|[A-Za-z_][A-Za-z_0-9-]*|0x[0-9a-fA-F]+|[0-9]+|\\.\\.|//[^\n]*|\\S");
	private static final Pattern DIAGNOSTIC = Pattern.compile(".+:(\\d+):(\\d+): (error|warning|info): (.+) \\[([a-z0-9-]+)\\]");
	private static final Pattern SUMMARY = Pattern.compile("1 file checked: (\\d+) errors?, (\\d+) warnings?, (\\d+) info\\.");
	private static final Pattern JARGON = Pattern.compile("no viable|mismatched|extraneous|missing |RULE_|<EOF>|EOF|null|Couldn't resolve");

	@TempDir
	Path dir;

	@Test
	void everyCutAndEveryDeletedTokenGivesWellFormedDiagnostics() throws IOException {
		String text = Files.readString(Path.of("../examples/normative/x86_noremap.irqdsl"));
		Matcher m = TOKEN.matcher(text);
		List<String> variants = new ArrayList<>();
		while (m.find()) {
			variants.add(text.substring(0, m.end()));
			variants.add(text.substring(0, m.start()) + text.substring(m.end()));
		}
		assertThat(variants).hasSizeGreaterThan(200);
		Path file = dir.resolve("cut.irqdsl");
		int withSyntaxErrors = 0;
		for (String variant : variants) {
			write(dir, "cut.irqdsl", variant);
			CliRun run = check(file);
			assertThat(run.exit()).as(variant).isIn(0, 1);
			assertThat(run.err()).as(variant).isEmpty();
			List<String> lines = run.lines();
			Matcher summary = SUMMARY.matcher(run.summary());
			assertThat(summary.matches()).as(variant + "\n" + run.out()).isTrue();
			int errors = 0;
			boolean syntax = false;
			for (String line : lines.subList(0, lines.size() - 1)) {
				Matcher d = DIAGNOSTIC.matcher(line);
				assertThat(d.matches()).as(line).isTrue();
				assertThat(line).startsWith(file.toString());
				errors += d.group(3).equals("error") ? 1 : 0;
				if (d.group(5).equals("syntax")) {
					syntax = true;
					assertThat(d.group(4)).as(variant).doesNotContainPattern(JARGON);
				}
			}
			assertThat(Integer.parseInt(summary.group(1))).as(variant).isEqualTo(errors);
			assertThat(run.exit()).as(variant).isEqualTo(errors > 0 ? 1 : 0);
			withSyntaxErrors += syntax ? 1 : 0;
		}
		// most cuts and deletions break the syntax; some leave a valid file
		assertThat(withSyntaxErrors).isGreaterThan(variants.size() / 2).isLessThan(variants.size());
	}
}
