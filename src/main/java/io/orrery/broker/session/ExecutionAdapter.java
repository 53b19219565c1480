package io.orrery.broker.session;

/**
 * What brings accepted sessions to life: a container engine, a batch system, or a simulation. The core tells it
 * when a session is accepted or stopped; it reports back through the {@link PhaseDriver}.
 */
public interface ExecutionAdapter {
    void accepted(SessionPlan plan, PhaseDriver driver);

    /** The session was cancelled (or failed): stop whatever runs for it. */
    void stop(String sessionId);
}
