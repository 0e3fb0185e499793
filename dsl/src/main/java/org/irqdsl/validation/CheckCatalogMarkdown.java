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
		md.append("Every diagnostic carries one of these ids. `irqdsl check -W no-ID` turns a check off, ");
		md.append("`-E ID` makes its findings errors (like dtc's switches). Seeds are the mailing-list threads in `shared/seeds/`.\n\n");
		md.append("| id | severity | what | quick fix |\n|---|---|---|---|\n");
		for (CheckInfo c : IrqDslChecks.ALL) {
			md.append("| [`").append(c.id()).append("`](#").append(c.id()).append(") | ").append(IrqDslChecks.label(c.severity()))
					.append(" | ").append(c.title()).append(" | ")
					.append(IrqDslChecks.fixable(c.id()).isPresent() ? "yes" : "").append(" |\n");
		}
		for (CheckInfo c : IrqDslChecks.ALL) {
			md.append("\n## ").append(c.id()).append("\n\n");
			md.append("**").append(c.title()).append("** — default severity: ").append(IrqDslChecks.label(c.severity()))
					.append(". Source: ").append(c.source()).append(".\n\n");
			md.append(c.documentation().strip()).append("\n");
		}
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
