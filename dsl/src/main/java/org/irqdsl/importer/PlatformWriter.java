package org.irqdsl.importer;

import java.util.List;

import org.irqdsl.importer.KernelMsiParents.Ops;
import org.irqdsl.importer.PlatformPlan.BusPlan;
import org.irqdsl.importer.PlatformPlan.DevicePlan;
import org.irqdsl.importer.PlatformPlan.DomainPlan;

/**
 * Prints a {@link PlatformPlan} in the normative core syntax (DESIGN.md), four spaces per level,
 * every comment on its own line or after the declaration it explains.
 */
public final class PlatformWriter {

	/** The platform's text (findings are tied to declarations by their EObjects: {@link GeneratedPlatformCheck}). */
	public record PlatformText(String text) {
	}

	private final StringBuilder out = new StringBuilder();

	private PlatformWriter() {
	}

	public static PlatformText write(PlatformPlan plan) {
		PlatformWriter w = new PlatformWriter();
		w.platform(plan);
		return new PlatformText(w.out.toString());
	}

	private void platform(PlatformPlan p) {
		p.preamble().forEach(c -> comment(0, c));
		emit(0, "platform " + p.name() + " {");
		StringBuilder cpus = new StringBuilder("cpus " + p.cpus().count());
		if (!p.cpus().offline().isEmpty()) {
			cpus.append(" offline ").append(String.join(", ", p.cpus().offline().stream().map(String::valueOf).toList()));
		}
		emit(1, cpus + comment(p.cpus().comment()));
		if (p.kernel() != null) {
			emit(1, "kernel \"" + p.kernel() + "\"" + comment(p.kernelComment()));
		}
		for (DomainPlan d : p.domains()) {
			blank();
			domain(d);
		}
		for (BusPlan b : p.buses()) {
			blank();
			bus(1, b);
		}
		if (!p.epilogue().isEmpty()) {
			blank();
			p.epilogue().forEach(c -> comment(1, c));
		}
		emit(0, "}");
	}

	private void domain(DomainPlan d) {
		d.comments().forEach(c -> comment(1, c));
		String head = "domain " + d.name() + " : " + d.kind() + (d.parent() == null ? "" : " parent " + d.parent());
		boolean body = d.vectors() != null || d.ops() != null || d.affinityUpdate() != null || !d.domainFlags().isEmpty();
		if (!body) {
			emit(1, head);
			return;
		}
		emit(1, head + " {");
		if (d.vectors() != null) {
			emit(2, "vectors " + d.vectors() + comment(d.vectorsComment()));
		}
		if (!d.domainFlags().isEmpty()) {
			emit(2, "domain-flags " + String.join(", ", d.domainFlags()));
		}
		if (d.ops() != null) {
			ops(d.ops());
		}
		if (d.affinityUpdate() != null) {
			emit(2, "affinity-update " + d.affinityUpdate() + comment(d.affinityComment()));
		}
		emit(1, "}");
	}

	private void ops(Ops ops) {
		emit(2, "msi-parent-ops {");
		list("supported", ops.supported());
		list("required ", ops.required());
		list("chip-flags", ops.chipFlags());
		if (ops.busToken() != null) {
			emit(3, "bus-token " + ops.busToken());
		}
		list("select   ", ops.select());
		if (ops.prefix() != null) {
			emit(3, "prefix    \"" + ops.prefix() + "\"");
		}
		emit(2, "}");
	}

	private void list(String keyword, List<String> names) {
		if (!names.isEmpty()) {
			emit(3, keyword + " " + String.join(", ", names));
		}
	}

	private void bus(int level, BusPlan b) {
		b.comments().forEach(c -> comment(level, c));
		emit(level, "bus pci " + b.name() + (b.msiParent() == null ? "" : " msi-parent " + b.msiParent()) + " {");
		for (DevicePlan d : b.devices()) {
			device(level + 1, d);
		}
		emit(level, "}");
	}

	private void device(int level, DevicePlan d) {
		d.comments().forEach(c -> comment(level, c));
		StringBuilder caps = new StringBuilder();
		if (d.msi() != null) {
			caps.append("msi count ").append(d.msi().count());
			if (d.msi().maskable()) {
				caps.append(" maskable");
			}
			if (d.msi().address64()) {
				caps.append(" 64-bit");
			}
		}
		if (d.msix() != null) {
			caps.append(caps.length() > 0 ? " " : "").append("msi-x").append(d.msix().count() == null ? "" : " count " + d.msix().count());
		}
		String head = "device " + d.name() + " at \"" + d.address() + "\"";
		if (d.vmd() == null) {
			emit(level, head + (caps.length() == 0 ? "" : " { " + caps + " }"));
			return;
		}
		emit(level, head + " {");
		if (caps.length() > 0) {
			emit(level + 1, caps.toString());
		}
		d.vmd().comments().forEach(c -> comment(level + 1, c));
		emit(level + 1, "vmd {");
		if (d.vmd().bypass()) {
			emit(level + 2, "bypass");
		}
		emit(level + 2, "mapping " + d.vmd().mapping());
		emit(level + 2, "free-irq " + d.vmd().teardown());
		bus(level + 2, d.vmd().bus());
		emit(level + 1, "}");
		emit(level, "}");
	}

	private static String comment(String text) {
		return text == null || text.isBlank() ? "" : "    // " + Texts.printable(text);
	}

	private void comment(int level, String text) {
		emit(level, "// " + Texts.printable(text));
	}

	private void blank() {
		out.append('\n');
	}

	private void emit(int level, String text) {
		out.append("    ".repeat(level)).append(text).append('\n');
	}
}
