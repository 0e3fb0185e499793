package org.irqdsl.importer.firmware;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.irqdsl.importer.ImportException;

/**
 * The IO Remapping Table (Arm DEN 0049; drivers/acpi/arm64/iort.c): ITS groups, root complexes,
 * SMMUs and named components, each with its ID mappings. A root complex's MSIs reach an ITS group
 * through its mappings, directly or through an SMMU's (iort_node_map_id()).
 */
public record Iort(Map<Integer, Node> nodes) {

	public static final int ITS_GROUP = 0;
	public static final int NAMED_COMPONENT = 1;
	public static final int ROOT_COMPLEX = 2;
	public static final int SMMU = 3;
	public static final int SMMU_V3 = 4;
	public static final int PMCG = 5;

	/** One ID mapping; {@code count} is the number of IDs (the table holds it minus one). */
	public record Mapping(int offset, long inputBase, long count, long outputBase, int outputRef, boolean single) {
	}

	/**
	 * A node: {@code segment} for a root complex, {@code itsIds} for an ITS group, {@code base}
	 * for an SMMU, {@code name} for a named component.
	 */
	public record Node(int offset, int type, int revision, List<Mapping> mappings, long segment, List<Long> itsIds, long base, String name) {

		public String typeName() {
			return switch (type) {
			case ITS_GROUP -> "ITS group";
			case NAMED_COMPONENT -> "named component";
			case ROOT_COMPLEX -> "root complex";
			case SMMU -> "SMMUv1/v2";
			case SMMU_V3 -> "SMMUv3";
			case PMCG -> "PMCG";
			default -> "type " + type;
			};
		}
	}

	public static Iort decode(AcpiTable t) throws ImportException {
		long count = t.u32(36);
		long first = t.u32(40);
		Map<Integer, Node> nodes = new LinkedHashMap<>();
		int p = (int) Math.min(first, Integer.MAX_VALUE);
		for (long i = 0; i < count; i++) {
			int type = t.u8Checked(p);
			int len = t.u16(p + 1);
			if (len < 16 || p + len > t.length()) {
				throw t.bad(p, "IORT node " + i + " of type " + type + " with length " + len + " does not fit the table");
			}
			int revision = t.u8(p + 3);
			long nMappings = t.u32(p + 8);
			long mapOff = t.u32(p + 12);
			List<Mapping> maps = new ArrayList<>();
			if (nMappings > 0) {
				if (mapOff < 16 || mapOff + nMappings * 20 > len) {
					throw t.bad(p + 12, "IORT node " + i + ": " + nMappings + " ID mappings at offset " + mapOff + " run past the node's " + len + " bytes");
				}
				for (int m = 0; m < nMappings; m++) {
					int q = p + (int) mapOff + 20 * m;
					maps.add(new Mapping(q, t.u32(q), t.u32(q + 4) + 1, t.u32(q + 8), (int) t.u32(q + 12), (t.u32(q + 16) & 1) != 0));
				}
			}
			long segment = -1;
			long base = 0;
			String name = null;
			List<Long> ids = new ArrayList<>();
			switch (type) {
			case ITS_GROUP -> {
				long n = t.u32(p + 16);
				if (20 + 4 * n > len) {
					throw t.bad(p + 16, "ITS group with " + n + " ITS ids does not fit its " + len + " bytes");
				}
				for (int k = 0; k < n; k++) {
					ids.add(t.u32(p + 20 + 4 * k));
				}
			}
			case ROOT_COMPLEX -> segment = t.u32(p + 28);
			case SMMU, SMMU_V3 -> base = t.u64(p + 16);
			case NAMED_COMPONENT -> {
				StringBuilder s = new StringBuilder();
				for (int q = p + 29; q < p + len && t.u8(q) != 0; q++) {
					s.append((char) t.u8(q));
				}
				name = s.toString();
			}
			default -> {
			}
			}
			nodes.put(p, new Node(p, type, revision, maps, segment, ids, base, name));
			p += len;
		}
		return new Iort(nodes);
	}

	/**
	 * The ITS groups a node's IDs reach, following SMMUs (iort_node_map_id(): a root complex maps to
	 * an SMMU, whose own mappings lead to the ITS group); at most 8 hops.
	 */
	public List<Node> itsGroupsOf(Node n) {
		List<Node> out = new ArrayList<>();
		walk(n, out, 0);
		return out;
	}

	private void walk(Node n, List<Node> out, int depth) {
		if (depth > 8) {
			return;
		}
		for (Mapping m : n.mappings()) {
			Node target = nodes.get(m.outputRef());
			if (target == null) {
				continue;
			}
			if (target.type() == ITS_GROUP) {
				if (!out.contains(target)) {
					out.add(target);
				}
			} else if (target != n) {
				walk(target, out, depth + 1);
			}
		}
	}

	/** The SMMUs on a node's path (a root complex behind an SMMU). */
	public List<Node> smmusOf(Node n) {
		List<Node> out = new ArrayList<>();
		for (Mapping m : n.mappings()) {
			Node target = nodes.get(m.outputRef());
			if (target != null && (target.type() == SMMU || target.type() == SMMU_V3) && !out.contains(target)) {
				out.add(target);
			}
		}
		return out;
	}
}
