package io.orrery.client;

import io.orrery.broker.session.ExecutionAdapter;
import io.orrery.broker.session.PhaseDriver;
import io.orrery.broker.session.SessionOutputs;
import io.orrery.broker.session.Work;
import io.orrery.model.SessionPhase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A test's execution adapter over a directory, with real files and its own threads, as a container engine would:
 * an accepted session goes PREPARING, AVAILABLE, RUNNING at once, writes {@link #LINE} to its stdout and
 * {@link #WARNING} to its stderr, then (at once, or when the test calls {@link #finish}) writes
 * {@code outputs/result.txt} ({@link #RESULT}) and its exit code 0, and goes RELEASING and COMPLETED. Its logs grow
 * until then. Sessions brought back after a restart are left alone.
 */
public final class WritingExecution implements ExecutionAdapter, SessionOutputs {
    public static final String LINE = "hello from a real run\n";
    public static final String WARNING = "a warning\n";
    public static final String RESULT = "42 galaxies\n";

    private final Path dir;
    private final Clock clock;
    private final boolean waitForFinish;
    private final Map<String, CountDownLatch> finish = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> running = new ConcurrentHashMap<>();
    private final Set<String> done = ConcurrentHashMap.newKeySet();

    /** @param waitForFinish whether each session runs until the test calls {@link #finish} (else it ends at once) */
    public WritingExecution(Path dir, Clock clock, boolean waitForFinish) {
        this.dir = dir;
        this.clock = clock;
        this.waitForFinish = waitForFinish;
    }

    @Override
    public void accepted(Work work, PhaseDriver driver) {
        if (work.restored()) {
            return;
        }
        String id = work.sessionId();
        finish.put(id, new CountDownLatch(waitForFinish ? 1 : 0));
        running.computeIfAbsent(id, k -> new CountDownLatch(1));
        Thread t = new Thread(() -> run(id, driver), "writing-" + id);
        t.setDaemon(true);
        t.start();
    }

    private void run(String id, PhaseDriver driver) {
        try {
            Path session = Files.createDirectories(dir.resolve(id));
            Files.createDirectories(session.resolve("outputs"));
            Files.writeString(session.resolve("stdout"), "");
            Files.writeString(session.resolve("stderr"), "");
            driver.at(clock.instant(), id, SessionPhase.PREPARING);
            driver.at(clock.instant(), id, SessionPhase.AVAILABLE);
            driver.at(clock.instant(), id, SessionPhase.RUNNING);
            append(id, "stdout", LINE);
            append(id, "stderr", WARNING);
            running.get(id).countDown();
            if (!finish.get(id).await(60, TimeUnit.SECONDS)) {
                driver.failed(clock.instant(), id, "the test never finished it");
                return;
            }
            Files.writeString(session.resolve("outputs").resolve("result.txt"), RESULT);
            Files.writeString(session.resolve("exit"), "0");
            done.add(id);
            driver.at(clock.instant(), id, SessionPhase.RELEASING);
            driver.at(clock.instant(), id, SessionPhase.COMPLETED);
        } catch (IOException e) {
            driver.failed(clock.instant(), id, "cannot write its files: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks a broker for the sample minimal container, accepts its first offer and gives the session's URL. */
    public static String acceptFirstOffer(Broker broker) throws Exception {
        Outcome o = broker.ask(io.orrery.Fixtures.sample("01-minimal-container.yaml")).get(20, TimeUnit.SECONDS);
        if (!(o instanceof Outcome.Offers offers)) {
            throw new AssertionError(broker.name() + " made no offer: " + o);
        }
        String offer = offers.offerSet().offers().get(0).meta().url();
        return broker.update(offer, SessionPhase.ACCEPTED).reread().meta().url();
    }

    /** The uuid at the end of a session's URL. */
    public static String uuid(String sessionUrl) {
        return sessionUrl.substring(sessionUrl.lastIndexOf('/') + 1);
    }

    /** Waits until the session runs and has written its first lines. */
    public void awaitRunning(String id) throws InterruptedException {
        if (!running.computeIfAbsent(id, k -> new CountDownLatch(1)).await(20, TimeUnit.SECONDS)) {
            throw new AssertionError("session " + id + " did not start running");
        }
    }

    /** Adds to one of a running session's logs. */
    public void append(String id, String log, String text) {
        try {
            Files.writeString(dir.resolve(id).resolve(log), text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets a session that waits for it write its outputs and complete. */
    public void finish(String id) {
        finish.getOrDefault(id, new CountDownLatch(0)).countDown();
    }

    @Override
    public void stop(String sessionId) {
        finish(sessionId);
    }

    @Override
    public SessionOutputs outputs() {
        return this;
    }

    @Override
    public List<OutputFile> list(String sessionId) {
        Path session = dir.resolve(sessionId);
        if (!Files.isDirectory(session)) {
            return List.of();
        }
        boolean growing = !done.contains(sessionId);
        List<OutputFile> out = new ArrayList<>();
        for (String log : List.of("stdout", "stderr")) {
            size(session.resolve(log)).ifPresent(n -> out.add(new OutputFile(log, n, growing)));
        }
        size(session.resolve("exit")).ifPresent(n -> out.add(new OutputFile("exit", n, false)));
        try (Stream<Path> files = Files.walk(session.resolve("outputs"))) {
            files.filter(Files::isRegularFile).sorted().forEach(f -> out.add(new OutputFile(
                    session.relativize(f).toString().replace('\\', '/'), size(f).orElse(0L), false)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Optional<Long> size(Path f) {
        try {
            return Files.isRegularFile(f) ? Optional.of(Files.size(f)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<InputStream> open(String sessionId, String name, long offset) throws IOException {
        Path session = dir.resolve(sessionId).normalize();
        Path f = session.resolve(name).normalize();
        if (!f.startsWith(session) || !Files.isRegularFile(f)) {
            return Optional.empty();
        }
        SeekableByteChannel ch = Files.newByteChannel(f);
        ch.position(Math.min(offset, ch.size()));
        return Optional.of(Channels.newInputStream(ch));
    }
}
