/*
 * The family of scripts/bench-spin for spin: k devices, each with a non-maskable MSI on its own
 * CPU 2i (vector 0x30), raising once while a set-affinity thread on CPU 2i moves it to CPU 2i+1
 * (vector 0x31) with the x86 two-step update under vector_lock: irqdsl's
 * Families.moves(k, k, TWO_STEP, 1) (runtime/src/bench/java/.../Families.java).
 *
 * How it corresponds to irqdsl's model (docs/simulator.md, "Steps and strategies"), step for step,
 * each irqdsl step one atomic block here:
 *  - mover(i) is the CPU thread: msi_set_affinity() (arch/x86/kernel/apic/msi.c) runs deferred in
 *    interrupt context on the old CPU, whose local interrupts stay off (irqs_off[i]) until the
 *    thread ends. Its three steps are irqdsl's compiled path: [lock vector_lock, allocate 0x31 on
 *    the new CPU (apic_set_affinity()), write data: the device sees (old cpu, new vector)];
 *    [write address_lo: (new cpu, new vector), unlock (the merged fix: lock-free retrigger)];
 *    [lapic_vector_set_in_irr(new vector) on this CPU, apic_retrigger_irq() if pending, finish].
 *  - device(i) raises once: the message as the device sees it now sets the vector in that CPU's
 *    IRR; a raise that is not already pending earns one credit; the irq is owed until a handler runs.
 *  - env(i) is irqdsl's environment for component i: a CPU takes a pending vector (not the old CPU
 *    while the mover runs with interrupts off): no owner in vector_irq[] or no credit is a spurious
 *    interrupt; the first arrival on the new target schedules the cleanup (irq_complete_move());
 *    the cleanup frees the old vector once it is not pending, its CPU can take interrupts and
 *    nobody holds vector_lock.
 *  - judge: when nothing can move (irqdsl's quiescent state), no irq may be owed (lost interrupt);
 *    a process blocked forever is spin's invalid end state (irqdsl's deadlock).
 * Same state variables as irqdsl's state, in bytes and bits; spin adds each process's pc.
 */
#ifndef K
#define K 1
#endif
#define OLD 0
#define NEW 1
#define V30 0
#define V31 1
#define FREE 255
#define IDX(i, c, v) ((i) * 4 + (c) * 2 + (v))

byte vector_lock = FREE;
bit irr[K * 4];
bit owner[K * 4];
byte dev_cpu[K];
byte dev_vec[K];
bit moving[K];
bit cleanup_armed[K];
bit owed[K];
bit irqs_off[K];
byte credit[K];
bit spurious;

proctype mover(byte i) {
	bit hit;
	atomic { vector_lock == FREE -> vector_lock = i; irqs_off[i] = 1;
		owner[IDX(i, NEW, V31)] = 1; moving[i] = 1; dev_vec[i] = V31 };
	atomic { dev_cpu[i] = NEW; vector_lock = FREE };
	atomic { hit = irr[IDX(i, OLD, V31)];
		if :: hit -> irr[IDX(i, NEW, V31)] = 1 :: else -> skip fi;
		irqs_off[i] = 0 }
}

proctype device(byte i) {
	atomic { owed[i] = 1;
		if :: !irr[IDX(i, dev_cpu[i], dev_vec[i])] -> credit[i]++ :: else -> skip fi;
		irr[IDX(i, dev_cpu[i], dev_vec[i])] = 1 }
}

inline take(i, c, v) {
	atomic { irr[IDX(i, c, v)] && (c == NEW || !irqs_off[i]) -> irr[IDX(i, c, v)] = 0;
		if
		:: owner[IDX(i, c, v)] ->
			if :: moving[i] && c == NEW && v == V31 && !cleanup_armed[i] -> cleanup_armed[i] = 1 :: else -> skip fi;
			owed[i] = 0;
			if :: credit[i] > 0 -> credit[i]-- :: else -> spurious = 1 fi
		:: else -> spurious = 1
		fi }
}

proctype env(byte i) {
end:	do
	:: take(i, OLD, V30)
	:: take(i, OLD, V31)
	:: take(i, NEW, V31)
	:: atomic { cleanup_armed[i] && !irqs_off[i] && !irr[IDX(i, OLD, V30)] && vector_lock == FREE ->
		owner[IDX(i, OLD, V30)] = 0; moving[i] = 0; cleanup_armed[i] = 0 }
	od
}

active proctype judge() {
	byte j;
	timeout -> for (j : 0 .. K - 1) { assert(!owed[j]) }
}

init {
	byte i;
	atomic {
		for (i : 0 .. K - 1) {
			owner[IDX(i, OLD, V30)] = 1; dev_cpu[i] = OLD; dev_vec[i] = V30
		}
		for (i : 0 .. K - 1) { run mover(i); run device(i); run env(i) }
	}
}
