package org.irqdsl.runtime.sim.explore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StateStoreTest {

	@Test
	void chunksHoldAboutAMegabyteOfStates() {
		assertThat(1 << StateStore.chunkBits(1)).isEqualTo(1 << 16); // 16 bytes a state: capped at 65,536
		assertThat(1 << StateStore.chunkBits(6)).isEqualTo(1 << 14); // 56 bytes: 16,384 states, 896 KiB
		assertThat(1 << StateStore.chunkBits(82)).isEqualTo(1 << 10); // 664 bytes: 1,024 states, 664 KiB
		assertThat(1 << StateStore.chunkBits(10_000)).isEqualTo(1 << 8); // at least 256 states
	}

	@Test
	void bytesToAddCountsTheChunksAStateWouldOpen() {
		StateStore store = new StateStore(82);
		long chunk = 1024L * (82 * 8 + 8);
		assertThat(store.allocatedBytes()).isZero();
		assertThat(store.bytesToAdd(1)).isEqualTo(chunk);
		store.add(new long[82], -1, -1);
		assertThat(store.allocatedBytes()).isEqualTo(chunk);
		assertThat(store.bytesToAdd(1023)).isZero();
		assertThat(store.bytesToAdd(1024)).isEqualTo(chunk);
		assertThat(store.bytesToAdd(2048)).isEqualTo(2 * chunk);
	}

	@Test
	void storedStatesReadBackAcrossChunks() {
		StateStore store = new StateStore(82);
		long[] state = new long[82];
		for (int i = 0; i < 3000; i++) {
			state[i % 82] = i;
			store.add(state, i - 1, i * 7);
		}
		long[] back = new long[82];
		store.load(2500, back);
		assertThat(back[2500 % 82]).isEqualTo(2500);
		assertThat(store.parent(2999)).isEqualTo(2998);
		assertThat(store.step(1025)).isEqualTo(1025 * 7);
		assertThat(store.equalsState(2999, state)).isTrue();
		assertThat(store.equalsState(0, state)).isFalse();
	}

	@Test
	void theVisitedTableCountsItsNextDoubling() {
		StateStore store = new StateStore(1);
		VisitedSet visited = new VisitedSet(store);
		long cache = (1 << 13) * 8L;
		assertThat(visited.allocatedBytes()).isEqualTo(1024 * 8L + cache);
		assertThat(visited.bytesToAdd(512)).isZero();
		assertThat(visited.bytesToAdd(513)).isEqualTo(2048 * 8L);
		for (long i = 1; i <= 513; i++) {
			visited.findOrAdd(new long[] { i }, -1, -1);
		}
		assertThat(visited.allocatedBytes()).isEqualTo(2048 * 8L + cache);
	}
}
