package org.irqdsl.runtime.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.runtime.sim.config.SimConfigBuilder.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;

import org.irqdsl.runtime.sim.config.AffinityUpdate;
import org.irqdsl.runtime.sim.config.Property;
import org.irqdsl.runtime.sim.config.SimConfig;
import org.irqdsl.runtime.sim.config.SimConfigBuilder;
import org.irqdsl.runtime.sim.explore.ExplorationResult;
import org.irqdsl.runtime.sim.bench.Families;
import org.irqdsl.runtime.sim.explore.Explorer;
import org.irqdsl.runtime.sim.model.Independence;
import org.irqdsl.runtime.sim.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExplorerTest {

	static Stream<SimConfig> configs() {
		return SeedConfigs.all().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("configs")
	void reductionOnAndOffGiveTheSameVerdictsAndTheSameQuiescentStates(SimConfig config) throws Exception {
		Scenario scenario = Scenario.compile(config);
		Explorer full = new Explorer(scenario, Limits.DEFAULT.withPartialOrderReduction(false), ProgressListener.NONE, true);
		Explorer reduced = new Explorer(scenario, Limits.DEFAULT, ProgressListener.NONE, true);
		ExplorationResult f = full.run();
		ExplorationResult r = reduced.run();
		assertThat(f.complete()).isTrue();
		assertThat(r.complete()).isTrue();
		assertThat(r.violations().keySet()).isEqualTo(f.violations().keySet());
		assertThat(new HashSet<>(reduced.quiescentStates())).isEqualTo(new HashSet<>(full.quiescentStates()));
		assertThat(r.states()).isLessThanOrEqualTo(f.states());

		SimResult withPor = Simulator.run(config, Limits.DEFAULT, ProgressListener.NONE);
		SimResult without = Simulator.run(config, Limits.DEFAULT.withPartialOrderReduction(false), ProgressListener.NONE);
		assertThat(withPor.expectations()).extracting(ExpectationResult::verdict)
				.isEqualTo(without.expectations().stream().map(ExpectationResult::verdict).toList());
	}

	@Test
	void independentDevicesOnDisjointCpusAreReducedToFewerStates() throws Exception {
		SimConfig config = SeedConfigs.all().stream().filter(c -> c.scenario().startsWith("independent_")).findFirst()
				.orElseThrow();
		Scenario scenario = Scenario.compile(config);
		assertThat(new Independence(scenario).componentCount()).isEqualTo(3);
		long full = new Explorer(scenario, Limits.DEFAULT.withPartialOrderReduction(false), ProgressListener.NONE).run()
				.states();
		long reduced = new Explorer(scenario, Limits.DEFAULT, ProgressListener.NONE).run().states();
		assertThat(reduced * 5).isLessThan(full);
	}

	@Test
	void traceOfOneComponentLeavesTheIndependentThreadsOut() throws Exception {
		SimConfig config = SeedConfigs.all().stream().filter(c -> c.scenario().startsWith("independent_")).findFirst()
				.orElseThrow();
		for (boolean por : new boolean[] {true, false}) {
			SimResult r = Simulator.run(config, Limits.DEFAULT.withPartialOrderReduction(por), ProgressListener.NONE);
			var lost = r.trace(Property.LOST_INTERRUPT).orElseThrow();
			assertThat(lost.projected()).isTrue();
			assertThat(lost.columns()).doesNotContain("CPU0", "Device a");
		}
	}

	@Test
	void theStateLimitGivesIncompleteNeverAPass() throws Exception {
		SimConfig config = SimConfigBuilder.scenario("remap_many").cpus(4)
				.device(msi("nic").affinityUpdate(AffinityUpdate.REMAP))
				.initially("nic.msi[0]", 1, 0x30)
				.cpuThread(1, setAffinity("nic.msi[0]", 2, 0x31), setAffinity("nic.msi[0]", 3, 0x32))
				.deviceThread("nic", raise("msi[0]", 3))
				.expectNo(Property.LOST_INTERRUPT)
				.build();
		SimResult r = Simulator.run(config, Limits.DEFAULT.withMaxStates(5), ProgressListener.NONE);
		assertThat(r.complete()).isFalse();
		assertThat(r.incompleteReason()).contains("state limit of 5 reached");
		assertThat(r.expectations().get(0).verdict()).isEqualTo(Verdict.INCOMPLETE);
		assertThat(r.expectations().get(0).explanation()).contains("not every interleaving was seen");
	}

	@Test
	void aBugFoundBeforeTheLimitIsStillAFailure() throws Exception {
		SimConfig config = SimConfigBuilder.scenario("torn").cpus(4)
				.device(msi("nic"))
				.initially("nic.msi[0]", 1, 0x30)
				.cpuThread(1, setAffinity("nic.msi[0]", 2, 0x31))
				.deviceThread("nic", raise("msi[0]", 3))
				.expectNo(Property.SPURIOUS_INTERRUPT)
				.expect(Property.SPURIOUS_INTERRUPT)
				.expectNo(Property.DEADLOCK)
				.build();
		SimResult complete = Simulator.run(config);
		long needed = complete.statistics().states();
		SimResult r = Simulator.run(config, Limits.DEFAULT.withMaxStates(needed - 1), ProgressListener.NONE);
		assertThat(r.complete()).isFalse();
		assertThat(r.expectations()).extracting(ExpectationResult::verdict)
				.containsExactly(Verdict.FAILS, Verdict.HOLDS, Verdict.INCOMPLETE);
	}

	@Test
	void theTimeoutGivesIncomplete() throws Exception {
		SimConfig config = Families.moves(4, 4, AffinityUpdate.DIRECT);
		SimResult r = Simulator.run(config, Limits.DEFAULT.withPartialOrderReduction(false).withTimeout(Duration.ofNanos(1)),
				ProgressListener.NONE);
		assertThat(r.complete()).isFalse();
		assertThat(r.incompleteReason()).contains("timeout");
		assertThat(r.expectations()).extracting(ExpectationResult::verdict).doesNotContain(Verdict.HOLDS);
	}

	@Test
	void aCancelledRunIsIncompleteNeverAPass() throws Exception {
		SimConfig config = Families.moves(4, 4, AffinityUpdate.DIRECT);
		int[] asked = {0};
		ProgressListener cancelAfterTwoChecks = new ProgressListener() {
			@Override
			public void onProgress(Progress progress) {
			}

			@Override
			public boolean cancelled() {
				return ++asked[0] > 2;
			}
		};
		SimResult r = Simulator.run(config, Limits.DEFAULT.withPartialOrderReduction(false), cancelAfterTwoChecks);
		assertThat(r.complete()).isFalse();
		assertThat(r.incompleteReason()).contains("cancelled");
		assertThat(r.statistics().states()).isLessThan(6_250_000);
		assertThat(r.expectations()).extracting(ExpectationResult::verdict).doesNotContain(Verdict.HOLDS);
	}

	@Test
	void progressIsReportedDuringALongRun() throws Exception {
		Scenario scenario = Scenario.compile(Families.moves(3, 3, AffinityUpdate.DIRECT));
		List<Progress> reports = new ArrayList<>();
		ExplorationResult r = new Explorer(scenario, Limits.DEFAULT.withPartialOrderReduction(false), reports::add)
				.progressInterval(Duration.ZERO).run();
		assertThat(reports).isNotEmpty();
		assertThat(reports.get(reports.size() - 1).states()).isLessThanOrEqualTo(r.states());
		assertThat(reports).allSatisfy(p -> assertThat(p.toString()).contains("states"));
	}
}
