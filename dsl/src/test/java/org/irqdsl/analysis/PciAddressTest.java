package org.irqdsl.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The hand-written address reader accepts exactly lspci's form, as the regular expression it replaced. */
class PciAddressTest {

	private static final Pattern FORM = Pattern
			.compile("(?:([0-9a-fA-F]{1,5}):)?([0-9a-fA-F]{2}):([0-9a-fA-F]{2})\\.([0-7])");

	/** What the regular expression reads (device &lt;= 0x1f). */
	private static Optional<PciAddress> byPattern(String text) {
		Matcher m = FORM.matcher(text);
		if (!m.matches() || Integer.parseInt(m.group(3), 16) > 0x1f) {
			return Optional.empty();
		}
		return Optional.of(new PciAddress(m.group(1) == null ? 0 : Integer.parseInt(m.group(1), 16),
				Integer.parseInt(m.group(2), 16), Integer.parseInt(m.group(3), 16), Integer.parseInt(m.group(4))));
	}

	@Test
	void readsLspcisForms() {
		assertThat(PciAddress.parse("0000:3d:00.0")).contains(new PciAddress(0, 0x3d, 0, 0));
		assertThat(PciAddress.parse("00:1f.2")).contains(new PciAddress(0, 0, 0x1f, 2));
		assertThat(PciAddress.parse("10000:01:00.7")).contains(new PciAddress(0x10000, 1, 0, 7));
		assertThat(PciAddress.parse("A:Bc:1F.3")).contains(new PciAddress(0xa, 0xbc, 0x1f, 3));
		assertThat(PciAddress.parse(null)).isEmpty();
		assertThat(PciAddress.parse("00:20.0")).as("device above 0x1f").isEmpty();
		assertThat(PciAddress.parse("00:00.8")).as("function 8").isEmpty();
		assertThat(PciAddress.parse("100000:00:00.0")).as("six domain digits").isEmpty();
		assertThat(PciAddress.parse(":00:00.0")).as("empty domain").isEmpty();
		assertThat(PciAddress.parse("00:\u0661\u0662.0")).as("non-ASCII digits").isEmpty();
		assertThat(PciAddress.parse("00:02.0")).isEqualTo(PciAddress.parse("0000:00:02.0"));
		assertThat(PciAddress.parse("00:02.0")).isNotEqualTo(PciAddress.parse("0000:00:02.1"));
		assertThat(PciAddress.parse("00:02.0")).isNotEqualTo(PciAddress.parse("0001:00:02.0"));
	}

	@Test
	void acceptsWhatThePatternAcceptsAndNothingElse() {
		Random random = new Random(15);
		String alphabet = "0123456789abcdefABCDEFgG:.x \u0663";
		List<String> texts = new ArrayList<>(List.of("", "0", "00:00.0", "0:00:00.0", "fffff:ff:1f.7", "00000:00:00.0"));
		for (int i = 0; i < 200_000; i++) {
			StringBuilder b = new StringBuilder();
			// mostly near-valid shapes, so many of them match
			String shape = switch (random.nextInt(3)) {
			case 0 -> "hh:hh.f";
			case 1 -> "h".repeat(1 + random.nextInt(6)) + ":hh:hh.f";
			default -> "?".repeat(random.nextInt(15));
			};
			for (char c : shape.toCharArray()) {
				b.append(switch (c) {
				case 'h' -> random.nextInt(10) == 0 ? alphabet.charAt(random.nextInt(alphabet.length())) : "0123456789abcdefABCDEF".charAt(random.nextInt(22));
				case 'f' -> random.nextInt(10) == 0 ? alphabet.charAt(random.nextInt(alphabet.length())) : (char) ('0' + random.nextInt(9));
				case '?' -> alphabet.charAt(random.nextInt(alphabet.length()));
				default -> random.nextInt(20) == 0 ? alphabet.charAt(random.nextInt(alphabet.length())) : c;
				});
			}
			texts.add(b.toString());
		}
		int accepted = 0;
		for (String text : texts) {
			Optional<PciAddress> expected = byPattern(text);
			assertThat(PciAddress.parse(text)).as(text).isEqualTo(expected);
			assertThat(PciAddress.parse(text).map(PciAddress::hashCode)).as(text).isEqualTo(expected.map(PciAddress::hashCode));
			accepted += expected.isPresent() ? 1 : 0;
		}
		assertThat(accepted).as("addresses accepted among the texts").isGreaterThan(5_000);
	}
}
