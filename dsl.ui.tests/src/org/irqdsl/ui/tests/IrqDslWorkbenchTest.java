package org.irqdsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.content.IContentType;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.irqdsl.ui.IrqDslLanguage;
import org.irqdsl.ui.IrqDslLanguage.Parsed;
import org.irqdsl.ui.editor.IrqDslContentAssistProcessor;
import org.irqdsl.ui.editor.IrqDslEditor;
import org.irqdsl.ui.editor.IrqDslHyperlinkDetector;
import org.irqdsl.ui.editor.IrqDslOutlinePage;
import org.irqdsl.ui.editor.IrqDslHighlighting;
import org.irqdsl.ui.editor.IrqDslQuickAssistProcessor;
import org.eclipse.jface.text.source.TextInvocationContext;
import org.irqdsl.ui.editor.IrqDslTextHover;
import org.irqdsl.ui.markers.IrqDslMarkers;
import org.irqdsl.ui.scenarios.IrqDslRunScenariosHandler;
import org.eclipse.ui.handlers.IHandlerService;
import org.irqdsl.ui.wizard.IrqDslNewPlatformWizard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The editor in a real workbench (tycho-surefire's UI harness, under Xvfb): the shipped examples
 * opened in a workspace project, as a user would.
 */
public class IrqDslWorkbenchTest {

	static final Duration TIMEOUT = Duration.ofSeconds(60);
	static IProject project;

	@BeforeAll
	static void importExamples() throws Exception {
		Path examples = Path.of(System.getProperty("irqdsl.examples", "../examples")).toAbsolutePath().normalize();
		assertTrue(Files.isDirectory(examples), "examples at " + examples);
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("examples");
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
		IFolder normative = project.getFolder("normative");
		if (!normative.exists()) {
			normative.create(true, true, null);
		}
		for (String name : List.of("x86_noremap.irqdsl", "x86_ir.irqdsl")) {
			copy(examples.resolve("normative").resolve(name), normative.getFile(name));
		}
		try (var files = Files.list(examples)) {
			for (Path p : files.filter(f -> f.toString().endsWith(".irqdsl")).toList()) {
				copy(p, project.getFile(p.getFileName().toString()));
			}
		}
	}

	static void copy(Path from, IFile to) throws Exception {
		byte[] bytes = Files.readAllBytes(from);
		if (to.exists()) {
			to.setContents(new ByteArrayInputStream(bytes), IResource.FORCE, null);
		} else {
			to.create(new ByteArrayInputStream(bytes), true, null);
		}
	}

	@AfterEach
	void closeEditors() throws Exception {
		page().closeAllEditors(false);
		// restore the examples a test may have changed
		importExamples();
	}

	static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	static IrqDslEditor open(IFile file) throws Exception {
		IEditorPart part = IDE.openEditor(page(), file);
		assertTrue(part instanceof IrqDslEditor, "opened with " + part);
		IrqDslEditor editor = (IrqDslEditor) part;
		long before = editor.getReconcileCount();
		waitUntil("the editor checked " + file.getName(), () -> editor.getReconcileCount() > before || editor.getLastParsed() != null);
		return editor;
	}

	/** Runs the event loop until the condition holds (fails after {@link #TIMEOUT}). */
	static void waitUntil(String what, BooleanSupplier condition) {
		Display display = Display.getCurrent();
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting until " + what);
			}
			if (!display.readAndDispatch()) {
				display.timerExec(20, () -> {
				});
				display.sleep();
			}
		}
	}

	static List<IMarker> markers(IFile file) {
		try {
			return Arrays.asList(file.findMarkers(IrqDslMarkers.MARKER_TYPE, false, IResource.DEPTH_ZERO));
		} catch (CoreException e) {
			throw new AssertionError(e);
		}
	}

	static IFile noremap() {
		return project.getFolder("normative").getFile("x86_noremap.irqdsl");
	}

	@Test
	void editorIsRegisteredForTheExtensionAndContentType() {
		IContentType type = org.eclipse.core.runtime.Platform.getContentTypeManager().findContentTypeFor("x.irqdsl");
		assertNotNull(type);
		assertEquals("org.irqdsl.ui.contentType", type.getId());
		assertEquals(IrqDslEditor.ID, PlatformUI.getWorkbench().getEditorRegistry().getDefaultEditor("x.irqdsl").getId());
	}

	@Test
	void contentAssistAfterSupportedProposesOnlyMsiFlags() throws Exception {
		IrqDslEditor editor = open(noremap());
		IDocument document = editor.getDocument();
		int offset = document.get().indexOf("supported ") + "supported ".length();
		ITextViewer viewer = (ITextViewer) editor.getAdapter(ITextOperationTarget.class);
		ICompletionProposal[] proposals = new IrqDslContentAssistProcessor(editor).computeCompletionProposals(viewer, offset);
		List<String> labels = Arrays.stream(proposals).map(ICompletionProposal::getDisplayString).toList();
		assertFalse(labels.isEmpty(), "no proposals");
		assertTrue(labels.stream().anyMatch(l -> l.startsWith("MSI_FLAG_PCI_MSIX ")) || labels.stream().anyMatch(l -> l.startsWith("MSI_FLAG_PCI_MSIX")), labels.toString());
		assertTrue(labels.stream().anyMatch(l -> l.startsWith("MSI_FLAG_PCI_MSI_MASK_PARENT")), labels.toString());
		assertTrue(labels.stream().allMatch(l -> l.startsWith("MSI_")), "only MSI flags and masks: " + labels);
		assertFalse(labels.stream().anyMatch(l -> l.startsWith("DOMAIN_BUS_")), labels.toString());
	}

	@Test
	void contentAssistProposesReferencesAndKeywords() throws Exception {
		IrqDslEditor editor = open(noremap());
		String text = editor.getDocument().get();
		ITextViewer viewer = (ITextViewer) editor.getAdapter(ITextOperationTarget.class);
		IrqDslContentAssistProcessor processor = new IrqDslContentAssistProcessor(editor);
		// a scenario's device: the platform's devices
		int device = text.indexOf("device nic { raise") + "device ".length();
		List<String> devices = Arrays.stream(processor.computeCompletionProposals(viewer, device)).map(ICompletionProposal::getDisplayString).toList();
		assertTrue(devices.stream().anyMatch(l -> l.startsWith("nic")) && devices.stream().anyMatch(l -> l.startsWith("nvme0"))
				&& devices.stream().anyMatch(l -> l.startsWith("ahci")), devices.toString());
		// a bus's MSI parent: the platform's domains
		int parent = text.indexOf("msi-parent vector") + "msi-parent ".length();
		List<String> domains = Arrays.stream(processor.computeCompletionProposals(viewer, parent)).map(ICompletionProposal::getDisplayString).toList();
		assertTrue(domains.stream().anyMatch(l -> l.startsWith("vector")), domains.toString());
		// the start of a platform member: keywords and templates
		int member = text.indexOf("    cpus 4");
		List<String> keywords = Arrays.stream(processor.computeCompletionProposals(viewer, member)).map(ICompletionProposal::getDisplayString).toList();
		assertTrue(keywords.stream().anyMatch(l -> l.startsWith("domain")) && keywords.stream().anyMatch(l -> l.startsWith("bus")), keywords.toString());
	}

	@Test
	void newPlatformWizardCreatesAndOpensTheFile() throws Exception {
		IrqDslNewPlatformWizard wizard = new IrqDslNewPlatformWizard();
		wizard.init(PlatformUI.getWorkbench(), new org.eclipse.jface.viewers.StructuredSelection(project));
		org.eclipse.jface.wizard.WizardDialog dialog = new org.eclipse.jface.wizard.WizardDialog(
				PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			var page = (org.eclipse.ui.dialogs.WizardNewFileCreationPage) wizard.getPages()[0];
			page.setFileName("my-board");
			assertTrue(wizard.canFinish());
			assertTrue(wizard.performFinish());
		} finally {
			dialog.close();
		}
		IFile file = project.getFile("my-board.irqdsl");
		assertTrue(file.exists());
		assertTrue(page().getActiveEditor() instanceof IrqDslEditor, String.valueOf(page().getActiveEditor()));
		String text = new String(file.readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(text.contains("platform my_board {"), text);
		waitUntil("the new file is checked", () -> ((IrqDslEditor) page().getActiveEditor()).getLastParsed() != null);
		assertTrue(markers(file).stream().noneMatch(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR), markers(file).toString());
		page().closeAllEditors(false);
		file.delete(true, null);
	}

	@Test
	void contentAssistPopupInTheEditor() throws Exception {
		IFile file = noremap();
		Shell window = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		window.setBounds(Display.getCurrent().getPrimaryMonitor().getBounds());
		page().showView("org.eclipse.ui.views.ProblemView");
		IrqDslEditor editor = open(file);
		waitUntil("the warning marker", () -> markers(file).stream().anyMatch(m -> "unmaskable-without-parent-mask".equals(m.getAttribute(IrqDslMarkers.CHECK_ID, ""))));
		// add an interrupt-remapping domain below the bus, start typing a flag and ask for completion
		IDocument document = editor.getDocument();
		int busEnd = document.get().indexOf("    }\n}", document.get().indexOf("device ahci")) + "    }\n".length();
		String typed = "\n    domain ir : DMAR parent vector {\n        msi-parent-ops {\n            supported MSI_FLAG_PCI_MSI_M";
		document.replace(busEnd, 0, typed + "\n        }\n    }\n");
		int offset = busEnd + typed.length();
		IFile[] shown = { file };
		long checks = editor.getReconcileCount();
		waitUntil("the edit is checked", () -> editor.getReconcileCount() > checks);
		waitUntil("the warning marker", () -> markers(shown[0]).stream().anyMatch(m -> "unmaskable-without-parent-mask".equals(m.getAttribute(IrqDslMarkers.CHECK_ID, ""))));
		var console = page().findView("org.eclipse.ui.console.ConsoleView");
		if (console != null) {
			page().hideView(console);
		}
		page().showView("org.eclipse.ui.views.ProblemView", null, IWorkbenchPage.VIEW_VISIBLE);
		page().activate(editor);
		editor.selectAndReveal(offset, 0);
		editor.setFocus();
		ITextOperationTarget target = editor.getAdapter(ITextOperationTarget.class);
		target.doOperation(ISourceViewer.CONTENTASSIST_PROPOSALS);
		List<String> items = new ArrayList<>();
		waitUntil("the completion popup shows MSI_FLAG_PCI_MSI_MASK_PARENT", () -> {
			items.clear();
			items.addAll(popupItems());
			return items.stream().anyMatch(i -> i.startsWith("MSI_FLAG_PCI_MSI_MASK_PARENT"));
		});
		assertEquals(List.of("MSI_FLAG_PCI_MSI_MASK_PARENT — msi flag"), items.stream().filter(i -> i.startsWith("MSI_")).toList());
		Screenshots.take("eclipse");
	}

	static List<String> popupItems() {
		List<String> result = new ArrayList<>();
		for (Shell shell : Display.getCurrent().getShells()) {
			if (!shell.isVisible() || shell == PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell()) {
				continue;
			}
			collect(shell, result);
		}
		return result;
	}

	private static void collect(org.eclipse.swt.widgets.Composite composite, List<String> out) {
		for (var child : composite.getChildren()) {
			if (child instanceof Table table) {
				for (TableItem item : table.getItems()) {
					out.add(item.getText());
				}
			} else if (child instanceof org.eclipse.swt.widgets.Composite c) {
				collect(c, out);
			}
		}
	}

	@Test
	void markersOfAHazardousFileCarryTheCheckIds() throws Exception {
		IFile file = noremap();
		open(file);
		waitUntil("markers on " + file.getName(), () -> markers(file).size() >= 2);
		IMarker warning = markers(file).stream().filter(m -> "unmaskable-without-parent-mask".equals(m.getAttribute(IrqDslMarkers.CHECK_ID, "")))
				.findFirst().orElseThrow(() -> new AssertionError("no unmaskable-without-parent-mask marker: " + markers(file)));
		assertEquals(IMarker.SEVERITY_WARNING, warning.getAttribute(IMarker.SEVERITY, -1));
		assertEquals(16, warning.getAttribute(IMarker.LINE_NUMBER, -1));
		assertTrue(warning.getAttribute(IMarker.MESSAGE, "").contains("MSI_FLAG_PCI_MSI_MASK_PARENT"));
		IMarker info = markers(file).stream().filter(m -> "nonmaskable-msi-without-remap".equals(m.getAttribute(IrqDslMarkers.CHECK_ID, "")))
				.findFirst().orElseThrow(() -> new AssertionError("no nonmaskable-msi-without-remap marker: " + markers(file)));
		assertEquals(IMarker.SEVERITY_INFO, info.getAttribute(IMarker.SEVERITY, -1));
		// the scenario's verdict, simulated as the editor checks the file
		IMarker verdict = markers(file).stream().filter(m -> "scenario-expectation".equals(m.getAttribute(IrqDslMarkers.CHECK_ID, "")))
				.findFirst().orElseThrow(() -> new AssertionError("no scenario-expectation marker: " + markers(file)));
		assertEquals(IMarker.SEVERITY_INFO, verdict.getAttribute(IMarker.SEVERITY, -1));
		assertTrue(verdict.getAttribute(IMarker.MESSAGE, "").startsWith("expect no lost-interrupt holds"), verdict.getAttribute(IMarker.MESSAGE, ""));
		assertEquals(3, markers(file).size(), markers(file).toString());
	}

	@Test
	void quickFixMarksTheMsiMaskable() throws Exception {
		IFile file = noremap();
		IrqDslEditor editor = open(file);
		waitUntil("the warning marker", () -> markers(file).stream().anyMatch(m -> "unmaskable-without-parent-mask".equals(m.getAttribute(IrqDslMarkers.CHECK_ID, ""))));
		IMarker warning = markers(file).stream().filter(m -> "unmaskable-without-parent-mask".equals(m.getAttribute(IrqDslMarkers.CHECK_ID, ""))).findFirst().get();
		assertTrue(IDE.getMarkerHelpRegistry().hasResolutions(warning));
		IMarkerResolution[] resolutions = IDE.getMarkerHelpRegistry().getResolutions(warning);
		assertEquals(1, resolutions.length, Arrays.toString(resolutions));
		resolutions[0].run(warning);
		String text = editor.getDocument().get();
		assertTrue(text.contains("device nic   at \"00:02.0\" { msi count 1 maskable }"), text);
		waitUntil("the warning is gone", () -> markers(file).stream().noneMatch(m -> "unmaskable-without-parent-mask".equals(m.getAttribute(IrqDslMarkers.CHECK_ID, ""))));
	}

	@Test
	void quickAssistInTheEditor() throws Exception {
		IFile file = noremap();
		IrqDslEditor editor = open(file);
		waitUntil("the warning marker", () -> markers(file).stream().anyMatch(m -> "unmaskable-without-parent-mask".equals(m.getAttribute(IrqDslMarkers.CHECK_ID, ""))));
		ITextViewer viewer = (ITextViewer) editor.getAdapter(ITextOperationTarget.class);
		int nic = editor.getDocument().get().indexOf("device nic");
		IrqDslQuickAssistProcessor processor = new IrqDslQuickAssistProcessor(editor);
		List<ICompletionProposal> proposals = new ArrayList<>();
		waitUntil("the marker's annotation and its fix", () -> {
			proposals.clear();
			proposals.addAll(Arrays.asList(processor.computeQuickAssistProposals(new TextInvocationContext((ISourceViewer) viewer, nic, 0))));
			return !proposals.isEmpty();
		});
		List<String> labels = proposals.stream().map(ICompletionProposal::getDisplayString).toList();
		// the line's two findings (unmaskable-without-parent-mask, nonmaskable-msi-without-remap) both offer
		// the maskable fix: once; two-step is in effect already, so it is not offered
		assertEquals(1, labels.stream().filter("Mark the MSI maskable (a device with the per-vector mask capability)"::equals).count(), labels.toString());
		assertTrue(labels.stream().noneMatch(l -> l.startsWith("Use affinity-update two-step")), labels.toString());
		proposals.stream().filter(p -> p.getDisplayString().startsWith("Mark the MSI maskable")).findFirst().get().apply(editor.getDocument());
		assertTrue(editor.getDocument().get().contains("device nic   at \"00:02.0\" { msi count 1 maskable }"), editor.getDocument().get());
	}

	@Test
	void filesNoEditorHasOpenAreCheckedToo() throws Exception {
		IFolder solo = project.getFolder("solo");
		if (!solo.exists()) {
			solo.create(true, true, null);
		}
		String text = Files.readString(Path.of(System.getProperty("irqdsl.examples", "../examples"), "normative", "x86_noremap.irqdsl"))
				.replace("x86_noremap", "solo_platform");
		IFile file = solo.getFile("solo.irqdsl");
		if (file.exists()) {
			file.delete(true, null);
		}
		file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
		waitUntil("the warning on the file no editor has open", () -> markers(file).stream().anyMatch(m -> "unmaskable-without-parent-mask".equals(m.getAttribute(IrqDslMarkers.CHECK_ID, ""))));
		// saved from elsewhere, with the fix: the warning goes
		file.setContents(new ByteArrayInputStream(text.replace("{ msi count 1 }", "{ msi count 1 maskable }").getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
		waitUntil("the warning is gone", () -> markers(file).stream().noneMatch(m -> "unmaskable-without-parent-mask".equals(m.getAttribute(IrqDslMarkers.CHECK_ID, ""))));
		solo.delete(true, null);
	}

	@Test
	void hoverOutlineHyperlinkFormatting() throws Exception {
		IrqDslEditor editor = open(noremap());
		Parsed parsed = editor.parse();
		String text = parsed.text();
		String hover = IrqDslTextHover.hoverText(parsed, text.indexOf("MSI_FLAG_PCI_MSIX") + 3);
		assertNotNull(hover);
		assertTrue(hover.startsWith("MSI_FLAG_PCI_MSIX"), hover);
		String domainHover = IrqDslTextHover.hoverText(parsed, text.indexOf("domain vector") + "domain ".length() + 1);
		assertNotNull(domainHover);
		assertTrue(domainHover.contains("Effective flags"), domainHover);

		List<IrqDslHighlighting.Highlight> highlights = IrqDslHighlighting.compute(parsed);
		int flag = text.indexOf("MSI_FLAG_PCI_MSIX");
		assertTrue(highlights.stream().anyMatch(h -> h.getOffset() == flag && "macro".equals(h.style())), "MSI_FLAG_PCI_MSIX as a #define");
		int kind = text.indexOf("VECTOR");
		assertTrue(highlights.stream().anyMatch(h -> h.getOffset() == kind && "type".equals(h.style())), "VECTOR as a domain kind");
		assertTrue(IrqDslHighlighting.keywords().containsAll(List.of("platform", "domain", "msi-parent-ops", "affinity-update")));

		List<String> outline = IrqDslOutlinePage.symbols(parsed).stream().map(s -> s.getName()).toList();
		assertTrue(outline.contains("x86_noremap") && outline.contains("torn_update"), outline.toString());

		int reference = text.indexOf("msi-parent vector") + "msi-parent ".length() + 1;
		IrqDslHyperlinkDetector.Target target = IrqDslHyperlinkDetector.target(parsed, reference);
		assertNotNull(target);
		assertEquals(text.indexOf("domain vector") + "domain ".length(), target.offset());

		IDocument document = editor.getDocument();
		editor.format();
		String canonical = document.get();
		String mangled = canonical.replace("    cpus 4", "cpus    4").replace("vectors 0x20..0xff", "vectors    0x20..0xff");
		assertFalse(mangled.equals(canonical));
		document.set(mangled);
		editor.format();
		assertEquals(canonical, document.get());
	}

	static String runScenariosOfActiveEditor() throws Exception {
		IDocument console = IrqDslRunScenariosHandler.console().getDocument();
		console.set("");
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(IrqDslRunScenariosHandler.COMMAND_ID, null);
		waitUntil("the scenario report in the console", () -> console.get().contains(" not simulated.") || console.get().contains("fix the errors above"));
		return console.get();
	}

	@Test
	void runScenariosShowsVerdictsAndTracesInTheConsole() throws Exception {
		open(project.getFile("x86-noremap-seed001.irqdsl"));
		String report = runScenariosOfActiveEditor();
		assertTrue(report.contains("scenario radeon_torn_update_pre_v5_6 on p8h61_noremap_pre_v5_6"), report);
		assertTrue(report.contains("expect lost-interrupt: holds - lost-interrupt shows in the interleaving below"), report);
		assertTrue(report.contains("interrupt LOST"), report);
		assertTrue(report.contains("scenario radeon_two_step_update on p8h61_noremap"), report);
		assertTrue(report.contains("expect no lost-interrupt: holds - no lost-interrupt in any interleaving"), report);
		assertTrue(report.contains(" 0 failing or incomplete, 0 not simulated."), report);
	}

	@Test
	void theEditorsTextIsWhatRuns() throws Exception {
		// the kernel before v5.6 wrote the message directly: the torn update now loses the interrupt
		IrqDslEditor editor = open(noremap());
		IDocument document = editor.getDocument();
		document.set(document.get().replace("affinity-update two-step", "affinity-update direct"));
		String report = runScenariosOfActiveEditor();
		assertTrue(report.contains("scenario torn_update on x86_noremap"), report);
		assertTrue(report.contains("expect no lost-interrupt: fails"), report);
		assertTrue(report.contains("interrupt LOST"), report);
		assertTrue(report.contains("1 scenario: 0 holding, 1 failing or incomplete"), report);
	}

	@Test
	void scenariosOfAFileWithErrorsAreNotRun() throws Exception {
		IrqDslEditor editor = open(noremap());
		IDocument document = editor.getDocument();
		document.set(document.get().replace("msi-parent vector", "msi-parent nowhere"));
		String report = runScenariosOfActiveEditor();
		assertTrue(report.contains("normative/x86_noremap.irqdsl:15:"), report);
		assertTrue(report.contains("[unresolved-reference]"), report);
		assertTrue(report.contains("not simulated: fix the errors above first."), report);
	}

	@Test
	void newPlatformTemplateHasNoErrors() {
		Parsed parsed = IrqDslLanguage.parse(null, IrqDslNewPlatformWizard.template("my-board.irqdsl"));
		assertTrue(parsed.validate(org.eclipse.xtext.util.CancelIndicator.NullImpl).stream()
				.noneMatch(i -> i.getSeverity() == org.eclipse.xtext.diagnostics.Severity.ERROR));
		assertTrue(parsed.text().contains("platform my_board {"));
	}
}
