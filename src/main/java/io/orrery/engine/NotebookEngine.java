package io.orrery.engine;

import io.orrery.broker.session.Work;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Notebooks ({@code jupyter-notebook} executables) executed headless by Jupyter's {@code nbconvert} on this machine,
 * each as a process in its session's scratch space. Every process carries its session and its broker in its
 * environment, so that a restarted broker kills those no session owns (a process does not outlive its broker's
 * restart usefully: it cannot be followed again, and its session is failed with the reason).
 */
public final class NotebookEngine implements JobEngine {
    static final String OWNER_VARIABLE = "ORRERY_OWNER";

    private final Path program;
    private final SessionFiles files;
    private final DataStager stager;

    public NotebookEngine(Path program, SessionFiles files, DataStager stager) {
        this.program = program;
        this.files = files;
        this.stager = stager;
    }

    @Override
    public Job job(Work work) {
        return new NotebookJob(program, files, stager, work.sessionId(), work.offerTree(), owner());
    }

    String owner() {
        return files.root().toString();
    }

    @Override
    public Job.Found find(Job job) {
        return Job.Found.NOTHING;
    }

    /** Kills every nbconvert process of this broker's that no live session owns (read from /proc). */
    @Override
    public void sweep(Set<String> owned) throws IOException {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return;
        }
        try (Stream<Path> pids = Files.list(proc)) {
            for (Path p : pids.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                Optional<String> session = sessionOf(p.resolve("environ"));
                if (session.isPresent() && !owned.contains(session.get())) {
                    ProcessHandle.of(Long.parseLong(p.getFileName().toString())).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        }
    }

    /** The session a process runs for, if it is one of this broker's notebook processes. */
    private Optional<String> sessionOf(Path environ) {
        String env;
        try {
            env = Files.readString(environ, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        String owner = null;
        String session = null;
        for (String entry : env.split("\0")) {
            if (entry.startsWith(OWNER_VARIABLE + "=")) {
                owner = entry.substring(OWNER_VARIABLE.length() + 1);
            } else if (entry.startsWith("ORRERY_SESSION=")) {
                session = entry.substring("ORRERY_SESSION=".length());
            }
        }
        return owner().equals(owner) && session != null ? Optional.of(session) : Optional.empty();
    }
}
