package org.irqdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.cli.CliRun.X86_IR;
import static org.irqdsl.cli.CliRun.check;
import static org.irqdsl.cli.CliRun.write;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

/**
 * A file's name or text cannot drive the terminal through a diagnostic: control characters, line
 * separators and bidi controls are printed as escapes; JSON output escapes them the JSON way.
 */
class ControlCharactersTest {

	@TempDir
	Path dir;

	/** ESC (a colour change), VT, FF, NEL, LS, PS, RLO, LRI, NUL, a lone CR, DEL, a tag character. */
	private static final String NASTY = "\u001b[31m\u000b\u000c\u0085\u2028\u2029\u202e\u2066\u0000\r\u007f\udb40\udc41";
	private static final String ESCAPED = "\\x1b[31m\\x0b\\x0c\\x85\\u2028\\u2029\\u202e\\u2066\\x00\\x0d\\x7f\\U000e0041";

	@Test
	void escapingShowsEachUnsafeCharacterAndKeepsTheRest() {
		assertThat(Printable.line("a" + NASTY + "\n\tb é 日本 \u200d")).isEqualTo("a" + ESCAPED + "\\x0a\tb é 日本 \u200d");
		assertThat(Printable.lines("a\nb\u001b")).isEqualTo("a\nb\\x1b");
		String json = "{\"m\": \"\u0085\u202e\udb40\udc41\"}";
		assertThat(JsonParser.parseString(Printable.json(json)).getAsJsonObject().get("m").getAsString())
				.isEqualTo("\u0085\u202e\udb40\udc41");
		assertThat(Printable.json(json)).isEqualTo("{\"m\": \"\\u0085\\u202e\\udb40\\udc41\"}");
	}

	@Test
	void aFileNameAndTheTextASyntaxErrorQuotesArePrintedEscaped() throws Exception {
		Path file = write(dir, "x\u001b]0;owned\u0007\u202e.irqdsl", X86_IR.replace("cpus 8", "cpus \u001b[2J\u202e"));
		CliRun run = check(file);
		assertThat(run.exit()).isEqualTo(1);
		String shown = dir + "/x\\x1b]0;owned\\x07\\u202e.irqdsl";
		assertThat(run.lines()).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContainPattern("[\\p{Cc}\\p{Cf}\u2028\u2029]"));
		assertThat(run.out()).contains(shown + ":3:10: error: ").contains("\\x1b");
		CliRun json = check("--format", "json", file);
		assertThat(json.out()).doesNotContain("\u001b").doesNotContain("\u202e");
		var diagnostics = JsonParser.parseString(json.out()).getAsJsonObject().getAsJsonArray("diagnostics");
		assertThat(diagnostics.get(0).getAsJsonObject().get("file").getAsString()).isEqualTo(file.toString());
	}

	@Test
	void missingPathsAndUnknownOptionsAreEchoedEscaped() {
		CliRun missing = check(dir.resolve("no\u001b[2Jsuch\u2028.irqdsl"));
		assertThat(missing.exit()).isEqualTo(2);
		assertThat(missing.err()).isEqualTo("irqdsl check: " + dir + "/no\\x1b[2Jsuch\\u2028.irqdsl: no such file or directory\n");
		CliRun option = check("--bogus\u009b2J", "x.irqdsl");
		assertThat(option.exit()).isEqualTo(2);
		assertThat(option.err()).contains("--bogus\\x9b2J").doesNotContain("\u009b");
	}

	@Test
	void aSimulatorConfigsTextIsPrintedEscaped() throws Exception {
		Path source = write(dir, "t.irqdsl", CliRun.X86_NOREMAP_PLATFORM + CliRun.TORN_UPDATE);
		assertThat(CliRun.irqdsl("generate", source, "-o", dir).exit()).isZero();
		Path config = dir.resolve("torn_update.sim.json");
		Files.writeString(config, Files.readString(config).replace("\"scenario\": \"torn_update\"", "\"scenario\": \"torn\\u001b[2J\\u202e\""));
		CliRun run = CliRun.irqdsl("simulate", config);
		assertThat(run.out() + run.err()).doesNotContainPattern("[\\p{Cc}\\p{Cf}&&[^\n]]");
		assertThat(run.out() + run.err()).contains("torn\\x1b[2J\\u202e");
		CliRun json = CliRun.irqdsl("simulate", "--format", "json", config);
		assertThat(json.out()).doesNotContainPattern("[\\p{Cc}\\p{Cf}&&[^\n]]");
		assertThat(json.out()).contains("torn\\u001b[2J\\u202e");
		JsonParser.parseString(json.out());
	}

	@Test
	void importEchoesADumpsLinesEscaped() throws Exception {
		Path dump = write(dir, "interrupts.txt", """
				           CPU0       CPU1
				  24:          0       1234  IR-PCI-MSI 512000-edge      ahci[0000:00:1f.2]
				garbage \u001b]2;title\u0007 without a colon \u202e
				""");
		CliRun run = CliRun.irqdsl("import", "--interrupts", dump, "--report");
		assertThat(run.out() + run.err()).doesNotContainPattern("[\\p{Cc}\\p{Cf}&&[^\n]]");
		CliRun json = CliRun.irqdsl("import", "--interrupts", dump, "--report", "--format", "json");
		assertThat(json.out()).doesNotContainPattern("[\\p{Cc}\\p{Cf}&&[^\n]]");
		JsonParser.parseString(json.out());
	}
}
