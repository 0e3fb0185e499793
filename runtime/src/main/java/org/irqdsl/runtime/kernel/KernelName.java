package org.irqdsl.runtime.kernel;

/** A name from the kernel's vocabulary, with its one-line meaning (shown in hover and docs). */
public interface KernelName {

	/** The name exactly as the kernel spells it. */
	String kernelName();

	/** What the kernel means by it, and where it is defined. */
	String meaning();
}
