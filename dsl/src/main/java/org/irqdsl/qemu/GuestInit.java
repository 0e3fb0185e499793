package org.irqdsl.qemu;

import java.util.List;

/**
 * The guest's /init (busybox sh): loads the drivers, prints `lspci -vv`, /proc/interrupts and the
 * kernel log between markers, performs the traced moves under ftrace, and powers off. The host
 * splits the serial console at the markers ({@link GuestOutput}).
 */
public final class GuestInit {

	public static final String MARK = "=== irqdsl-qemu: ";
	/** The kernel functions on the MSI write path the trace asks for; those the kernel cannot trace are reported. */
	public static final List<String> TRACED = List.of("msi_set_affinity", "irq_msi_update_msg", "__pci_write_msi_msg",
			"pci_msi_domain_write_msg", "lapic_vector_set_in_irr", "apic_retrigger_irq", "irq_chip_retrigger_hierarchy",
			"irq_move_masked_irq", "__irq_move_irq", "irq_do_set_affinity", "migrate_one_irq", "intel_ir_set_affinity",
			"amd_ir_set_affinity", "modify_irte", TraceReport.CHECK_MARK);

	private GuestInit() {
	}

	public static String script(List<String> moduleFiles, List<TracedMove> moves) {
		StringBuilder s = new StringBuilder();
		s.append("#!/bin/busybox sh\n");
		s.append("# written by irqdsl qemu (docs/qemu.md)\n");
		s.append("/bin/busybox --install -s /bin\n");
		s.append("mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev\n");
		s.append("echo '" + MARK + "booted'\n");
		for (String m : moduleFiles) {
			s.append("insmod /modules/" + m + " || echo '" + MARK + "insmod failed: " + m + "'\n");
		}
		s.append("sleep 1\n");
		s.append("echo '" + MARK + "lspci'\n/bin/lspci -vv 2>/dev/null\n");
		s.append("echo '" + MARK + "interrupts'\ncat /proc/interrupts\n");
		s.append("echo '" + MARK + "dmesg'\ndmesg\n");
		if (!moves.isEmpty()) {
			s.append(TRACE_SETUP.replace("@MARK@", MARK).replace("@FUNCS@", String.join(" ", TRACED)));
			for (TracedMove m : moves) {
				s.append("move '" + m.label() + "' " + m.guestAddress() + " " + m.entry() + " " + m.initialCpu() + " "
						+ (m.offline() ? "offline" : String.valueOf(m.targetCpu())) + "\n");
			}
		}
		s.append("echo '" + MARK + "end'\n");
		s.append("poweroff -f\n");
		return s.toString();
	}

	// The traced move: the entry's irq is the n-th of /sys/bus/pci/devices/ADDR/msi_irqs; I/O on the
	// device's disk makes it fire, so that a deferred move (IRQD_SETAFFINITY_PENDING, run by
	// irq_move_irq() on the next interrupt: kernel/irq/migration.c) runs.
	private static final String TRACE_SETUP = """
			T=/sys/kernel/tracing
			mount -t tracefs nodev $T 2>/dev/null
			avail=""; missing=""
			for f in @FUNCS@; do
			  if grep -q "^$f\\( \\|$\\)" $T/available_filter_functions; then avail="$avail $f"; else missing="$missing $f"; fi
			done
			echo "@MARK@traceable$avail"
			echo "@MARK@not-traceable$missing"
			echo nop > $T/current_tracer
			for f in $avail; do echo $f >> $T/set_ftrace_filter; done
			echo function > $T/current_tracer
			# the vector the kernel allocates for a move (arch/x86/kernel/apic/vector.c apic_update_vector()):
			# msi_set_affinity() takes the two-step path only when the vector and the CPU both change
			[ -e $T/events/irq_vectors/vector_update/enable ] && echo 1 > $T/events/irq_vectors/vector_update/enable
			# the irq of each msi_set_affinity() call (struct irq_data's irq, at offset 4: include/linux/irq.h):
			# a CPU offline moves every irq of that CPU, the report compares the traced one's call only
			echo 'p:irqdsl/msi_irq msi_set_affinity irq=+4(%di):u32' >> $T/kprobe_events 2>/dev/null \
			  && echo 1 > $T/events/irqdsl/msi_irq/enable && echo "@MARK@kprobe msi_irq"
			echo 0 > $T/tracing_on
			# the disk of the device at $1 (its probe may still run: up to 15 s)
			disk() {
			  w=0
			  while [ $w -lt 15 ]; do
			    for b in /sys/block/*; do
			      case "$(readlink -f $b)" in *"/0000:$1/"*) echo ${b##*/}; return ;; esac
			    done
			    sleep 1; w=$((w + 1))
			  done
			  echo "@MARK@no disk behind $1" >&2
			}
			io() {
			  for b in /sys/block/*; do
			    case "$(readlink -f $b)" in
			    *"/0000:$1/"*)
			      n=${b##*/}; i=0
			      while [ $i -lt 4 ]; do
			        echo 3 > /proc/sys/vm/drop_caches
			        dd if=/dev/$n of=/dev/null bs=4096 count=4 skip=$((i * 8)) iflag=direct 2>/dev/null || dd if=/dev/$n of=/dev/null bs=4096 count=4 skip=$((i * 8)) 2>/dev/null
			        i=$((i + 1))
			      done ;;
			    esac
			  done
			}
			move() {
			  label="$1"; addr="$2"; entry="$3"; from="$4"; to="$5"
			  irq=$(ls /sys/bus/pci/devices/0000:$addr/msi_irqs 2>/dev/null | sort -n | sed -n "$((entry + 1))p")
			  [ -n "$irq" ] || { echo "@MARK@move $label: no irq (no driver bound to $addr?)"; return; }
			  d=$(disk $addr)
			  echo $from > /proc/irq/$irq/smp_affinity_list; io $addr; io $addr
			  echo > $T/trace
			  echo "@MARK@move $label irq $irq on $(cat /proc/irq/$irq/effective_affinity_list)"
			  echo 1 > $T/tracing_on
			  if [ "$to" = offline ]; then echo 0 > /sys/devices/system/cpu/cpu$from/online; else echo $to > /proc/irq/$irq/smp_affinity_list; fi
			  io $addr; io $addr
			  echo 0 > $T/tracing_on
			  grep -v '^#' $T/trace
			  grep "^ *$irq:" /proc/interrupts
			  echo "@MARK@moved $label irq $irq on $(cat /proc/irq/$irq/effective_affinity_list)"
			  [ "$to" = offline ] && echo 1 > /sys/devices/system/cpu/cpu$from/online
			}
			""";
}
