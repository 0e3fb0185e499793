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
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.irqdsl.ui.IrqDslActivator;
import org.irqdsl.validation.IrqDslChecks;

/**
 * Problem markers of the irqdsl checks: one per diagnostic, the check id in {@link #CHECK_ID} (and
 * in the message, as the command line prints it), so that the Problems view shows it and quick
 * fixes find the check.
 */
public final class IrqDslMarkers {

	public static final String MARKER_TYPE = "org.irqdsl.ui.problem";

	/** Marker attribute: the id of the check that reported the problem ({@code unmaskable-without-parent-mask}, ...). */
	public static final String CHECK_ID = "checkId";

	private IrqDslMarkers() {
	}

	/** Replaces the irqdsl markers of {@code file} with the issues (offsets into the text validated). */
	public static void replace(IFile file, List<Issue> issues) {
		if (file == null || !file.exists()) {
			return;
		}
		List<Map<String, Object>> wanted = new ArrayList<>();
		for (Issue issue : issues) {
			if (issue.getSeverity() == Severity.IGNORE) {
				continue;
			}
			wanted.add(attributes(issue));
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

	private static Map<String, Object> attributes(Issue issue) {
		String id = IrqDslChecks.idOf(issue);
		Map<String, Object> a = new HashMap<>();
		a.put(IMarker.MESSAGE, issue.getMessage() + " [" + id + "]");
		a.put(CHECK_ID, id);
		a.put(IMarker.SEVERITY, switch (issue.getSeverity()) {
		case ERROR -> IMarker.SEVERITY_ERROR;
		case WARNING -> IMarker.SEVERITY_WARNING;
		default -> IMarker.SEVERITY_INFO;
		});
		if (issue.getLineNumber() != null) {
			a.put(IMarker.LINE_NUMBER, issue.getLineNumber());
			a.put(IMarker.LOCATION, "line " + issue.getLineNumber());
		}
		if (issue.getOffset() != null) {
			int length = issue.getLength() == null ? 0 : issue.getLength();
			a.put(IMarker.CHAR_START, issue.getOffset());
			a.put(IMarker.CHAR_END, issue.getOffset() + Math.max(length, 1));
		}
		a.put(IMarker.SOURCE_ID, "irqdsl");
		return a;
	}
}
