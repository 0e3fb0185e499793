package org.irqdsl.runtime.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

import org.irqdsl.runtime.sim.bench.Families;
import org.irqdsl.runtime.sim.config.AffinityUpdate;
import org.junit.jupiter.api.Test;

/** The packed state: every field reads back what was written, and no field overlaps another. */
class StateEncodingTest {

	@Test
	void bitFieldsRoundTripAndDoNotOverlap() {
		Random rnd = new Random(1);
		for (int round = 0; round < 200; round++) {
			BitFields f = new BitFields();
			List<int[]> fields = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				int width = rnd.nextInt(64);
				fields.add(new int[] {f.add(width), width});
			}
			long[] w = new long[f.words()];
			long[] values = new long[fields.size()];
			for (int i = 0; i < fields.size(); i++) {
				int width = fields.get(i)[1];
				values[i] = width == 0 ? 0 : rnd.nextLong() & ((1L << width) - 1);
				BitFields.set(w, fields.get(i)[0], values[i]);
			}
			for (int i = 0; i < fields.size(); i++) {
				assertThat(BitFields.get(w, fields.get(i)[0])).isEqualTo(values[i]);
			}
			// rewriting one field in any order leaves the others alone
			for (int i = fields.size() - 1; i >= 0; i--) {
				int width = fields.get(i)[1];
				values[i] = width == 0 ? 0 : ~values[i] & ((1L << width) - 1);
				BitFields.set(w, fields.get(i)[0], values[i]);
			}
			for (int i = 0; i < fields.size(); i++) {
				assertThat(BitFields.get(w, fields.get(i)[0])).isEqualTo(values[i]);
			}
		}
	}

	@Test
	void aFieldGoesToTheFirstWordWithRoomForIt() {
		BitFields f = new BitFields();
		int a = f.add(40);
		int b = f.add(40);
		int c = f.add(20);
		int d = f.add(20);
		assertThat(f.words()).isEqualTo(2);
		assertThat(new int[] {a >>> 16, b >>> 16, c >>> 16, d >>> 16}).containsExactly(0, 1, 0, 1);
	}

	@Test
	void onlyTheVectorSlotsAnIrqMayTakeHaveAnOwnerField() throws Exception {
		// 30 devices on 8 CPUs, each named on one CPU and moved once to the next by the allocator
		Scenario scenario = Scenario.compile(Families.manyDevices(30, 8, 4, 10));
		StateLayout l = scenario.layout;
		int fields = 0;
		for (int c = 0; c < scenario.cpuCount; c++) {
			for (int k = 0; k < scenario.vectors.length; k++) {
				fields += l.owner[c][k] == 0 ? 0 : 1;
			}
			// its named vectors and the lowest ones the allocator may hand out there
			assertThat(l.owner[c][0]).isNotZero();
		}
		assertThat(scenario.vectors.length).isEqualTo(35);
		assertThat(fields).isLessThan(8 * 35 / 2);
		// a named vector has a field on the CPU it is placed on, not on another CPU that never allocates it
		int d9 = java.util.Arrays.binarySearch(scenario.vectors, 0x30 + 9);
		assertThat(l.owner[9 % 8][d9]).isNotZero();
		assertThat(l.owner[0][d9]).isZero();
	}

	@Test
	void writingAnOwnerIntoASlotWithoutAFieldFails() throws Exception {
		Scenario scenario = Scenario.compile(Families.manyDevices(30, 8, 4, 10));
		MachineState s = new MachineState(scenario);
		s.bind(scenario.initialState());
		int d9 = java.util.Arrays.binarySearch(scenario.vectors, 0x30 + 9);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.setOwner(0, d9, 9))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("no field");
	}

	@Test
	void bitsForCoversTheLargestValue() {
		assertThat(BitFields.bitsFor(0)).isEqualTo(1);
		assertThat(BitFields.bitsFor(1)).isEqualTo(1);
		assertThat(BitFields.bitsFor(2)).isEqualTo(2);
		assertThat(BitFields.bitsFor(7)).isEqualTo(3);
		assertThat(BitFields.bitsFor(8)).isEqualTo(4);
	}

	/** Every per-entity field of a real scenario's layout, with its width, as (setter, getter). */
	private record Field(String name, int width, java.util.function.ObjLongConsumer<MachineState> set,
			java.util.function.ToLongFunction<MachineState> get) {
	}

	static java.util.stream.Stream<org.irqdsl.runtime.sim.config.SimConfig> scenarios() {
		return java.util.stream.Stream.of(Families.moves(3, 2, AffinityUpdate.TWO_STEP), Families.offline(2, AffinityUpdate.DIRECT),
				org.irqdsl.runtime.sim.config.SimConfigBuilder.scenario("everything").cpus(3)
						.device(org.irqdsl.runtime.sim.config.SimConfigBuilder.msix("vmd0").count(2)
								.vmd(org.irqdsl.runtime.sim.config.VmdTeardown.NO_GRACE_PERIOD, "nvme1.msi-x[0]@1"))
						.device(org.irqdsl.runtime.sim.config.SimConfigBuilder.msix("nvme1"))
						.device(org.irqdsl.runtime.sim.config.SimConfigBuilder.msi("fpga")
								.msiWrite(org.irqdsl.runtime.sim.config.MsiWrite.FIRMWARE_QUEUED))
						.initially("vmd0.msi-x[1]", 1, 0x40).initially("fpga.msi[0]", 2, 0x41)
						.cpuThread(0, org.irqdsl.runtime.sim.config.SimConfigBuilder.offline(2, true),
								org.irqdsl.runtime.sim.config.SimConfigBuilder.freeIrq("nvme1.msi-x[0]"))
						.deviceThread("fpga", org.irqdsl.runtime.sim.config.SimConfigBuilder.raise("msi[0]")).build());
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.MethodSource("scenarios")
	void everyFieldOfAScenarioStateRoundTrips(org.irqdsl.runtime.sim.config.SimConfig config) throws Exception {
		Scenario scenario = Scenario.compile(config);
		StateLayout l = scenario.layout;
		List<Field> fields = new ArrayList<>();
		fields.add(new Field("vectorLock", BitFields.width(l.vectorLockOwner), (s, v) -> s.setVectorLockOwner((int) v - 1),
				s -> s.vectorLockOwner() + 1));
		fields.add(new Field("stopMachine", BitFields.width(l.stopMachineOwner), (s, v) -> s.setStopMachineOwner((int) v - 1),
				s -> s.stopMachineOwner() + 1));
		fields.add(new Field("violations", 5, (s, v) -> {
			BitFields.set(s.w, l.violations, v);
		}, s -> s.violations()));
		for (int c = 0; c < scenario.cpuCount; c++) {
			int cc = c;
			fields.add(new Field("online" + c, 1, (s, v) -> s.setOnline(cc, v == 1), s -> s.online(cc) ? 1 : 0));
			fields.add(new Field("irr" + c, scenario.vectors.length, (s, v) -> s.setIrr(cc, v), s -> s.irr(cc)));
			fields.add(new Field("flowVmd" + c, BitFields.width(l.flowVmd[c]), (s, v) -> s.setFlowVmd(cc, (int) v - 1),
					s -> s.flowVmd(cc) + 1));
			fields.add(new Field("flowHolding" + c, BitFields.width(l.flowHolding[c]), (s, v) -> s.setFlowHolding(cc, (int) v - 1),
					s -> s.flowHolding(cc) + 1));
			for (int k = 0; k < scenario.vectors.length; k++) {
				int kk = k;
				fields.add(new Field("owner" + c + "," + k, BitFields.width(l.owner[c][k]), (s, v) -> s.setOwner(cc, kk, (int) v - 1),
						s -> s.owner(cc, kk) + 1));
			}
		}
		for (int j = 0; j < scenario.irqs.length; j++) {
			int jj = j;
			addIrq(fields, "cpu" + j, l.cpuBits, i -> (s, v) -> s.setCpu(i, (int) v), i -> s -> s.cpu(i), jj);
			addIrq(fields, "vec" + j, l.vecBits, i -> (s, v) -> s.setVec(i, (int) v), i -> s -> s.vec(i), jj);
			addIrq(fields, "prevCpu" + j, l.cpuBits, i -> (s, v) -> s.setPrevCpu(i, (int) v), i -> s -> s.prevCpu(i), jj);
			addIrq(fields, "prevVec" + j, l.vecBits, i -> (s, v) -> s.setPrevVec(i, (int) v), i -> s -> s.prevVec(i), jj);
			addIrq(fields, "devCpu" + j, l.cpuBits, i -> (s, v) -> s.setDevCpu(i, (int) v), i -> s -> s.devCpu(i), jj);
			addIrq(fields, "devVec" + j, l.vecBits, i -> (s, v) -> s.setDevVec(i, (int) v), i -> s -> s.devVec(i), jj);
			addIrq(fields, "queuedCpu" + j, BitFields.width(l.queuedCpu[j]), i -> (s, v) -> s.setQueuedCpu(i, (int) v),
					i -> s -> s.queuedCpu(i), jj);
			addIrq(fields, "queuedVec" + j, BitFields.width(l.queuedVec[j]), i -> (s, v) -> s.setQueuedVec(i, (int) v),
					i -> s -> s.queuedVec(i), jj);
			addIrq(fields, "depth" + j, 2, i -> (s, v) -> s.setDepth(i, (int) v), i -> s -> s.depth(i), jj);
			addIrq(fields, "credit" + j, 2, i -> (s, v) -> s.setCredit(i, (int) v), i -> s -> s.credit(i), jj);
			for (int bit = 0; bit < MachineState.FLAG_COUNT; bit++) {
				int flag = 1 << bit;
				fields.add(new Field("flag" + j + "." + bit, 1, (s, v) -> s.setFlag(jj, flag, v == 1),
						s -> s.flag(jj, flag) ? 1 : 0));
			}
		}
		for (int t = 0; t < scenario.threads.length; t++) {
			int tt = t;
			fields.add(new Field("op" + t, BitFields.width(l.op[t]), (s, v) -> s.setOp(tt, (int) v), s -> s.op(tt)));
			fields.add(new Field("stage" + t, BitFields.width(l.stage[t]), (s, v) -> s.setStage(tt, (int) v), s -> s.stage(tt)));
			fields.add(new Field("micro" + t, BitFields.width(l.micro[t]), (s, v) -> s.setMicro(tt, (int) v), s -> s.micro(tt)));
			fields.add(new Field("cursor" + t, BitFields.width(l.cursor[t]), (s, v) -> s.setCursor(tt, (int) v), s -> s.cursor(tt)));
			for (int bit = 0; bit < BitFields.width(l.threadFlags[t]); bit++) {
				int flag = 1 << bit;
				fields.add(new Field("threadFlag" + t + "." + bit, 1, (s, v) -> s.setThreadFlag(tt, flag, v == 1),
						s -> s.threadFlag(tt, flag) ? 1 : 0));
			}
			fields.add(new Field("path" + t, BitFields.width(l.path[t]), (s, v) -> s.setPath(tt, (int) v), s -> s.path(tt)));
		}
		Random rnd = new Random(7);
		MachineState s = new MachineState(scenario);
		for (int round = 0; round < 50; round++) {
			s.bind(new long[l.words]);
			long[] values = new long[fields.size()];
			for (int i = 0; i < fields.size(); i++) {
				int width = fields.get(i).width();
				values[i] = width == 0 ? 0 : rnd.nextLong() & ((1L << width) - 1);
				fields.get(i).set().accept(s, values[i]);
			}
			for (int i = 0; i < fields.size(); i++) {
				assertThat(fields.get(i).get().applyAsLong(s)).as(fields.get(i).name()).isEqualTo(values[i]);
			}
		}
	}

	private static void addIrq(List<Field> fields, String name, int width,
			IntFunction<java.util.function.ObjLongConsumer<MachineState>> set,
			IntFunction<java.util.function.ToLongFunction<MachineState>> get, int j) {
		fields.add(new Field(name, width, set.apply(j), get.apply(j)));
	}

	@Test
	void noneValuesAreDistinctFromRealCpusVectorsAndTheControllerHandle() throws Exception {
		Scenario scenario = Scenario.compile(Families.moves(7, 7, AffinityUpdate.REMAP));
		MachineState s = new MachineState(scenario);
		assertThat(s.noCpu).isGreaterThan(scenario.cpuCount);
		assertThat(s.controllerHandle).isEqualTo(scenario.cpuCount);
		assertThat(s.noVec).isGreaterThanOrEqualTo(scenario.vectors.length);
	}

	@Test
	void aSmallScenarioStateFitsInAFewLongs() throws Exception {
		Scenario scenario = Scenario.compile(Families.moves(1, 1, AffinityUpdate.TWO_STEP));
		assertThat(scenario.layout.words).isLessThanOrEqualTo(2);
		long[] initial = scenario.initialState();
		assertThat(initial).hasSize(scenario.layout.words);
		assertThat(scenario.initialState()).isEqualTo(initial).isNotSameAs(initial);
	}
}
