package org.irqdsl.ui.editor;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.util.CancelIndicator;
import org.irqdsl.ui.IrqDslActivator;
import org.irqdsl.ui.IrqDslLanguage;
import org.irqdsl.ui.IrqDslLanguage.Parsed;

/** Hover: dsl.ide's hover text (the kernel meaning of a name, a domain's effective flags, a device's path). */
public class IrqDslTextHover implements ITextHover {

	private final IrqDslEditor editor;

	public IrqDslTextHover(IrqDslEditor editor) {
		this.editor = editor;
	}

	@Override
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		try {
			return hoverText(IrqDslLanguage.parse(editor.getLocation(), viewer.getDocument().get()), region.getOffset());
		} catch (RuntimeException e) {
			IrqDslActivator.log("hover failed", e);
			return null;
		}
	}

	/** The hover at {@code offset}, as plain text (markdown emphasis removed), or null. */
	public static String hoverText(Parsed parsed, int offset) {
		IHoverService service = IrqDslLanguage.injector().getInstance(IHoverService.class);
		HoverParams params = new HoverParams(new TextDocumentIdentifier(parsed.resource().getURI().toString()),
				IrqDslLanguage.position(parsed, offset));
		Hover hover = service.hover(parsed.document(), parsed.resource(), params, CancelIndicator.NullImpl);
		if (hover == null || hover.getContents() == null) {
			return null;
		}
		String markdown;
		if (hover.getContents().isRight()) {
			markdown = hover.getContents().getRight().getValue();
		} else {
			StringBuilder b = new StringBuilder();
			for (var part : hover.getContents().getLeft()) {
				b.append(part.isLeft() ? part.getLeft() : part.getRight().getValue()).append('\n');
			}
			markdown = b.toString();
		}
		String plain = markdown.replace("**", "").replace("`", "").strip();
		return plain.isEmpty() ? null : plain;
	}

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		String text = viewer.getDocument().get();
		int start = offset;
		int end = offset;
		while (start > 0 && isWord(text.charAt(start - 1))) {
			start--;
		}
		while (end < text.length() && isWord(text.charAt(end))) {
			end++;
		}
		return new Region(start, Math.max(0, end - start));
	}

	private static boolean isWord(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '-';
	}
}
