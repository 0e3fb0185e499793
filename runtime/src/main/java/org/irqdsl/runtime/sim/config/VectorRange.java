package org.irqdsl.runtime.sim.config;

/** The vector space of the CPU vector domain ({@code vectors 0x20..0xff}). */
public record VectorRange(int first, int last) {

	public static final VectorRange X86_DEFAULT = new VectorRange(0x20, 0xff);

	public boolean contains(int vector) {
		return vector >= first && vector <= last;
	}

	@Override
	public String toString() {
		return String.format("0x%x..0x%x", first, last);
	}
}
