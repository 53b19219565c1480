package io.orrery.server;

import io.orrery.broker.session.ExecutionAdapter;
import io.orrery.broker.session.PhaseDriver;
import io.orrery.broker.session.SessionOutputs;
import io.orrery.broker.session.Work;
import io.orrery.model.SessionPhase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * An execution adapter for tests that runs nothing but leaves real outputs in a temporary directory: on accept it
 * reports PREPARING, AVAILABLE and RUNNING from its own thread and writes a first line to stdout; the test then
 * appends lines ({@link #print}) and ends the session ({@link #finish}), which writes {@code outputs/result.txt},
 * the exit code, and reports RELEASING and COMPLETED. Outputs grow until then.
 */
public final class ScriptedExecution implements ExecutionAdapter, SessionOutputs {
    public static final String FIRST_LINE = "hello from the session\n";
    public static final String RESULT = "42 is the answer\n";

    private final Path dir;
    private final Clock clock;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "scripted-execution");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, PhaseDriver> running = new ConcurrentHashMap<>();
    private final Map<String, Boolean> done = new ConcurrentHashMap<>();

    public ScriptedExecution(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    @Override
    public void accepted(Work work, PhaseDriver driver) {
        String id = work.sessionId();
        running.put(id, driver);
        thread.execute(() -> {
            driver.at(clock.instant(), id, SessionPhase.PREPARING);
            write(id, "stdout", "", false);
            write(id, "stderr", "", false);
            driver.at(clock.instant(), id, SessionPhase.AVAILABLE);
            driver.at(clock.instant(), id, SessionPhase.RUNNING);
            write(id, "stdout", FIRST_LINE, true);
        });
    }

    /** The session writes a line to its standard output (after those written so far). */
    public void print(String id, String text) {
        thread.execute(() -> write(id, "stdout", text, true));
    }

    /** The session writes its result file and exits 0; its outputs are then complete. */
    public void finish(String id) {
        thread.execute(() -> {
            PhaseDriver driver = running.remove(id);
            write(id, "outputs/result.txt", RESULT, false);
            write(id, "outputs/deep/er/data.bin", "\u0000\u0001binary", false);
            write(id, "exit", "0\n", false);
            driver.at(clock.instant(), id, SessionPhase.RELEASING);
            done.put(id, true);
            driver.at(clock.instant(), id, SessionPhase.COMPLETED);
        });
    }

    @Override
    public void stop(String sessionId) {
        running.remove(sessionId);
        done.put(sessionId, true);
    }

    @Override
    public SessionOutputs outputs() {
        return this;
    }

    @Override
    public List<OutputFile> list(String sessionId) {
        Path root = dir.resolve(sessionId);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        boolean growing = !done.getOrDefault(sessionId, false);
        List<OutputFile> out = new ArrayList<>();
        for (String log : List.of("stdout", "stderr", "exit")) {
            if (Files.exists(root.resolve(log))) {
                out.add(new OutputFile(log, size(root.resolve(log)), growing && !log.equals("exit")));
            }
        }
        if (Files.isDirectory(root.resolve("outputs"))) {
            try (Stream<Path> files = Files.walk(root.resolve("outputs"))) {
                files.filter(Files::isRegularFile).sorted().forEach(f -> out.add(new OutputFile(
                        root.relativize(f).toString(), size(f), growing)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    @Override
    public Optional<InputStream> open(String sessionId, String name, long offset) throws IOException {
        if (list(sessionId).stream().noneMatch(f -> f.name().equals(name))) {
            return Optional.empty();
        }
        InputStream in = Files.newInputStream(dir.resolve(sessionId).resolve(name));
        in.skipNBytes(Math.min(offset, size(dir.resolve(sessionId).resolve(name))));
        return Optional.of(in);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String id, String name, String text, boolean append) {
        try {
            Path p = dir.resolve(id).resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, append
                    ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
