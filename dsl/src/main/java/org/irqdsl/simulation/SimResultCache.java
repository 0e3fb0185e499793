package org.irqdsl.simulation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.irqdsl.runtime.sim.Limits;
import org.irqdsl.runtime.sim.SimResult;
import org.irqdsl.runtime.sim.config.SimConfig;

/**
 * Results by scenario content: the generated config (records all the way down, compared by value)
 * and the limits. An edit elsewhere in the file, or one that does not change what the simulator
 * sees, reuses the result. Bounded (least recently used out); thread-safe.
 */
final class SimResultCache {

	private static final int CAPACITY = 256;

	private final Map<Key, SimResult> results = new LinkedHashMap<>(64, 0.75f, true) {
		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, SimResult> eldest) {
			return size() > CAPACITY;
		}
	};

	/**
	 * What a result depends on. The config's value, not a digest of its JSON: writing and hashing
	 * the JSON of each scenario was a fifth of an editor's simulation checks after an edit of a
	 * 10,000-device file (every scenario is looked up again).
	 */
	record Key(SimConfig config, Limits limits) {
	}

	static Key key(SimConfig config, Limits limits) {
		return new Key(config, limits);
	}

	synchronized SimResult get(Key key) {
		return results.get(key);
	}

	synchronized void put(Key key, SimResult result) {
		results.put(key, result);
	}
}
