package io.orrery.broker.session;

/**
 * What brings accepted sessions to life: a container engine, a batch system, or a simulation. The core tells it
 * when a session is accepted (or brought back after a restart) or stopped; it reports back through the
 * {@link PhaseDriver}, from any thread.
 */
public interface ExecutionAdapter {
    /** Sets the work going; must not block (the core's lock is held). */
    void accepted(Work work, PhaseDriver driver);

    /** The session was cancelled (or failed): stop whatever runs for it, at once and without blocking. */
    void stop(String sessionId);

    /**
     * Every session the broker has brought back after a restart has been handed over: whatever the adapter finds
     * running that none of them owns may be cleaned away.
     */
    default void restoreDone() {
    }

    /** What sessions leave to read (logs, exit code, output files). */
    default SessionOutputs outputs() {
        return SessionOutputs.NONE;
    }
}
