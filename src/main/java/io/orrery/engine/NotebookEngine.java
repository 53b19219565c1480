package io.orrery.engine;

import io.orrery.broker.session.Work;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Notebooks ({@code jupyter-notebook} executables) executed headless by Jupyter's {@code nbconvert} on this machine,
 * each as a process in its session's scratch space, marked as this broker's ({@link HostProcesses}) so that a
 * restarted broker kills those no session owns.
 */
public final class NotebookEngine implements JobEngine {
    private final Path program;
    private final SessionFiles files;
    private final DataStager stager;
    private final HostProcesses processes;

    public NotebookEngine(Path program, SessionFiles files, DataStager stager) {
        this.program = program;
        this.files = files;
        this.stager = stager;
        this.processes = new HostProcesses(files);
    }

    @Override
    public Job job(Work work) {
        return new NotebookJob(program, files, stager, work.sessionId(), work.offerTree(), processes);
    }

    @Override
    public Job.Found find(Job job) {
        return Job.Found.NOTHING;
    }

    /** Kills every nbconvert process of this broker's that no live session owns. */
    @Override
    public void sweep(Set<String> owned) throws IOException {
        processes.sweep(owned);
    }
}
