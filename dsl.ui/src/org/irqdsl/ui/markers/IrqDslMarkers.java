package org.irqdsl.ui.markers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.irqdsl.diagnostics.Finding;
import org.irqdsl.ui.IrqDslLanguage.Checked;
import org.irqdsl.ui.IrqDslLanguage.Parsed;
import org.irqdsl.ui.IrqDslActivator;

/**
 * Problem markers of the irqdsl checks: one per finding of {@code irqdsl check}, the check id in
 * {@link #CHECK_ID} (and in the message, as the command line prints it), so that the Problems view
 * shows it and quick fixes find the check.
 */
public final class IrqDslMarkers {

	public static final String MARKER_TYPE = "org.irqdsl.ui.problem";

	/** Marker attribute: the id of the check that reported the problem ({@code unmaskable-without-parent-mask}, ...). */
	public static final String CHECK_ID = "checkId";

	private IrqDslMarkers() {
	}

	/** Replaces the irqdsl markers of {@code file} with the findings of its checked text. */
	public static void replace(IFile file, Checked checked) {
		if (file == null || !file.exists()) {
			return;
		}
		List<Map<String, Object>> wanted = new ArrayList<>();
		for (Finding finding : checked.findings()) {
			wanted.add(attributes(finding, checked.parsed()));
		}
		IWorkspaceRunnable update = monitor -> {
			if (!file.exists()) {
				return;
			}
			IMarker[] existing = file.findMarkers(MARKER_TYPE, false, IResource.DEPTH_ZERO);
			if (same(existing, wanted)) {
				return;
			}
			file.deleteMarkers(MARKER_TYPE, false, IResource.DEPTH_ZERO);
			for (Map<String, Object> attributes : wanted) {
				file.createMarker(MARKER_TYPE, attributes);
			}
		};
		try {
			ResourcesPlugin.getWorkspace().run(update, file, IWorkspace.AVOID_UPDATE, null);
		} catch (CoreException e) {
			IrqDslActivator.log("cannot update the problem markers of " + file.getFullPath(), e);
		}
	}

	private static boolean same(IMarker[] existing, List<Map<String, Object>> wanted) throws CoreException {
		if (existing.length != wanted.size()) {
			return false;
		}
		for (int i = 0; i < existing.length; i++) {
			Map<String, Object> have = existing[i].getAttributes();
			if (!wanted.contains(have)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A finding as a marker: {@code irqdsl check}'s line, severity, message and id; its column as the
	 * character offset in the text, and as long as the token there.
	 */
	private static Map<String, Object> attributes(Finding finding, Parsed parsed) {
		Map<String, Object> a = new HashMap<>();
		a.put(IMarker.MESSAGE, finding.message() + " [" + finding.id() + "]");
		a.put(CHECK_ID, finding.id());
		a.put(IMarker.SEVERITY, switch (finding.severity()) {
		case "error" -> IMarker.SEVERITY_ERROR;
		case "warning" -> IMarker.SEVERITY_WARNING;
		default -> IMarker.SEVERITY_INFO;
		});
		a.put(IMarker.LINE_NUMBER, finding.line());
		a.put(IMarker.LOCATION, "line " + finding.line());
		int start = offset(parsed.text(), finding.line(), finding.column());
		a.put(IMarker.CHAR_START, start);
		a.put(IMarker.CHAR_END, start + tokenLength(parsed, start));
		a.put(IMarker.SOURCE_ID, "irqdsl");
		return a;
	}

	/** The offset of a line and column (both from 1), clamped to the text. */
	static int offset(String text, int line, int column) {
		int offset = 0;
		for (int l = 1; l < line && offset < text.length(); l++) {
			int next = text.indexOf('\n', offset);
			offset = next < 0 ? text.length() : next + 1;
		}
		return Math.min(offset + Math.max(column, 1) - 1, text.length());
	}

	private static int tokenLength(Parsed parsed, int offset) {
		if (parsed.resource() == null || parsed.resource().getParseResult() == null) {
			return 1;
		}
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(parsed.resource().getParseResult().getRootNode(), offset);
		return leaf == null || leaf.getOffset() != offset ? 1 : Math.max(leaf.getLength(), 1);
	}
}
