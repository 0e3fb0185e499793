package org.irqdsl.runtime.sim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.runtime.sim.config.SimConfigBuilder.*;

import org.irqdsl.runtime.sim.config.AffinityUpdate;
import org.irqdsl.runtime.sim.config.Op;
import org.irqdsl.runtime.sim.config.Property;
import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.sim.config.SimConfigBuilder;
import org.junit.jupiter.api.Test;

/** The vector pool holds the spares one CPU may need, not one per allocation of the whole scenario. */
class VectorPoolTest {

	/** n devices on distinct vectors, each moved (vector chosen by the allocator) to CPU (i + 1) mod cpus. */
	private static SimConfig spreadMoves(int n, int cpus) {
		SimConfigBuilder b = SimConfigBuilder.scenario("spread").cpus(cpus);
		Op[] moves = new Op[n];
		for (int i = 0; i < n; i++) {
			b.device(msi("d" + i).affinityUpdate(AffinityUpdate.TWO_STEP));
			b.initially("d" + i + ".msi[0]", i % cpus, 0x30 + i);
			moves[i] = setAffinity("d" + i + ".msi[0]", (i + 1) % cpus);
		}
		b.cpuThread(0, moves);
		b.deviceThread("d0", raise("msi[0]", 1));
		return b.expectNo(Property.LOST_INTERRUPT).build();
	}

	@Test
	void sparesAreTheMostAllocationsOneCpuMaySeePlusOne() throws Exception {
		Scenario s = Scenario.compile(spreadMoves(30, 8));
		// 30 named vectors; CPUs 1..6 receive 4 moves each, CPUs 7 and 0 three: 4 + 1 spares
		assertThat(s.vectors).hasSize(30 + 5);
		assertThat(s.vectors[0]).isEqualTo(0x20); // the spares are the lowest of the range
	}

	@Test
	void allocationsOnOneCpuStillGetOneSpareEach() throws Exception {
		Scenario s = Scenario.compile(spreadMoves(6, 1));
		assertThat(s.vectors).hasSize(6 + 6 + 1);
	}
}
