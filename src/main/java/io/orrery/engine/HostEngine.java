package io.orrery.engine;

import io.orrery.broker.session.Work;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Function;

/**
 * Work run as processes of this machine, each in its session's scratch space and marked as this broker's
 * ({@link HostProcesses}) so that a restarted broker kills those no session owns: notebooks ({@code jupyter-notebook}
 * executables, executed headless by Jupyter's {@code nbconvert}) and Python programs ({@code python-program}, run by
 * this machine's Python 3).
 */
public final class HostEngine implements JobEngine {

    private final Path program;
    private final SessionFiles files;
    private final DataStager stager;
    private final HostProcesses processes;
    private final Function<HostWork, Job> maker;

    private HostEngine(Path program, SessionFiles files, DataStager stager, Function<HostWork, Job> maker) {
        this.program = program;
        this.files = files;
        this.stager = stager;
        this.processes = new HostProcesses(files);
        this.maker = maker;
    }

    /** Notebooks executed by {@code jupyter-nbconvert} at the path. */
    public static HostEngine notebooks(Path nbconvert, SessionFiles files, DataStager stager) {
        return new HostEngine(nbconvert, files, stager, NotebookJob::new);
    }

    /** Python programs run by the Python 3 at the path. */
    public static HostEngine programs(Path python, SessionFiles files, DataStager stager) {
        return new HostEngine(python, files, stager, ProgramJob::new);
    }

    @Override
    public Job job(Work work) {
        return maker.apply(new HostWork(program, files, stager, work.sessionId(), work.offerTree(), processes));
    }

    @Override
    public Job.Found find(Job job) {
        return Job.Found.NOTHING;
    }

    /** Kills every process of this broker's that no live session owns. */
    @Override
    public void sweep(Set<String> owned) throws IOException {
        processes.sweep(owned);
    }
}
