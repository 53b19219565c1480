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

    /**
     * Holds an offer's slot on the platform itself (a Slurm advance reservation, say), as the offer is made; the
     * offer is sent only when it is held. Empty when held (or when the platform has nothing to hold), else why the
     * platform refused. Called under the core's lock.
     */
    default java.util.Optional<String> hold(Work offer) {
        return java.util.Optional.empty();
    }

    /**
     * As an offer is accepted: whether the platform still holds its slot (a reservation someone deleted, say, is
     * gone). Empty when it does, else why not: the accept is then refused (409) and the offer withdrawn.
     */
    default java.util.Optional<String> confirm(Work offer) {
        return java.util.Optional.empty();
    }

    /** An offer ended without being accepted (rejected, expired, withdrawn): let its held slot go. */
    default void released(String sessionId) {
    }

    /** What sessions leave to read (logs, exit code, output files). */
    default SessionOutputs outputs() {
        return SessionOutputs.NONE;
    }
}
