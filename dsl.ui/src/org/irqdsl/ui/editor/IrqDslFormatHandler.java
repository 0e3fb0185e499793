package org.irqdsl.ui.editor;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;

/** Source → Format (Ctrl+Shift+F) in the irqdsl editor. */
public class IrqDslFormatHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		IEditorPart editor = HandlerUtil.getActiveEditor(event);
		if (editor instanceof IrqDslEditor irqdsl) {
			irqdsl.format();
		}
		return null;
	}
}
