package org.irqdsl.runtime.sim.config;

import java.util.List;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Writes a {@link SimConfig} as JSON that {@link SimConfigReader} reads back to an equal config:
 * every field explicit (defaults written out), vectors as hex strings.
 */
public final class SimConfigWriter {

	private SimConfigWriter() {
	}

	public static String write(SimConfig config) {
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(toJson(config)) + "\n";
	}

	public static JsonObject toJson(SimConfig c) {
		JsonObject o = new JsonObject();
		o.addProperty("format", SimConfig.FORMAT);
		o.addProperty("scenario", c.scenario());
		o.addProperty("platform", c.platform());
		o.add("cpus", cpus(c.cpus()));
		JsonObject vectors = new JsonObject();
		vectors.addProperty("first", hex(c.vectors().first()));
		vectors.addProperty("last", hex(c.vectors().last()));
		o.add("vectors", vectors);
		JsonArray devices = new JsonArray();
		c.devices().forEach(d -> devices.add(device(d)));
		o.add("devices", devices);
		JsonArray initially = new JsonArray();
		for (Placement p : c.initially()) {
			JsonObject j = new JsonObject();
			j.addProperty("entry", p.entry().toString());
			j.addProperty("cpu", p.cpu());
			j.addProperty("vector", hex(p.vector()));
			initially.add(j);
		}
		o.add("initially", initially);
		JsonArray threads = new JsonArray();
		c.threads().forEach(t -> threads.add(thread(t)));
		o.add("threads", threads);
		JsonArray expectations = new JsonArray();
		for (Expectation e : c.expectations()) {
			JsonObject j = new JsonObject();
			j.addProperty("property", e.property().jsonName());
			j.addProperty("occurs", e.occurs());
			expectations.add(j);
		}
		o.add("expectations", expectations);
		if (c.hotUnplug() != null) {
			o.add("hotUnplug", ProcedureJson.write(c.hotUnplug()));
		}
		return o;
	}

	private static JsonObject cpus(List<CpuSpec> cpus) {
		JsonObject o = new JsonObject();
		boolean dense = true;
		for (int i = 0; i < cpus.size(); i++) {
			dense &= cpus.get(i).id() == i;
		}
		if (dense) {
			o.addProperty("count", cpus.size());
		} else {
			JsonArray ids = new JsonArray();
			cpus.forEach(cpu -> ids.add(cpu.id()));
			o.add("ids", ids);
		}
		JsonArray offline = new JsonArray();
		cpus.stream().filter(cpu -> !cpu.online()).forEach(cpu -> offline.add(cpu.id()));
		if (!offline.isEmpty()) {
			o.add("offline", offline);
		}
		return o;
	}

	private static JsonObject device(DeviceSpec d) {
		JsonObject o = new JsonObject();
		o.addProperty("name", d.name());
		if (d.address() != null) {
			o.addProperty("address", d.address());
		}
		o.addProperty("capability", d.capability().jsonName());
		o.addProperty("count", d.count());
		o.addProperty("maskable", d.maskable());
		o.addProperty("msiWrite", d.msiWrite().jsonName());
		o.addProperty("affinityUpdate", d.affinityUpdate().jsonName());
		o.addProperty("vectorCleanup", d.vectorCleanup().jsonName());
		o.addProperty("retrigger", d.retrigger().jsonName());
		o.addProperty("remap", d.remap());
		o.addProperty("parentMasks", d.parentMasks());
		if (d.procedure() != null) {
			o.add("procedure", ProcedureJson.write(d.procedure()));
		}
		if (d.msiWriteProcedure() != null) {
			o.add("msiWriteProcedure", ProcedureJson.write(d.msiWriteProcedure()));
		}
		if (d.vmd() != null) {
			JsonObject vmd = new JsonObject();
			vmd.addProperty("freeIrq", d.vmd().freeIrq().jsonName());
			JsonArray children = new JsonArray();
			for (VmdChild child : d.vmd().children()) {
				JsonObject j = new JsonObject();
				j.addProperty("entry", child.entry().toString());
				j.addProperty("vmdVector", child.vmdVector());
				children.add(j);
			}
			vmd.add("children", children);
			o.add("vmd", vmd);
		}
		return o;
	}

	private static JsonObject thread(ThreadSpec t) {
		JsonObject o = new JsonObject();
		if (t instanceof ThreadSpec.CpuThread c) {
			o.addProperty("cpu", c.cpu());
		} else {
			o.addProperty("device", ((ThreadSpec.DeviceThread) t).device());
		}
		JsonArray ops = new JsonArray();
		t.ops().forEach(op -> ops.add(op(op)));
		o.add("ops", ops);
		return o;
	}

	private static JsonObject op(Op op) {
		JsonObject o = new JsonObject();
		o.addProperty("op", op.opName());
		if (op instanceof Op.SetAffinity s) {
			o.addProperty("entry", s.entry().toString());
			o.addProperty("cpu", s.cpu());
			if (s.vector() != null) {
				o.addProperty("vector", hex(s.vector()));
			}
			if (s.pending()) {
				o.addProperty("pending", true);
			}
		} else if (op instanceof Op.RequestIrq r) {
			o.addProperty("entry", r.entry().toString());
			if (r.cpu() != null) {
				o.addProperty("cpu", r.cpu());
			}
			if (r.vector() != null) {
				o.addProperty("vector", hex(r.vector()));
			}
		} else if (op instanceof Op.FreeIrq f) {
			o.addProperty("entry", f.entry().toString());
		} else if (op instanceof Op.EnableIrq e) {
			o.addProperty("entry", e.entry().toString());
		} else if (op instanceof Op.DisableIrq d) {
			o.addProperty("entry", d.entry().toString());
		} else if (op instanceof Op.OfflineCpu off) {
			o.addProperty("cpu", off.cpu());
			o.addProperty("forwardPending", off.forwardPending());
		} else if (op instanceof Op.OnlineCpu on) {
			o.addProperty("cpu", on.cpu());
		} else if (op instanceof Op.Raise r) {
			o.addProperty("entry", r.entry().local());
			o.addProperty("times", r.times());
		}
		return o;
	}

	private static String hex(int vector) {
		return String.format("0x%x", vector);
	}
}
