package org.irqdsl.importer.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decoders read the same fields as ACPICA's disassembler: every DMAR, MADT, IVRS and IORT of
 * data/firmware is disassembled with {@code iasl -d} (Debian's acpica-tools, listed for mvn-verify in
 * scripts/system-packages.txt) and the fields it prints, at the offsets it prints, are compared.
 */
class AcpiIaslCrossCheckTest {

	/** "[030h 0048   2]                Subtable Type : 0000 [Hardware Unit Definition]" */
	private static final Pattern FIELD = Pattern.compile("^\\[([0-9A-F]{3,})h [ 0-9]{4,} +\\d+\\] +([^:]+?) : ([0-9A-Fa-f]+)\\b");

	record Field(int offset, String name, long value) {
	}

	static Stream<Path> tables() throws IOException {
		List<Path> out = new ArrayList<>();
		try (Stream<Path> sets = Files.list(FirmwareSamples.dir().resolve("acpi"))) {
			for (Path set : sets.sorted().toList()) {
				for (String sig : List.of("DMAR", "APIC", "IVRS", "IORT")) {
					if (Files.exists(set.resolve(sig))) {
						out.add(set.resolve(sig));
					}
				}
			}
		}
		return out.stream();
	}

	static List<Field> iasl(Path table, Path dir) throws Exception {
		Path copy = dir.resolve(table.getFileName().toString().toLowerCase() + ".dat");
		Files.copy(table, copy);
		Process p = new ProcessBuilder("iasl", "-d", copy.getFileName().toString()).directory(dir.toFile()).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes());
		assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(p.exitValue()).as("iasl -d " + table + ": " + out).isZero();
		List<Field> fields = new ArrayList<>();
		for (String line : Files.readAllLines(dir.resolve(copy.getFileName().toString().replace(".dat", ".dsl")))) {
			Matcher m = FIELD.matcher(line);
			if (m.find()) {
				fields.add(new Field(Integer.parseInt(m.group(1), 16), m.group(2).trim(), Long.parseUnsignedLong(m.group(3), 16)));
			}
		}
		assertThat(fields).as("fields iasl printed for " + table).isNotEmpty();
		return fields;
	}

	private static long at(List<Field> fields, int offset, String name) {
		return fields.stream().filter(f -> f.offset() == offset && f.name().equals(name)).findFirst()
				.orElseThrow(() -> new AssertionError("iasl printed no '" + name + "' at offset 0x" + Integer.toHexString(offset))).value();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("tables")
	void decodedFieldsAreIaslsFields(Path file, @TempDir Path dir) throws Exception {
		AcpiTable t = AcpiTable.of(file.toString(), Files.readAllBytes(file));
		List<Field> f = iasl(file, dir);
		switch (t.signature()) {
		case "DMAR" -> {
			Dmar d = Dmar.decode(t);
			assertThat(at(f, 0x25, "Flags")).isEqualTo(d.flags());
			assertThat(d.units()).isNotEmpty();
			for (Dmar.Drhd u : d.units()) {
				assertThat(at(f, u.offset(), "Subtable Type")).isZero();
				assertThat(at(f, u.offset() + 4, "Flags")).isEqualTo(u.flags());
				assertThat(at(f, u.offset() + 6, "PCI Segment Number")).isEqualTo(u.segment());
				assertThat(at(f, u.offset() + 8, "Register Base Address")).isEqualTo(u.address());
				for (Dmar.Scope s : u.scopes()) {
					assertThat(at(f, s.offset(), "Device Scope Type")).isEqualTo(s.type());
					assertThat(at(f, s.offset() + 4, "Enumeration ID")).isEqualTo(s.enumerationId());
					assertThat(at(f, s.offset() + 5, "PCI Bus Number")).isEqualTo(s.startBus());
				}
			}
		}
		case "APIC" -> {
			Madt m = Madt.decode(t);
			assertThat(m.cpus()).isNotEmpty();
			for (Madt.Cpu c : m.cpus()) {
				switch (c.kind()) {
				case "local APIC" -> assertThat(at(f, c.offset() + 3, "Local Apic ID")).isEqualTo(c.id());
				case "x2APIC" -> assertThat(at(f, c.offset() + 4, "Processor x2Apic ID")).isEqualTo(c.id());
				case "GICC" -> assertThat(at(f, c.offset() + 68, "ARM MPIDR")).isEqualTo(c.id());
				default -> throw new AssertionError(c.kind());
				}
			}
			for (Madt.IoApic io : m.ioApics()) {
				assertThat(at(f, io.offset() + 2, "I/O Apic ID")).isEqualTo(io.id());
				assertThat(at(f, io.offset() + 4, "Address")).isEqualTo(io.address());
			}
			for (Madt.Its i : m.its()) {
				assertThat(at(f, i.offset() + 4, "Translation ID")).isEqualTo(i.translationId());
				assertThat(at(f, i.offset() + 8, "Base Address")).isEqualTo(i.base());
			}
			if (m.gicVersion() > 0) {
				assertThat(f.stream().filter(x -> x.name().equals("Version")).map(Field::value)).contains((long) m.gicVersion());
			}
		}
		case "IVRS" -> {
			Ivrs v = Ivrs.decode(t);
			assertThat(at(f, 0x24, "Virtualization Info")).isEqualTo(v.ivinfo());
			for (Ivrs.Ivhd u : v.units()) {
				assertThat(at(f, u.offset(), "Subtable Type")).isEqualTo(u.type());
				assertThat(at(f, u.offset() + 4, "DeviceId")).isEqualTo(u.deviceId());
				assertThat(at(f, u.offset() + 8, "Base Address")).isEqualTo(u.base());
				assertThat(at(f, u.offset() + 16, "PCI Segment Group")).isEqualTo(u.segment());
				// the IOAPIC special entries: iasl prints Handle and Source Used Device ID
				List<Long> handles = f.stream().filter(x -> x.name().equals("Handle")).map(Field::value).toList();
				List<Long> sources = f.stream().filter(x -> x.name().equals("Source Used Device ID")).map(Field::value).toList();
				assertThat(u.ioapics().stream().map(io -> (long) io[0]).toList()).isEqualTo(handles);
				assertThat(u.ioapics().stream().map(io -> (long) io[1]).toList()).isEqualTo(sources);
			}
		}
		case "IORT" -> {
			Iort io = Iort.decode(t);
			assertThat(at(f, 0x24, "Node Count")).isEqualTo(io.nodes().size());
			for (Iort.Node n : io.nodes().values()) {
				assertThat(at(f, n.offset(), "Type")).isEqualTo(n.type());
				assertThat(at(f, n.offset() + 8, "Mapping Count")).isEqualTo(n.mappings().size());
				for (Iort.Mapping m : n.mappings()) {
					assertThat(at(f, m.offset(), "Input base")).isEqualTo(m.inputBase());
					assertThat(at(f, m.offset() + 4, "ID Count")).isEqualTo(m.count() - 1);
					assertThat(at(f, m.offset() + 8, "Output Base")).isEqualTo(m.outputBase());
					assertThat(at(f, m.offset() + 12, "Output Reference")).isEqualTo(m.outputRef());
				}
				if (n.type() == Iort.ROOT_COMPLEX) {
					assertThat(at(f, n.offset() + 28, "PCI Segment Number")).isEqualTo(n.segment());
				}
				if (n.type() == Iort.ITS_GROUP) {
					assertThat(at(f, n.offset() + 16, "ItsCount")).isEqualTo(n.itsIds().size());
				}
				if (n.type() == Iort.SMMU_V3) {
					assertThat(at(f, n.offset() + 16, "Base Address")).isEqualTo(n.base());
				}
			}
		}
		default -> throw new AssertionError(t.signature());
		}
	}
}
