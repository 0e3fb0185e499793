package org.irqdsl.ide.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
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
	void completionAfterCpuInAScenarioOffersThePlatformsCpus() throws Exception {
		Position p = at("initially", "cpu 1", "cpu ".length());
		assertThat(completion(p)).contains("0", "1", "2", "3").doesNotContain("4");
	}

	@Test
	void completionAfterAffinityLibraryOffersTheKernelsProcedures() throws Exception {
		Path lib = workspace.resolve("library.irqdsl");
		Files.writeString(lib, "platform lib {\n    cpus 2\n    domain vector : VECTOR {\n        affinity-library x\n    }\n}\n");
		lsp.open(lib);
		Position p = new Position(3, "        affinity-library ".length());
		var result = lsp.server.getTextDocumentService()
				.completion(new CompletionParams(new TextDocumentIdentifier(LspClientProcess.uri(lib)), p)).get(30, TimeUnit.SECONDS);
		List<CompletionItem> items = result.isLeft() ? result.getLeft() : result.getRight().getItems();
		assertThat(items).extracting(CompletionItem::getLabel).contains("x86_msi_set_affinity_v6_7", "its_set_affinity",
				"gicv2m_set_affinity_parent").doesNotContain("x86_fixup_irqs");
	}

	@Test
	void completionInsideABusOffersTheDeviceSnippet() throws Exception {
		Position p = at("device ahci", "device ahci", 0);
		var result = lsp.server.getTextDocumentService()
				.completion(new CompletionParams(new TextDocumentIdentifier(LspClientProcess.uri(noremap)), p)).get(30, TimeUnit.SECONDS);
		List<CompletionItem> items = result.isLeft() ? result.getLeft() : result.getRight().getItems();
		assertThat(items).anySatisfy(i -> {
			assertThat(i.getLabel()).startsWith("device");
			assertThat(i.getInsertTextFormat()).isEqualTo(org.eclipse.lsp4j.InsertTextFormat.Snippet);
			assertThat(i.getTextEdit().getLeft().getNewText()).contains("${1:name}", "msi-x count 32");
		});
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

	/** The hover names the procedure in effect and where it comes from: the same derivation as the checks and the simulator. */
	@Test
	void hoverOnADeviceShowsItsProcedureAndWhereItComesFrom() throws Exception {
		Position p = at("device nic", "nic", 0);
		Hover hover = lsp.server.getTextDocumentService()
				.hover(new HoverParams(new TextDocumentIdentifier(LspClientProcess.uri(noremap)), p)).get(30, TimeUnit.SECONDS);
		assertThat(hover.getContents().getRight().getValue()).contains("procedure `x86_msi_set_affinity_v5_6`",
				"(keyword `two-step`)", "declared by domain vector (affinity-update two-step)", "runs deferred",
				"6f1a4891a592");
	}

	@Test
	void codeActionOffersTheChecksQuickFix() throws Exception {
		Diagnostic warning = lsp.awaitDiagnostics(noremap).getDiagnostics().stream()
				.filter(d -> "unmaskable-without-parent-mask".equals(d.getCode().getLeft())).findFirst().orElseThrow();
		CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(LspClientProcess.uri(noremap)),
				warning.getRange(), new CodeActionContext(List.of(warning)));
		List<CodeAction> actions = lsp.server.getTextDocumentService().codeAction(params).get(30, TimeUnit.SECONDS).stream()
				.map(e -> e.getRight()).toList();
		assertThat(actions).anySatisfy(a -> {
			assertThat(a.getTitle()).contains("maskable");
			TextEdit edit = a.getEdit().getChanges().get(LspClientProcess.uri(noremap)).get(0);
			assertThat(edit.getNewText()).isEqualTo(" maskable");
			assertThat(lines.get(edit.getRange().getStart().getLine()).substring(0, edit.getRange().getStart().getCharacter()))
					.endsWith("msi count 1");
		});
	}

	@Test
	void aFixOfferedByTwoChecksIsOfferedOnce() throws Exception {
		// device nic's MSI: a warning (unmaskable-without-parent-mask) and an info (nonmaskable-msi-without-remap),
		// both fixed by `maskable`, as VS Code sends them (every diagnostic at the cursor).
		List<Diagnostic> atNic = lsp.awaitDiagnostics(noremap).getDiagnostics().stream()
				.filter(d -> d.getRange().getStart().getLine() == at("device nic", "msi", 0).getLine()).toList();
		assertThat(atNic).extracting(d -> d.getCode().getLeft())
				.contains("unmaskable-without-parent-mask", "nonmaskable-msi-without-remap");
		CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(LspClientProcess.uri(noremap)),
				atNic.get(0).getRange(), new CodeActionContext(atNic));
		List<CodeAction> actions = lsp.server.getTextDocumentService().codeAction(params).get(30, TimeUnit.SECONDS).stream()
				.map(e -> e.getRight()).toList();
		assertThat(actions).filteredOn(a -> a.getTitle().startsWith("Mark the MSI maskable")).singleElement()
				.satisfies(a -> assertThat(a.getDiagnostics()).extracting(d -> d.getCode().getLeft())
						.contains("unmaskable-without-parent-mask", "nonmaskable-msi-without-remap"));
	}

	@Test
	void definitionOfAnMsiParentIsTheDomain() throws Exception {
		Position p = at("msi-parent", "msi-parent vector", "msi-parent ".length() + 1);
		var locations = lsp.server.getTextDocumentService()
				.definition(new DefinitionParams(new TextDocumentIdentifier(LspClientProcess.uri(noremap)), p))
				.get(30, TimeUnit.SECONDS).getLeft();
		assertThat(locations).singleElement().satisfies(l -> assertThat(l.getRange().getStart().getLine())
				.isEqualTo(at("domain vector", "vector", 0).getLine()));
	}

	@Test
	void referencesOfADeviceIncludeTheScenario() throws Exception {
		Position p = at("device nic", "nic", 0);
		var refs = lsp.server.getTextDocumentService().references(new ReferenceParams(
				new TextDocumentIdentifier(LspClientProcess.uri(noremap)), p, new ReferenceContext(false))).get(30, TimeUnit.SECONDS);
		assertThat(refs).extracting(l -> l.getRange().getStart().getLine()).contains(at("initially", "nic", 0).getLine(),
				at("set-affinity", "nic", 0).getLine(), at("device nic {", "nic", 0).getLine());
	}

	@Test
	void renameADomainEditsItsUses() throws Exception {
		Position p = at("domain vector", "vector", 0);
		WorkspaceEdit edit = lsp.server.getTextDocumentService().rename(new RenameParams(
				new TextDocumentIdentifier(LspClientProcess.uri(noremap)), p, "apic")).get(30, TimeUnit.SECONDS);
		List<TextEdit> edits = new java.util.ArrayList<>();
		if (edit.getChanges() != null) {
			edits.addAll(edit.getChanges().get(LspClientProcess.uri(noremap)));
		} else {
			edit.getDocumentChanges().forEach(c -> c.getLeft().getEdits().forEach(e -> edits.add(e.getLeft())));
		}
		assertThat(edits).hasSize(2).allSatisfy(e -> assertThat(e.getNewText()).isEqualTo("apic"));
	}

	@Test
	void outlineListsPlatformDomainsBusesDevices() throws Exception {
		var symbols = lsp.server.getTextDocumentService()
				.documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(LspClientProcess.uri(noremap))))
				.get(30, TimeUnit.SECONDS);
		List<String> names = new java.util.ArrayList<>();
		for (var s : symbols) {
			if (s.isLeft()) {
				names.add(s.getLeft().getName());
			} else {
				collect(s.getRight(), names);
			}
		}
		assertThat(names).contains("x86_noremap", "vector", "pcie0", "nic", "nvme0", "ahci", "torn_update");
	}

	private static void collect(DocumentSymbol symbol, List<String> names) {
		names.add(symbol.getName());
		if (symbol.getChildren() != null) {
			symbol.getChildren().forEach(c -> collect(c, names));
		}
	}

	@Test
	void workspaceSymbolsFindDevices() throws Exception {
		var result = lsp.server.getWorkspaceService().symbol(new WorkspaceSymbolParams("nvme")).get(30, TimeUnit.SECONDS);
		List<String> names = result.isLeft() ? result.getLeft().stream().map(s -> s.getName()).toList()
				: result.getRight().stream().map(s -> s.getName()).toList();
		assertThat(names).anyMatch(n -> n.contains("nvme0"));
	}

	@Test
	void semanticTokensMarkKernelNamesAndReferences() throws Exception {
		var tokens = lsp.server.getTextDocumentService()
				.semanticTokensFull(new SemanticTokensParams(new TextDocumentIdentifier(LspClientProcess.uri(noremap))))
				.get(30, TimeUnit.SECONDS).getData();
		// relative encoding: deltaLine, deltaStart, length, type, modifiers
		List<String> legend = lsp.capabilities.getSemanticTokensProvider().getLegend().getTokenTypes();
		List<String> decoded = new java.util.ArrayList<>();
		int line = 0;
		int col = 0;
		for (int i = 0; i < tokens.size(); i += 5) {
			line += tokens.get(i);
			col = tokens.get(i) == 0 ? col + tokens.get(i + 1) : tokens.get(i + 1);
			decoded.add(lines.get(line).substring(col, col + tokens.get(i + 2)) + ":" + legend.get(tokens.get(i + 3)));
		}
		assertThat(decoded).contains("MSI_FLAG_PCI_MSIX:macro", "DOMAIN_BUS_ANY:enumMember", "VECTOR:type",
				"x86_noremap:class", "vector:namespace", "nic:variable", "0x30:number");
	}

	@Test
	void foldingCoversEveryBlock() throws Exception {
		var ranges = lsp.server.getTextDocumentService()
				.foldingRange(new FoldingRangeRequestParams(new TextDocumentIdentifier(LspClientProcess.uri(noremap))))
				.get(30, TimeUnit.SECONDS);
		assertThat(ranges).extracting(r -> r.getStartLine()).contains(at("platform x86_noremap", "{", 0).getLine(),
				at("msi-parent-ops", "{", 0).getLine(), at("concurrently", "{", 0).getLine());
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
