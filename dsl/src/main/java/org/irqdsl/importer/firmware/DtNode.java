package org.irqdsl.importer.firmware;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One device-tree node: its full path, properties (raw big-endian bytes, as in the blob) and children. */
public final class DtNode {

	private final String name;
	private final String path;
	private final DtNode parent;
	private final Map<String, byte[]> properties = new LinkedHashMap<>();
	private final List<DtNode> children = new ArrayList<>();

	DtNode(String name, DtNode parent) {
		this.name = name;
		this.parent = parent;
		this.path = parent == null ? "/" : parent.parent == null ? "/" + name : parent.path + "/" + name;
	}

	public String name() {
		return name;
	}

	public String path() {
		return path;
	}

	public DtNode parent() {
		return parent;
	}

	public List<DtNode> children() {
		return children;
	}

	public boolean has(String property) {
		return properties.containsKey(property);
	}

	void put(String property, byte[] value) {
		properties.put(property, value);
	}

	/** The property's cells (32-bit big-endian words); empty when absent or not a whole number of cells. */
	public int[] cells(String property) {
		byte[] v = properties.get(property);
		if (v == null || v.length % 4 != 0) {
			return new int[0];
		}
		int[] out = new int[v.length / 4];
		for (int i = 0; i < out.length; i++) {
			out[i] = (v[4 * i] & 0xff) << 24 | (v[4 * i + 1] & 0xff) << 16 | (v[4 * i + 2] & 0xff) << 8 | (v[4 * i + 3] & 0xff);
		}
		return out;
	}

	/** A one-cell property. */
	public Optional<Integer> cell(String property) {
		int[] c = cells(property);
		return c.length == 1 ? Optional.of(c[0]) : Optional.empty();
	}

	/** A string-list property ("a\0b\0"); empty when absent. */
	public List<String> strings(String property) {
		byte[] v = properties.get(property);
		List<String> out = new ArrayList<>();
		if (v == null) {
			return out;
		}
		int start = 0;
		for (int i = 0; i < v.length; i++) {
			if (v[i] == 0) {
				out.add(new String(v, start, i - start, StandardCharsets.UTF_8));
				start = i + 1;
			}
		}
		if (start < v.length) {
			out.add(new String(v, start, v.length - start, StandardCharsets.UTF_8));
		}
		return out;
	}

	public Optional<String> string(String property) {
		List<String> s = strings(property);
		return s.isEmpty() ? Optional.empty() : Optional.of(s.get(0));
	}

	public boolean compatible(String c) {
		return strings("compatible").contains(c);
	}

	/** {@code status} absent, "okay" or "ok" (drivers/of/base.c __of_device_is_available()). */
	public boolean available() {
		Optional<String> s = string("status");
		return s.isEmpty() || s.get().equals("okay") || s.get().equals("ok");
	}

	public Optional<Integer> phandle() {
		return cell("phandle").or(() -> cell("linux,phandle"));
	}

	/** This node and every node below it, depth first. */
	public List<DtNode> all() {
		List<DtNode> out = new ArrayList<>();
		collect(out);
		return out;
	}

	private void collect(List<DtNode> out) {
		out.add(this);
		children.forEach(c -> c.collect(out));
	}

	public Optional<DtNode> child(String childName) {
		return children.stream().filter(c -> c.name.equals(childName)).findFirst();
	}

	@Override
	public String toString() {
		return path;
	}
}
