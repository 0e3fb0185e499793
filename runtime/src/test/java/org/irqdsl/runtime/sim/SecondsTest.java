package org.irqdsl.runtime.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SecondsTest {

	@Test
	void aDurationShowsEveryDigitItHas() {
		assertThat(Seconds.text(Duration.ofMillis(1))).isEqualTo("0.001");
		assertThat(Seconds.text(Duration.ofNanos(1))).isEqualTo("0.000000001");
		assertThat(Seconds.text(Duration.ofSeconds(60))).isEqualTo("60");
		assertThat(Seconds.text(Duration.ofMillis(1500))).isEqualTo("1.5");
		assertThat(Seconds.text(Duration.ofSeconds(1_000_000))).isEqualTo("1000000");
		assertThat(Seconds.text(Duration.ZERO)).isEqualTo("0");
	}
}
