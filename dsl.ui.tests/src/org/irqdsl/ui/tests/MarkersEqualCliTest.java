package org.irqdsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.irqdsl.cli.IrqDslCli;
import org.irqdsl.ui.markers.IrqDslMarkers;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * The plugin's problem markers are what {@code irqdsl check} prints for the same files: a folder
 * with a platform, a scenario on it in another file (cross-file reference, a finding that needs
 * the platform), a file with syntax errors, one with unresolved references, and two files declaring
 * the same platform name. Markers of files no editor has open (the workspace checker), compared
 * with the real command line run in-process: line, column, severity, message and id.
 */
public class MarkersEqualCliTest {

	private static final Pattern PRINTED = Pattern.compile("(.+):(\\d+):(\\d+): (error|warning|info): (.*) \\[([\\w-]+)\\]");

	@Test
	void markersEqualTheCommandLinesFindings() throws Exception {
		List<String> example = Files.readAllLines(Path.of(System.getProperty("irqdsl.examples", "../examples")).toAbsolutePath()
				.normalize().resolve("normative").resolve("x86_noremap.irqdsl"));
		String platform = String.join("\n", example.subList(0, 20)) + "\n";
		// without its expect line: editors add the scenarios' simulated verdicts, which irqdsl check leaves to irqdsl simulate
		String scenario = String.join("\n", example.subList(21, example.size())).replace("cpu 2 vector", "cpu 7 vector")
				.replace("    expect no lost-interrupt\n", "") + "\n";
		Map<String, String> files = Map.of(
				"platform.irqdsl", platform,
				"scenario.irqdsl", scenario,
				"broken.irqdsl", "platform broken {\n    cpus four\n    domain vector : VECTOR {\n        vectors 0x20..\n    }\n}\nscenario s on",
				"unresolved.irqdsl", scenario.replace("on x86_noremap", "on nosuch"),
				"again.irqdsl", platform.replace("cpus 4", "cpus 2"));

		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("folder-rule");
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
		IFolder lab = project.getFolder("lab");
		if (!lab.exists()) {
			lab.create(true, true, null);
		}
		List<IFile> created = new ArrayList<>();
		for (Map.Entry<String, String> e : files.entrySet()) {
			IFile file = lab.getFile(e.getKey());
			file.create(new ByteArrayInputStream(e.getValue().getBytes(StandardCharsets.UTF_8)), true, null);
			created.add(file);
		}
		Path folder = lab.getLocation().toPath();
		List<String> cli = cli(folder);
		assertTrue(cli.stream().anyMatch(l -> l.contains("[syntax]")) && cli.stream().anyMatch(l -> l.contains("[unresolved-reference]"))
				&& cli.stream().anyMatch(l -> l.contains("[cpu-range]")) && cli.stream().anyMatch(l -> l.contains("[duplicate-name]")),
				"the files exercise syntax errors, unresolved and cross-file references, duplicates: " + cli);

		// the workspace checker runs off the UI thread after the files were added: wait for as many markers
		IrqDslWorkbenchTest.waitUntil("the markers of the folder", () -> markers(created).size() >= cli.size());
		assertEquals(cli, markers(created));
	}

	/** What {@code irqdsl check FOLDER} prints for each finding, sorted by file, line and column. */
	private static List<String> cli(Path folder) {
		StringWriter out = new StringWriter();
		CommandLine command = IrqDslCli.commandLine();
		command.setOut(new PrintWriter(out, true));
		command.setErr(new PrintWriter(new StringWriter(), true));
		command.execute("check", folder.toString());
		List<String> result = new ArrayList<>();
		for (String line : out.toString().split("\n")) {
			Matcher m = PRINTED.matcher(line);
			if (m.matches()) {
				result.add(Path.of(m.group(1)).toAbsolutePath().normalize() + ":" + m.group(2) + ":" + m.group(3) + ": " + m.group(4) + ": "
						+ m.group(5) + " [" + m.group(6) + "]");
			}
		}
		return sorted(result);
	}

	/** The markers in the command line's format: the column from the marker's offset in the file's text. */
	private static List<String> markers(List<IFile> files) {
		List<String> result = new ArrayList<>();
		for (IFile file : files) {
			String text;
			try {
				text = Files.readString(file.getLocation().toPath());
			} catch (java.io.IOException e) {
				throw new AssertionError(e);
			}
			for (IMarker m : IrqDslWorkbenchTest.markers(file)) {
				int line = m.getAttribute(IMarker.LINE_NUMBER, -1);
				int start = m.getAttribute(IMarker.CHAR_START, -1);
				int lineStart = 0;
				for (int l = 1; l < line; l++) {
					lineStart = text.indexOf('\n', lineStart) + 1;
				}
				String severity = switch (m.getAttribute(IMarker.SEVERITY, -1)) {
				case IMarker.SEVERITY_ERROR -> "error";
				case IMarker.SEVERITY_WARNING -> "warning";
				default -> "info";
				};
				String message = m.getAttribute(IMarker.MESSAGE, "");
				String id = m.getAttribute(IrqDslMarkers.CHECK_ID, "");
				assertTrue(message.endsWith(" [" + id + "]"), message + " carries its id " + id);
				result.add(file.getLocation().toPath().toAbsolutePath().normalize() + ":" + line + ":" + (start - lineStart + 1) + ": " + severity
						+ ": " + message);
			}
		}
		return sorted(result);
	}

	private static List<String> sorted(List<String> lines) {
		List<String> result = new ArrayList<>(lines);
		result.sort(Comparator.comparing((String l) -> l.substring(0, l.indexOf(".irqdsl:")))
				.thenComparingInt(l -> Integer.parseInt(l.split(":")[1]))
				.thenComparingInt(l -> Integer.parseInt(l.split(":")[2])).thenComparing(l -> l));
		return result;
	}
}
