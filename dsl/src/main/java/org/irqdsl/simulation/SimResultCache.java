package org.irqdsl.simulation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.irqdsl.runtime.sim.Limits;
import org.irqdsl.runtime.sim.SimResult;
import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.sim.config.SimConfigWriter;

/**
 * Results by scenario content: the SHA-256 of the generated config's JSON and the limits. An edit
 * elsewhere in the file, or one that does not change what the simulator sees, reuses the result.
 * Bounded (least recently used out); thread-safe.
 */
final class SimResultCache {

	private static final int CAPACITY = 256;

	private final Map<String, SimResult> results = new LinkedHashMap<>(64, 0.75f, true) {
		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, SimResult> eldest) {
			return size() > CAPACITY;
		}
	};

	static String key(SimConfig config, Limits limits) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(SimConfigWriter.write(config).getBytes(StandardCharsets.UTF_8));
			sha.update(limits.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha.digest());
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}

	synchronized SimResult get(String key) {
		return results.get(key);
	}

	synchronized void put(String key, SimResult result) {
		results.put(key, result);
	}
}
