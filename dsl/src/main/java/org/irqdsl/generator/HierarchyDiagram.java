package org.irqdsl.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.irqdsl.analysis.DevicePath;
import org.irqdsl.analysis.PlatformFacts;
import org.irqdsl.irqDsl.Bus;
import org.irqdsl.irqDsl.Domain;
import org.irqdsl.irqDsl.Platform;

/**
 * The irq-domain hierarchy of a platform as a diagram, child near the device at the top, parent
 * near the CPU at the bottom (as Documentation/core-api/irq/irq-domain.rst draws it): domains with
 * their kind and affinity-update strategy, buses with their msi-parent, devices with their vectors.
 */
public final class HierarchyDiagram {

	private record Node(String id, String label, String shape) {
	}

	private record Edge(String from, String to, String label) {
	}

	private final List<Node> nodes = new ArrayList<>();
	private final List<Edge> edges = new ArrayList<>();
	private final String title;

	private HierarchyDiagram(Platform platform) {
		this.title = platform.getName();
		Map<Domain, String> ids = new LinkedHashMap<>();
		for (Domain d : platform.getDomains()) {
			String id = "d_" + safe(d.getName());
			ids.put(d, id);
			String strategy = org.irqdsl.analysis.DomainFacts.declaredUpdate(d).map(u -> "\\naffinity-update " + u).orElse("");
			String prefix = d.getOps() != null && d.getOps().getPrefix() != null ? "\\nprefix " + d.getOps().getPrefix() : "";
			nodes.add(new Node(id, d.getName() + " : " + d.getKind() + strategy + prefix, "domain"));
		}
		for (Domain d : platform.getDomains()) {
			if (d.getParent() != null && ids.containsKey(d.getParent())) {
				edges.add(new Edge(ids.get(d), ids.get(d.getParent()), "parent"));
			}
		}
		PlatformFacts facts = new PlatformFacts(platform);
		Map<Bus, String> busIds = new LinkedHashMap<>();
		for (DevicePath path : facts.devices()) {
			Bus bus = path.bus();
			String busId = busIds.computeIfAbsent(bus, b -> {
				String id = "b_" + busIds.size() + "_" + safe(b.getName());
				nodes.add(new Node(id, "bus " + b.getType().getLiteral() + " " + b.getName(), "bus"));
				path.msiParent().filter(ids::containsKey).ifPresent(p -> edges.add(new Edge(id, ids.get(p), "msi-parent")));
				return id;
			});
			String devId = "v_" + safe(path.device().getName()) + "_" + nodes.size();
			StringBuilder label = new StringBuilder(path.device().getName() + "\\n" + path.device().getAddress());
			if (path.device().getMsi() != null) {
				label.append("\\nmsi ").append(Math.max(1, path.device().getMsi().getCount()))
						.append(path.entriesMaskable(false) ? " maskable" : " non-maskable");
			}
			if (path.device().getMsix() != null) {
				label.append("\\nmsi-x ").append(Math.max(1, path.device().getMsix().getCount()));
			}
			nodes.add(new Node(devId, label.toString(), "device"));
			edges.add(new Edge(devId, busId, ""));
		}
	}

	public static String dot(Platform platform) {
		HierarchyDiagram d = new HierarchyDiagram(platform);
		StringBuilder out = new StringBuilder("digraph \"" + d.title + "\" {\n  rankdir=TB;\n  node [fontname=\"monospace\"];\n");
		for (Node n : d.nodes) {
			String shape = switch (n.shape) {
			case "domain" -> "box, style=rounded";
			case "bus" -> "box";
			default -> "ellipse";
			};
			out.append("  ").append(n.id).append(" [label=\"").append(n.label.replace("\"", "\\\"")).append("\", shape=")
					.append(shape).append("];\n");
		}
		for (Edge e : d.edges) {
			out.append("  ").append(e.from).append(" -> ").append(e.to)
					.append(e.label.isEmpty() ? "" : " [label=\"" + e.label + "\"]").append(";\n");
		}
		return out.append("}\n").toString();
	}

	public static String mermaid(Platform platform) {
		HierarchyDiagram d = new HierarchyDiagram(platform);
		StringBuilder out = new StringBuilder("flowchart TB\n");
		for (Node n : d.nodes) {
			String label = n.label.replace("\\n", "<br/>").replace("\"", "#quot;");
			out.append("  ").append(n.id).append(switch (n.shape) {
			case "domain" -> "([\"" + label + "\"])";
			case "bus" -> "[\"" + label + "\"]";
			default -> "(\"" + label + "\")";
			}).append('\n');
		}
		for (Edge e : d.edges) {
			out.append("  ").append(e.from).append(e.label.isEmpty() ? " --> " : " -- " + e.label + " --> ").append(e.to).append('\n');
		}
		return out.toString();
	}

	private static String safe(String name) {
		return name == null ? "x" : name.replaceAll("[^A-Za-z0-9_]", "_");
	}
}
