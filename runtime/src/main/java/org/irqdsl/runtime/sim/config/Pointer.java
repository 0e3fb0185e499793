package org.irqdsl.runtime.sim.config;

/** JSON pointer (RFC 6901) helpers. */
final class Pointer {

	private Pointer() {
	}

	static String escape(String token) {
		return token.replace("~", "~0").replace("/", "~1");
	}

	static String child(String pointer, String name) {
		return pointer + "/" + escape(name);
	}

	static String child(String pointer, int index) {
		return pointer + "/" + index;
	}
}
