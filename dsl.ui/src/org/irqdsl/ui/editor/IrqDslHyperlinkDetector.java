package org.irqdsl.ui.editor;

import java.io.File;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.util.ITextRegion;
import org.eclipse.xtext.util.TextRegion;
import org.irqdsl.ui.IrqDslActivator;
import org.irqdsl.ui.IrqDslLanguage;
import org.irqdsl.ui.IrqDslLanguage.Parsed;

/** Ctrl+click on a reference (a domain's parent, a bus's msi-parent, a scenario's platform or device) goes to its declaration. */
public class IrqDslHyperlinkDetector implements IHyperlinkDetector {

	private final IrqDslEditor editor;

	public IrqDslHyperlinkDetector(IrqDslEditor editor) {
		this.editor = editor;
	}

	/** Where a reference at an offset leads: the declaration's file and name region. */
	public record Target(String path, int offset, int length, String name) {
	}

	@Override
	public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
		try {
			Parsed parsed = IrqDslLanguage.parse(editor.getLocation(), viewer.getDocument().get());
			EObjectAtOffsetHelper helper = IrqDslLanguage.injector().getInstance(EObjectAtOffsetHelper.class);
			INode node = helper.getCrossReferenceNode(parsed.resource(), new TextRegion(region.getOffset(), 0));
			Target target = target(parsed, region.getOffset());
			if (node == null || target == null) {
				return null;
			}
			IRegion link = new Region(node.getOffset(), node.getLength());
			return new IHyperlink[] { new IHyperlink() {
				@Override
				public IRegion getHyperlinkRegion() {
					return link;
				}

				@Override
				public String getTypeLabel() {
					return null;
				}

				@Override
				public String getHyperlinkText() {
					return "Go to " + target.name();
				}

				@Override
				public void open() {
					IrqDslHyperlinkDetector.open(editor, target);
				}
			} };
		} catch (RuntimeException e) {
			IrqDslActivator.log("hyperlink detection failed", e);
			return null;
		}
	}

	/** The declaration the reference at {@code offset} resolves to, or null. */
	public static Target target(Parsed parsed, int offset) {
		EObjectAtOffsetHelper helper = IrqDslLanguage.injector().getInstance(EObjectAtOffsetHelper.class);
		EObject element = helper.resolveCrossReferencedElementAt(parsed.resource(), offset);
		if (element == null || element.eIsProxy() || element.eResource() == null) {
			return null;
		}
		ITextRegion where = IrqDslLanguage.injector().getInstance(ILocationInFileProvider.class).getSignificantTextRegion(element);
		String path = element.eResource().getURI().isFile() ? element.eResource().getURI().toFileString() : null;
		String name = org.eclipse.xtext.EcoreUtil2.getID(element);
		return new Target(path, where.getOffset(), where.getLength(), name == null ? "declaration" : name);
	}

	static void open(IrqDslEditor from, Target target) {
		ITextEditor editor = from;
		if (target.path() != null && !new File(target.path()).toPath().equals(from.getLocation())) {
			IFile[] files = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(new File(target.path()).toURI());
			if (files.length == 0) {
				return;
			}
			try {
				IEditorPart part = IDE.openEditor(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), files[0]);
				if (!(part instanceof ITextEditor text)) {
					return;
				}
				editor = text;
			} catch (PartInitException e) {
				IrqDslActivator.log("cannot open " + target.path(), e);
				return;
			}
		}
		editor.selectAndReveal(target.offset(), target.length());
	}
}
