package org.irqdsl.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irqdsl.validation.checks.Fixtures.*;

import org.irqdsl.validation.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** vector-range: arch/x86/include/asm/irq_vectors.h, and a scenario's vectors within the root's range. */
class VectorRangeTest {

	private static final String ID = "vector-range";
	private static final String NVME = "device nvme0 at \"00:03.0\" { msi-x count 32 }";

	private static String vector(String range) {
		return platform(domain("vector : VECTOR", "vectors " + range, X86_VECTOR_OPS, "affinity-update two-step"),
				pciBus("vector", NVME));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0x10..0xff", "0x0..0xff", "0x20..0x100" })
	void x86VectorRangeOutsideTheExternalVectors(String range) {
		String text = vector(range);
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "vectors ", "error [" + ID + "]"));
		assertThat(message(text, ID)).contains("domain vector (VECTOR): vector range " + range,
				"leaves 0x20..0xff", "NR_VECTORS is 256");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0x20..0xff", "0x30..0xef", "0x20..0x5f" })
	void x86VectorRangeWithinTheExternalVectors(String range) {
		assertThat(Diagnostics.of(vector(range))).isEmpty();
	}

	@Test
	void emptyRange() {
		String text = vector("0x40..0x30");
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "vectors ", "error [" + ID + "]"));
		assertThat(message(text, ID)).contains("vector range 0x40..0x30 is empty (first > last)");
	}

	@Test
	void otherKindsAreNotHeldToTheX86Layout() {
		String text = platform(imsic("vectors 1..0x7ff"), pciBus("imsic", NVME));
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	/** The scenario's placements, on a platform whose root holds 0x20..0xff. */
	private static String scenario(String... lines) {
		return vector("0x20..0xff") + "scenario s on p {\n" + String.join("\n", lines) + "\n}\n";
	}

	@Test
	void initialVectorOutsideTheRootsRange() {
		String text = scenario("initially nvme0.msi-x[0] on cpu 1 vector 0x10");
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "initially", "error [" + ID + "]"));
		assertThat(message(text, ID)).isEqualTo("vector 0x10 is outside domain vector (VECTOR)'s range 0x20..0xff");
	}

	@Test
	void setAffinityVectorOutsideTheRootsRange() {
		String text = scenario("concurrently {", "cpu 1 { set-affinity nvme0.msi-x[0] cpu 2 vector 0x100 }",
				"cpu 2 { set-affinity nvme0.msi-x[1] cpu 3 vector 0 }", "}");
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "vector 0x100", "error [" + ID + "]"),
				at(text, "vector 0 ", "error [" + ID + "]"));
	}

	@Test
	void vectorsWithinTheRootsRangeOrLeftToTheKernel() {
		String text = scenario("initially nvme0.msi-x[0] on cpu 1 vector 0x30", "concurrently {",
				"cpu 1 { set-affinity nvme0.msi-x[0] cpu 2 vector 0xff }", "cpu 2 { set-affinity nvme0.msi-x[1] cpu 3 }", "}",
				"expect no lost-interrupt");
		assertThat(Diagnostics.of(text)).isEmpty();
	}

	@Test
	void theRangeIsTheRootsWhenARemapDomainSitsBetween() {
		String text = platform(x86Vector(), dmar("affinity-update remap"), pciBus("ir", NVME))
				+ "scenario s on p {\n initially nvme0.msi-x[0] on cpu 1 vector 0x1f\n}\n";
		assertThat(Diagnostics.of(text)).containsExactly(at(text, "initially", "error [" + ID + "]"));
		assertThat(message(text, ID)).contains("domain vector (VECTOR)'s range");
	}
}
