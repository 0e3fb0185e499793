package org.irqdsl.runtime.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.irqdsl.runtime.sim.bench.Families;
import org.irqdsl.runtime.sim.config.AffinityUpdate;
import org.junit.jupiter.api.Test;

/**
 * The representative of an orbit: a state and its images under a permutation of interchangeable
 * components have the same one, and a representative is its own. The images are reached by
 * replaying a random walk with every step taken to the permuted component ({@link Symmetry#mapStep}).
 */
class SymmetryTest {

	@Test
	void aStateAndItsPermutedImagesHaveOneRepresentative() throws Exception {
		Scenario scenario = Scenario.compile(Families.moves(4, 4, AffinityUpdate.TWO_STEP));
		Symmetry symmetry = Symmetry.of(scenario, new Independence(scenario));
		assertThat(symmetry).isNotNull();
		assertThat(symmetry.classes()).hasDimensions(1, 4);
		int[][] permutations = { { 1, 0, 2, 3 }, { 3, 2, 1, 0 }, { 1, 2, 3, 0 } };
		Machine machine = new Machine(scenario);
		Random rnd = new Random(3);
		int[] candidates = new int[machine.maxCandidates()];
		int moved = 0;
		for (int walk = 0; walk < 200; walk++) {
			long[] state = scenario.initialState();
			long[][] images = new long[permutations.length][];
			for (int p = 0; p < permutations.length; p++) {
				images[p] = scenario.initialState();
			}
			for (int depth = 0; depth < 40; depth++) {
				int n = machine.candidates(state, candidates);
				if (n == 0) {
					break;
				}
				int step = candidates[rnd.nextInt(n)];
				long[] next = state.clone();
				if (!machine.apply(next, step, org.irqdsl.runtime.sim.model.EventSink.SILENT)) {
					continue;
				}
				state = next;
				for (int p = 0; p < permutations.length; p++) {
					assertThat(machine.apply(images[p], symmetry.mapStep(step, permutations[p]),
							org.irqdsl.runtime.sim.model.EventSink.SILENT)).isTrue();
				}
				long[] representative = state.clone();
				moved += symmetry.canonicalize(representative) ? 1 : 0;
				for (long[] image : images) {
					long[] other = image.clone();
					symmetry.canonicalize(other);
					assertThat(other).isEqualTo(representative);
				}
				long[] again = representative.clone();
				assertThat(symmetry.canonicalize(again)).isFalse();
				assertThat(again).isEqualTo(representative);
			}
		}
		assertThat(moved).as("states whose representative is another state of the orbit").isPositive();
	}
}
