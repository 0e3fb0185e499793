package org.irqdsl.qemu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The guest's serial console split at {@link GuestInit#MARK} lines: the lspci, interrupts and dmesg
 * sections, the traced moves (each with its trace lines), and the marker lines themselves.
 */
public record GuestOutput(String lspci, String interrupts, String dmesg, List<String> marks, Map<String, List<String>> moves,
		boolean ended) {

	public static GuestOutput parse(String console) {
		StringBuilder lspci = new StringBuilder();
		StringBuilder interrupts = new StringBuilder();
		StringBuilder dmesg = new StringBuilder();
		List<String> marks = new ArrayList<>();
		Map<String, List<String>> moves = new LinkedHashMap<>();
		StringBuilder into = null;
		List<String> moveLines = null;
		boolean ended = false;
		for (String raw : console.split("\r?\n")) {
			String line = raw.replace("\r", "");
			int at = line.indexOf(GuestInit.MARK);
			if (at >= 0) {
				String mark = line.substring(at + GuestInit.MARK.length()).strip();
				marks.add(mark);
				into = null;
				moveLines = null;
				switch (mark) {
				case "lspci" -> into = lspci;
				case "interrupts" -> into = interrupts;
				case "dmesg" -> into = dmesg;
				case "end" -> ended = true;
				default -> {
					if (mark.startsWith("move ")) {
						moveLines = new ArrayList<>();
						moveLines.add(mark);
						moves.put(label(mark), moveLines);
					} else if (mark.startsWith("moved ")) {
						List<String> l = moves.get(label(mark));
						if (l != null) {
							l.add(mark);
						}
					}
				}
				}
				continue;
			}
			if (into != null) {
				into.append(line).append('\n');
			} else if (moveLines != null) {
				moveLines.add(line);
			}
		}
		return new GuestOutput(lspci.toString(), interrupts.toString(), dmesg.toString(), marks, moves, ended);
	}

	/** "move ahci.msi[0] set-affinity cpu 2 irq 26 on 1" gives "ahci.msi[0] set-affinity cpu 2". */
	static String label(String mark) {
		String rest = mark.substring(mark.indexOf(' ') + 1);
		int irq = rest.lastIndexOf(" irq ");
		return irq >= 0 ? rest.substring(0, irq) : rest.replaceFirst(": .*$", "");
	}

	/** The functions the kernel can trace, and those it cannot (inlined or absent), as the guest listed them. */
	public List<String> listed(String which) {
		return marks.stream().filter(m -> m.startsWith(which + " ") || m.equals(which))
				.flatMap(m -> List.of(m.substring(which.length()).strip().split("\\s+")).stream()).filter(s -> !s.isEmpty()).toList();
	}
}
