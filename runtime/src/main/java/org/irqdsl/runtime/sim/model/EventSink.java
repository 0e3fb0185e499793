package org.irqdsl.runtime.sim.model;

/** Receives what a step did. Exploration uses {@link #SILENT}; a trace replay records. */
public interface EventSink {

	void on(Event event, int a, int b, int c, int d);

	/** Whether events are kept: when false, the semantics skips work done only to describe a step. */
	boolean recording();

	EventSink SILENT = new EventSink() {
		@Override
		public void on(Event event, int a, int b, int c, int d) {
		}

		@Override
		public boolean recording() {
			return false;
		}
	};
}
