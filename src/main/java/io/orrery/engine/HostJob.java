package io.orrery.engine;

import java.io.IOException;

/** A job run as a process of this machine ({@link HostEngine}): started once, killed with all it started. */
abstract class HostJob implements Job {
    protected final HostWork w;
    private volatile Process process;
    private volatile boolean killed;

    HostJob(HostWork w) {
        this.w = w;
    }

    /** Starts the process, marked as this broker's, unless the job was killed first. */
    protected final synchronized Process launch(ProcessBuilder pb) throws IOException {
        if (killed) {
            throw new IOException("cancelled before it started");
        }
        w.processes().mark(pb, w.session());
        process = pb.start();
        process.getOutputStream().close();
        return process;
    }

    /** The process started, or null before. */
    protected final Process process() {
        return process;
    }

    @Override
    public final synchronized void kill() {
        killed = true;
        HostProcesses.killTree(process);
    }

    @Override
    public final void cleanup() {
        // the process is gone; its files are the session's
    }
}
