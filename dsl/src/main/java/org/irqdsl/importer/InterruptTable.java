package org.irqdsl.importer;

import java.util.List;

/**
 * What {@link ProcInterruptsParser} read from /proc/interrupts.
 *
 * @param cpus       the CPU numbers of the header (online CPUs: kernel/irq/proc.c prints
 *                   for_each_online_cpu), empty when the header is missing
 * @param headerLine the header's line, 0 when missing
 */
public record InterruptTable(InputText input, List<Integer> cpus, int headerLine, List<Row> rows, List<Problem> problems) {

	public InterruptTable {
		cpus = List.copyOf(cpus);
		rows = List.copyOf(rows);
		problems = List.copyOf(problems);
	}

	/**
	 * One row: {@code " 129:  23255 0 0 0  IR-PCI-MSIX-0000:00:14.3    0-edge      iwlwifi:default_queue"}.
	 *
	 * @param id      "129", or "NMI", "LOC", "IPI0"... for the architecture's rows
	 * @param chip    the irq chip (or per-device MSI domain) name, null on named rows
	 * @param hwirq   the hardware irq number, null when the row has none (the pre-v4 x86 format)
	 * @param flow    "edge", "fasteoi", "Edge", "Level"..., null when not shown
	 * @param actions the handler names ("PCIe PME, aerdrv, pciehp")
	 */
	public record Row(int line, String id, long total, String chip, Long hwirq, String flow, String actions) {

		public boolean numbered() {
			return !id.isEmpty() && id.chars().allMatch(Character::isDigit);
		}
	}
}
