package io.orrery.engine;

import io.orrery.broker.session.Work;
import java.io.IOException;
import java.util.Set;

/** One kind of real work (containers, notebooks): makes each session's {@link Job} and finds them after a restart. */
public interface JobEngine {
    /** The job for an accepted session (nothing is done until it is prepared). */
    Job job(Work work) throws IOException;

    /** What the engine still has of the session's work after the broker restarted; the job is attached to it. */
    Job.Found find(Job job) throws IOException;

    /** Removes whatever work of this broker's the engine still runs or keeps that no live session owns. */
    void sweep(Set<String> owned) throws IOException;

    /** Holds an offer's slot on the engine (a Slurm reservation); empty when held, else why it was refused. */
    default java.util.Optional<String> hold(Work offer) {
        return java.util.Optional.empty();
    }

    /** As an offer is accepted: empty when its slot is still held, else why not. */
    default java.util.Optional<String> confirm(Work offer) {
        return java.util.Optional.empty();
    }

    /** An offer ended without being accepted: lets its held slot go. */
    default void released(String sessionId) {
    }
}
