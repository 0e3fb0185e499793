package org.irqdsl.runtime.sim.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Reads a simulator config: strict JSON, then the published schema, then the references and
 * ranges the schema cannot express (entries of declared devices, CPUs of the platform, vectors in
 * the vector range...). Strict JSON and the schema are checked by {@link SimConfigSchema}. Every
 * problem is collected with its JSON pointer; the result is a {@link SimConfig} or a {@link SimConfigException} listing them all — never a stack trace.
 */
public final class SimConfigReader {

	private SimConfigReader() {
	}

	public static SimConfig read(Path file) throws SimConfigException {
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new SimConfigException(List.of(new ConfigProblem(file.toString(), "cannot read: " + e.getMessage())));
		}
		return read(text);
	}

	public static SimConfig read(String json) throws SimConfigException {
		List<ConfigProblem> problems = new ArrayList<>();
		problems.addAll(SimConfigSchema.get().validate(json));
		if (!problems.isEmpty()) {
			throw new SimConfigException(problems);
		}
		// strict, duplicate-free and schema-valid here: Gson's tree of it is the same document
		SimConfig config = toModel(JsonParser.parseString(json).getAsJsonObject(), problems);
		problems.addAll(SimConfigChecks.check(config));
		if (!problems.isEmpty()) {
			throw new SimConfigException(problems);
		}
		return config;
	}

	// ---- tree to model (the tree is schema-valid here) --------------------------------------------

	private static SimConfig toModel(JsonObject o, List<ConfigProblem> problems) {
		return new SimConfig(string(o, "scenario", ""), string(o, "platform", ""), cpus(o.getAsJsonObject("cpus"), problems),
				o.has("vectors") ? vectors(o.getAsJsonObject("vectors")) : VectorRange.X86_DEFAULT,
				list(o.getAsJsonArray("devices"), e -> device(e.getAsJsonObject())),
				o.has("initially") ? list(o.getAsJsonArray("initially"), e -> placement(e.getAsJsonObject())) : List.of(),
				list(o.getAsJsonArray("threads"), e -> thread(e.getAsJsonObject())),
				list(o.getAsJsonArray("expectations"), e -> expectation(e.getAsJsonObject())),
				o.has("hotUnplug") ? ProcedureJson.readHotUnplug(o.getAsJsonObject("hotUnplug")) : null);
	}

	private static List<CpuSpec> cpus(JsonObject o, List<ConfigProblem> problems) {
		List<Integer> ids = new ArrayList<>();
		if (o.has("count")) {
			for (int i = 0; i < o.get("count").getAsInt(); i++) {
				ids.add(i);
			}
		} else {
			o.getAsJsonArray("ids").forEach(e -> ids.add(e.getAsInt()));
		}
		List<Integer> offline = new ArrayList<>();
		if (o.has("offline")) {
			o.getAsJsonArray("offline").forEach(e -> offline.add(e.getAsInt()));
		}
		List<CpuSpec> cpus = new ArrayList<>();
		for (int id : ids) {
			cpus.add(new CpuSpec(id, !offline.contains(id)));
		}
		for (int i = 0; i < offline.size(); i++) {
			if (!ids.contains(offline.get(i))) {
				problems.add(new ConfigProblem("/cpus/offline/" + i, "CPU " + offline.get(i)
						+ " is not a CPU of the platform (CPUs: " + ids + ")"));
			}
		}
		return cpus;
	}

	private static VectorRange vectors(JsonObject o) {
		return new VectorRange(vector(o.get("first")), vector(o.get("last")));
	}

	static int vector(JsonElement e) {
		if (e.getAsJsonPrimitive().isNumber()) {
			return e.getAsInt();
		}
		return Integer.parseInt(e.getAsString().substring(2), 16);
	}

	private static DeviceSpec device(JsonObject o) {
		AffinityUpdate update = enumOf(AffinityUpdate.class, o, "affinityUpdate", AffinityUpdate.DIRECT);
		EntryKind capability = enumOf(EntryKind.class, o, "capability", EntryKind.MSI);
		return new DeviceSpec(o.get("name").getAsString(), string(o, "address", null), capability,
				o.has("count") ? o.get("count").getAsInt() : 1,
				o.has("maskable") ? o.get("maskable").getAsBoolean() : capability == EntryKind.MSIX,
				enumOf(MsiWrite.class, o, "msiWrite", MsiWrite.CONFIG_WORDS), update,
				enumOf(VectorCleanup.class, o, "vectorCleanup", VectorCleanup.ON_FIRST_ARRIVAL),
				enumOf(Retrigger.class, o, "retrigger", Retrigger.LOCK_FREE),
				o.has("remap") ? o.get("remap").getAsBoolean() : update == AffinityUpdate.REMAP,
				o.has("parentMasks") && o.get("parentMasks").getAsBoolean(),
				o.has("vmd") ? vmd(o.getAsJsonObject("vmd")) : null,
				o.has("procedure") ? ProcedureJson.read(o.getAsJsonObject("procedure")) : null,
				o.has("msiWriteProcedure") ? ProcedureJson.read(o.getAsJsonObject("msiWriteProcedure")) : null);
	}

	private static VmdSpec vmd(JsonObject o) {
		return new VmdSpec(enumOf(VmdTeardown.class, o, "freeIrq", VmdTeardown.GRACE_PERIOD),
				list(o.getAsJsonArray("children"), e -> new VmdChild(entry(e.getAsJsonObject().get("entry")),
						e.getAsJsonObject().get("vmdVector").getAsInt())));
	}

	private static Placement placement(JsonObject o) {
		return new Placement(entry(o.get("entry")), o.get("cpu").getAsInt(), vector(o.get("vector")));
	}

	private static ThreadSpec thread(JsonObject o) {
		if (o.has("cpu")) {
			return new ThreadSpec.CpuThread(o.get("cpu").getAsInt(), list(o.getAsJsonArray("ops"), e -> cpuOp(e.getAsJsonObject())));
		}
		String device = o.get("device").getAsString();
		return new ThreadSpec.DeviceThread(device, list(o.getAsJsonArray("ops"), e -> {
			JsonObject r = e.getAsJsonObject();
			EntryRef entry = EntryRef.parseLocal(device, r.get("entry").getAsString()).orElseThrow();
			return new Op.Raise(entry, r.has("times") ? r.get("times").getAsInt() : 1);
		}));
	}

	private static Op cpuOp(JsonObject o) {
		String op = o.get("op").getAsString();
		return switch (op) {
		case "set-affinity" -> new Op.SetAffinity(entry(o.get("entry")), o.get("cpu").getAsInt(), optionalVector(o),
				o.has("pending") && o.get("pending").getAsBoolean());
		case "request_irq" -> new Op.RequestIrq(entry(o.get("entry")), o.has("cpu") ? o.get("cpu").getAsInt() : null,
				optionalVector(o));
		case "free_irq" -> new Op.FreeIrq(entry(o.get("entry")));
		case "enable_irq" -> new Op.EnableIrq(entry(o.get("entry")));
		case "disable_irq" -> new Op.DisableIrq(entry(o.get("entry")));
		case "offline" -> new Op.OfflineCpu(o.get("cpu").getAsInt(),
				o.has("forwardPending") && o.get("forwardPending").getAsBoolean());
		case "online" -> new Op.OnlineCpu(o.get("cpu").getAsInt());
		default -> throw new IllegalStateException("schema admitted op " + op);
		};
	}

	private static Integer optionalVector(JsonObject o) {
		return o.has("vector") ? vector(o.get("vector")) : null;
	}

	private static Expectation expectation(JsonObject o) {
		return new Expectation(enumOf(Property.class, o, "property", null), o.get("occurs").getAsBoolean());
	}

	private static EntryRef entry(JsonElement e) {
		return EntryRef.parse(e.getAsString()).orElseThrow();
	}

	private static String string(JsonObject o, String name, String otherwise) {
		return o.has(name) ? o.get(name).getAsString() : otherwise;
	}

	private static <E extends Enum<E> & JsonName> E enumOf(Class<E> type, JsonObject o, String name, E otherwise) {
		if (!o.has(name)) {
			return otherwise;
		}
		return JsonName.parse(type, o.get(name).getAsString()).orElseThrow();
	}

	private static <T> List<T> list(JsonArray array, java.util.function.Function<JsonElement, T> f) {
		List<T> out = new ArrayList<>();
		array.forEach(e -> out.add(f.apply(e)));
		return out;
	}
}
