package org.irqdsl.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.irqdsl.runtime.kernel.BusSelectMatch;
import org.irqdsl.runtime.kernel.DomainBusToken;
import org.irqdsl.runtime.kernel.DomainKind;
import org.irqdsl.runtime.kernel.IrqDomainFlag;
import org.irqdsl.runtime.kernel.KernelName;
import org.irqdsl.runtime.kernel.MsiChipFlag;
import org.irqdsl.runtime.kernel.MsiFlag;

/**
 * Renders docs/checks.md from the catalog and the kernel vocabulary, so the documentation cannot
 * drift from the checks (a test compares the file with this rendering). Run
 * {@code main(path)} to rewrite it.
 */
public final class CheckCatalogMarkdown {

	private CheckCatalogMarkdown() {
	}

	public static String render() {
		StringBuilder md = new StringBuilder();
		md.append("# Checks\n\n");
		md.append("<!-- Generated from org.irqdsl.validation.IrqDslChecks by CheckCatalogMarkdown; do not edit by hand.\n");
		md.append("     Rewrite with: mvn -B -q -pl dsl -am test -Dtest=CheckCatalogTest -Dirqdsl.writeDocs=true -->\n\n");
		md.append("Every diagnostic carries one of these ids. A folder's `.irqdsl-checks` file turns checks off or changes ");
		md.append("their severity ([configuration](#configuration)), `irqdsl check -W no-ID` / `-E ID` override it (like dtc's switches), ");
		md.append("a comment suppresses one finding ([suppressing one finding](#suppressing-one-finding)). ");
		md.append("Seeds are the mailing-list threads in `shared/seeds/`.\n\n");
		md.append("| id | kind | severity | what | quick fix |\n|---|---|---|---|---|\n");
		for (CheckInfo c : IrqDslChecks.ALL) {
			md.append("| [`").append(c.id()).append("`](#").append(c.id()).append(") | ").append(c.kind().label()).append(" | ")
					.append(IrqDslChecks.label(c.severity())).append(" | ").append(c.title()).append(" | ")
					.append(IrqDslChecks.fixable(c.id()).isPresent() ? "yes" : "").append(" |\n");
		}
		for (CheckInfo c : IrqDslChecks.ALL) {
			md.append("\n## ").append(c.id()).append("\n\n");
			md.append("**").append(c.title()).append("** — default severity: ").append(IrqDslChecks.label(c.severity()))
					.append(". Kind: ").append(c.kind().label()).append(". Source: ").append(c.source()).append(".\n\n");
			if (!c.prerequisites().isEmpty()) {
				md.append("Prerequisites: ").append(c.prerequisites().stream().map(p -> "[`" + p + "`](#" + p + ")")
						.collect(java.util.stream.Collectors.joining(", ")))
						.append(" — on a platform or scenario where one of them found an error, this check does not run.\n\n");
			}
			md.append(c.documentation().strip()).append("\n");
		}
		md.append(POLICY);
		md.append("\n# Kernel vocabulary\n\nThe names the language accepts, with their meaning (the same table feeds editor hover).\n");
		table(md, "MSI flags (`supported`, `required`)", List.of(MsiFlag.values()),
				"| `" + MsiFlag.GENERIC_FLAGS_MASK_NAME + "` | " + MsiFlag.GENERIC_FLAGS_MASK_MEANING + " |\n");
		table(md, "Chip flags (`chip-flags`)", List.of(MsiChipFlag.values()), "");
		table(md, "Bus tokens (`bus-token`)", List.of(DomainBusToken.values()), "");
		table(md, "Select masks (`select`)", List.of(BusSelectMatch.values()), "");
		table(md, "Domain flags (`domain-flags`)", List.of(IrqDomainFlag.values()), "");
		table(md, "Domain kinds (`domain NAME : KIND`)", List.of(DomainKind.values()), "");
		return md.toString();
	}

	/** How to choose the checks, and the machine-readable outputs. */
	private static final String POLICY = """

			# Choosing the checks

			The command line, the language server (VS Code, Neovim, Emacs) and Eclipse all validate through
			the language's validator, so they all honour what follows.

			## Configuration

			A folder's `.irqdsl-checks` file configures the checks of the `.irqdsl` files in that folder (not
			in its subfolders), like a `.clang-tidy`: one `<check-id>: off|info|warning|error` a line, `#`
			starts a comment. A check that is `off` does not run; the other settings replace the severity of
			its findings. The file is read again when it changes (an editor's next validation sees the edit).

			```
			# examples/.irqdsl-checks
			vmd-unbalanced-mapping: off      # reviewed: the mapping is balanced by the driver
			no-msi-parent: error
			```

			A line that names no check, an unknown severity or anything else is a
			[`check-config`](#check-config) error on every `.irqdsl` file of the folder, naming the
			configuration file and line and what was expected; the other lines still apply.

			`irqdsl check -W no-ID` turns a check off, `-W ID` turns it on (also when the file turned it
			off), `-E ID` makes its findings errors; the switches override the file.

			Checks run prerequisites first, like dtc's: a check whose prerequisite found an error on the same
			platform or scenario does not run (a cycle in the domain hierarchy is reported once, not again by
			every check that walks the hierarchy). A prerequisite that is off still runs, silently, for the
			checks that need it.

			## Suppressing one finding

			A comment at the end of a finding's line suppresses that finding, like clang-tidy's `NOLINT`;
			`irqdsl-ignore-next-line` on the line before does the same for the next line; several ids are
			comma-separated, text after the parenthesis is free (say why):

			```
			device nic at "00:02.0" { msi count 1 }  // irqdsl-ignore(unmaskable-without-parent-mask) reviewed
			// irqdsl-ignore-next-line(nonmaskable-msi-without-remap, unmaskable-without-parent-mask)
			device ahci at "00:1f.2" { msi count 1 }
			```

			A suppression that suppresses nothing, or names no check, is an
			[`unused-suppression`](#unused-suppression) warning: a stale one would hide the next real
			finding on that line.

			## Listing the checks

			`irqdsl check --list-checks` prints every check with its kind, default severity, prerequisites
			and what it finds; `--list-checks --format json` as a JSON array of
			`{id, kind, severity, prerequisites, title}`.

			## SARIF

			`irqdsl check --format sarif PATH...` writes a SARIF 2.1.0 log (the OASIS format code-scanning
			services and editors read): `tool.driver.rules` is this catalog (id, name, descriptions, help,
			default level), each result has its `ruleId` and `ruleIndex`, its level (`note` for info), its
			message and its location: the file relative to `%SRCROOT%` (the working directory, in
			`originalUriBaseIds`) with line and column. A test validates the output against the official
			SARIF 2.1.0 schema.
			""";

	private static void table(StringBuilder md, String title, List<? extends KernelName> names, String extraRow) {
		md.append("\n## ").append(title).append("\n\n| name | meaning |\n|---|---|\n").append(extraRow);
		for (KernelName n : names) {
			md.append("| `").append(n.kernelName()).append("` | ").append(n.meaning().replace("|", "\\|")).append(" |\n");
		}
	}

	/** Writes the rendering to {@code args[0]} through a temporary file and an atomic move. */
	public static void main(String[] args) throws IOException {
		Path target = Path.of(args.length > 0 ? args[0] : "docs/checks.md");
		Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".checks", ".md");
		Files.writeString(tmp, render(), StandardCharsets.UTF_8);
		Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}
}
