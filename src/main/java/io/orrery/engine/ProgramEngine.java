package io.orrery.engine;

import io.orrery.broker.session.Work;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Python programs ({@code python-program} executables) run by this machine's Python 3, each as a process in its
 * session's scratch space, marked as this broker's ({@link HostProcesses}) so that a restarted broker kills those no
 * session owns.
 */
public final class ProgramEngine implements JobEngine {
    private final Path python;
    private final SessionFiles files;
    private final DataStager stager;
    private final HostProcesses processes;

    public ProgramEngine(Path python, SessionFiles files, DataStager stager) {
        this.python = python;
        this.files = files;
        this.stager = stager;
        this.processes = new HostProcesses(files);
    }

    @Override
    public Job job(Work work) {
        return new ProgramJob(python, files, stager, work.sessionId(), work.offerTree(), processes);
    }

    @Override
    public Job.Found find(Job job) {
        return Job.Found.NOTHING;
    }

    /** Kills every program process of this broker's that no live session owns. */
    @Override
    public void sweep(Set<String> owned) throws IOException {
        processes.sweep(owned);
    }
}
