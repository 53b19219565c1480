package io.orrery.engine;

import java.io.IOException;

/**
 * The real work of one session on one engine (a container, a notebook run), driven by {@link SessionRun}: prepared,
 * started, waited for, killed, cleaned away. Methods other than {@link #kill} are called from one thread at a time.
 */
public interface Job {
    /** Gets everything ready to start: image present, data staged, container created. */
    void prepare() throws IOException;

    /** Starts the work; its standard output and error go to the session's log files from now on. */
    void start() throws IOException;

    /** Blocks until the work has ended (its logs complete); returns its exit code. */
    long awaitExit() throws IOException, InterruptedException;

    /** Stops the work at once; safe to call at any time, from any thread, more than once. */
    void kill() throws IOException;

    /** Removes what the engine keeps for the work (the container), once its outputs are collected. */
    void cleanup() throws IOException;

    /** Why a non-zero exit failed, in plain words (for the session's FAILED reason). */
    String failure(long exitCode);

    /** What a restarted broker finds of a session's work on its engine. */
    enum Found { NOTHING, CREATED, RUNNING, EXITED }
}
