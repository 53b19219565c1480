package io.orrery.engine;

import io.orrery.broker.session.ExecutionAdapter;
import io.orrery.broker.session.PhaseDriver;
import io.orrery.broker.session.SessionOutputs;
import io.orrery.broker.session.Work;
import io.orrery.model.codec.Dialect;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs accepted sessions for real, each on the engine its executable kind names ({@code docker-container} on the
 * container engine, {@code jupyter-notebook} on Jupyter), keeping what they leave in {@link SessionFiles}. Timers
 * and engine calls run on a small control pool; each running session has a thread waiting for its end.
 */
public final class RealExecution implements ExecutionAdapter, AutoCloseable {
    private final Map<String, JobEngine> engines;
    private final SessionFiles files;
    private final Clock clock;
    private final ScheduledExecutorService control = Executors.newScheduledThreadPool(4, daemons("orrery-run"));
    private final ExecutorService waiters = Executors.newCachedThreadPool(daemons("orrery-wait"));
    private final Map<String, SessionRun> runs = new ConcurrentHashMap<>();
    /** Finding restored sessions' work, then sweeping: one thread, in order. */
    private final ExecutorService restore = Executors.newSingleThreadExecutor(daemons("orrery-restore"));

    /** engines: executable kind base name (e.g. {@code docker-container}) to the engine that runs it. */
    public RealExecution(Map<String, JobEngine> engines, SessionFiles files, Clock clock) {
        this.engines = Map.copyOf(engines);
        this.files = files;
        this.clock = clock;
    }

    /** Makes the session's job at once (no engine call), then prepares it on time or, after a restart, finds it. */
    @Override
    public void accepted(Work work, PhaseDriver driver) {
        String id = work.sessionId();
        SessionRun running = runs.get(id);
        if (work.restored() && running != null) {
            running.rebind(driver); // the same work, under a broker reopened on the same files
            return;
        }
        String kind = kindOf(work);
        JobEngine engine = engines.get(kind);
        Job job;
        try {
            if (engine == null) {
                throw new IOException("this platform has no engine for " + kind + " executables");
            }
            job = engine.job(work);
        } catch (IOException | RuntimeException e) {
            driver.failed(clock.instant(), id, "cannot set up the session's work: " + e.getMessage());
            return;
        }
        SessionRun run = new SessionRun(id, work.plan(), job, driver, files, clock, control, waiters,
                () -> runs.remove(id));
        runs.put(id, run);
        if (!work.restored()) {
            run.begin();
            return;
        }
        restore.execute(() -> {
            Job.Found found;
            try {
                found = engine.find(job);
            } catch (IOException | RuntimeException e) {
                found = Job.Found.NOTHING;
            }
            run.resume(work.phase(), found);
        });
    }

    @Override
    public void stop(String sessionId) {
        SessionRun run = runs.get(sessionId);
        if (run != null) {
            run.stop();
        }
    }

    /**
     * After a restart, once every restored session has been found again: whatever the engines keep of this broker's
     * that no live session owns is removed (queued behind the finding, so nothing restored is swept).
     */
    @Override
    public void restoreDone() {
        restore.execute(() -> {
            for (JobEngine e : engines.values()) {
                try {
                    e.sweep(Set.copyOf(runs.keySet()));
                } catch (IOException | RuntimeException ex) {
                    // the engine is down: nothing of ours can run on it either
                }
            }
        });
    }

    @Override
    public java.util.Optional<String> hold(Work offer) {
        JobEngine engine = engines.get(kindOf(offer));
        return engine == null ? java.util.Optional.empty() : engine.hold(offer);
    }

    @Override
    public java.util.Optional<String> confirm(Work offer) {
        JobEngine engine = engines.get(kindOf(offer));
        return engine == null ? java.util.Optional.empty() : engine.confirm(offer);
    }

    @Override
    public void released(String sessionId) {
        // an offer's kind is not known here: each engine lets go of what it holds under that id, if anything
        engines.values().stream().distinct().forEach(e -> e.released(sessionId));
    }

    private static String kindOf(Work work) {
        return Dialect.parseUri(work.offerTree().path("executable").path("kind").asString(""))
                .map(r -> r.kind().baseName()).orElse("unknown");
    }

    @Override
    public SessionOutputs outputs() {
        return files;
    }

    /** Sessions being run now. */
    public int running() {
        return runs.size();
    }

    /** Stops the pools (the work goes on in the engine and is found again by the next start with the same files). */
    @Override
    public void close() {
        control.shutdownNow();
        waiters.shutdownNow();
        restore.shutdownNow();
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
