package org.irqdsl.runtime.sim;

import java.math.BigDecimal;
import java.time.Duration;

/** A duration in seconds as a person reads it: "60", "0.001", "1.5" - every digit it has, none it lacks. */
public final class Seconds {

	private Seconds() {
	}

	public static String text(Duration d) {
		BigDecimal seconds = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
		return seconds.signum() == 0 ? "0" : seconds.stripTrailingZeros().toPlainString();
	}
}
