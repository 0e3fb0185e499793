package org.irqdsl.ide.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The language server as editors see it: the packaged jar, a process, LSP over its stdio. */
class LanguageServerIT {

	@TempDir
	static Path workspace;

	static LspClientProcess lsp;
	static Path noremap;
	static List<String> lines;

	@BeforeAll
	static void start() throws Exception {
		Path examples = Path.of(System.getProperty("irqdsl.examples"), "normative");
		noremap = workspace.resolve("x86_noremap.irqdsl");
		Files.copy(examples.resolve("x86_noremap.irqdsl"), noremap);
		lines = Files.readAllLines(noremap);
		lsp = LspClientProcess.start(workspace);
		lsp.open(noremap);
	}

	@AfterAll
	static void stop() throws Exception {
		lsp.close();
	}

	static Position at(String lineContains, String token, int extra) {
		for (int i = 0; i < lines.size(); i++) {
			int col = lines.get(i).indexOf(token);
			if (lines.get(i).contains(lineContains) && col >= 0) {
				return new Position(i, col + extra);
			}
		}
		throw new AssertionError(token + " not found");
	}

	static List<String> completion(Position p) throws Exception {
		var result = lsp.server.getTextDocumentService()
				.completion(new CompletionParams(new TextDocumentIdentifier(LspClientProcess.uri(noremap)), p)).get(30, TimeUnit.SECONDS);
		List<CompletionItem> items = result.isLeft() ? result.getLeft() : result.getRight().getItems();
		return items.stream().map(CompletionItem::getLabel).toList();
	}

	@Test
	void diagnosticsCarryTheCheckIdAsCode() throws Exception {
		List<Diagnostic> diagnostics = lsp.awaitDiagnostics(noremap).getDiagnostics();
		assertThat(diagnostics).anySatisfy(d -> {
			assertThat(d.getCode().getLeft()).isEqualTo("unmaskable-without-parent-mask");
			assertThat(d.getSeverity()).isEqualTo(DiagnosticSeverity.Warning);
			assertThat(d.getRange().getStart().getLine()).isEqualTo(15);
		});
		assertThat(diagnostics).anySatisfy(d -> {
			assertThat(d.getCode().getLeft()).isEqualTo("nonmaskable-msi-without-remap");
			assertThat(d.getSeverity()).isEqualTo(DiagnosticSeverity.Information);
		});
	}

	@Test
	void completionAfterSupportedOffersOnlyMsiFlags() throws Exception {
		Position p = at("supported", "supported ", "supported ".length());
		List<String> labels = completion(p);
		assertThat(labels).contains("MSI_FLAG_PCI_MSIX", "MSI_FLAG_MULTI_PCI_MSI", "MSI_GENERIC_FLAGS_MASK");
		assertThat(labels).noneMatch(l -> l.startsWith("DOMAIN_BUS_") || l.startsWith("MATCH_"));
	}

	@Test
	void completionAfterBusTokenOffersOnlyBusTokens() throws Exception {
		Position p = at("bus-token", "bus-token ", "bus-token ".length());
		List<String> labels = completion(p);
		assertThat(labels).contains("DOMAIN_BUS_ANY", "DOMAIN_BUS_DMAR").noneMatch(l -> l.startsWith("MSI_FLAG_"));
	}

	@Test
	void hoverExplainsAKernelFlag() throws Exception {
		Position p = at("supported", "MSI_FLAG_PCI_MSIX,", 3);
		Hover hover = lsp.server.getTextDocumentService()
				.hover(new HoverParams(new TextDocumentIdentifier(LspClientProcess.uri(noremap)), p)).get(30, TimeUnit.SECONDS);
		assertThat(hover.getContents().getRight().getValue()).contains("MSI_FLAG_PCI_MSIX", "PCI MSI-X", "BIT(17)");
	}

	@Test
	void hoverOnADomainShowsItsChildrensEffectiveFlags() throws Exception {
		Position p = at("domain vector", "vector", 2);
		Hover hover = lsp.server.getTextDocumentService()
				.hover(new HoverParams(new TextDocumentIdentifier(LspClientProcess.uri(noremap)), p)).get(30, TimeUnit.SECONDS);
		assertThat(hover.getContents().getRight().getValue()).contains("Effective flags", "MSI_FLAG_PCI_MSIX",
				"MSI_FLAG_ACTIVATE_EARLY");
	}

	@Test
	void formattingReturnsEditsThatNormaliseSpacing() throws Exception {
		var edits = lsp.server.getTextDocumentService().formatting(new DocumentFormattingParams(
				new TextDocumentIdentifier(LspClientProcess.uri(noremap)), new FormattingOptions(4, true)))
				.get(30, TimeUnit.SECONDS);
		// the normative file aligns `required  MSI_...` and `device nic   at` with extra spaces
		assertThat(edits).isNotEmpty();
	}
}
