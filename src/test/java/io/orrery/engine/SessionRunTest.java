package io.orrery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Await;
import io.orrery.broker.session.PhaseDriver;
import io.orrery.broker.session.SessionPlan;
import io.orrery.model.SessionPhase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lifecycle of a really executed session, with a job that runs in the test's own threads (the real engines are
 * in the integration tests): what is reported when preparation fails, when a stop comes during preparation, when the
 * work overruns, and what a restarted broker decides for each thing it finds.
 */
class SessionRunTest {
    private static final String ID = "5b7c0c2e-1d7e-4a53-a0a4-0c0ef0d8b001";

    @TempDir
    Path dir;
    private final ScheduledExecutorService control = Executors.newScheduledThreadPool(2);
    private final ExecutorService waiters = Executors.newCachedThreadPool();
    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final PhaseDriver driver = recorder(reports);

    /** A broker's side of the seam that writes down what it is told. */
    private static PhaseDriver recorder(List<String> into) {
        return new PhaseDriver() {
            @Override
            public void at(Instant when, String sessionId, SessionPhase phase) {
                into.add(phase.name());
            }

            @Override
            public void failed(Instant when, String sessionId, String reason) {
                into.add("FAILED: " + reason);
            }
        };
    }

    @AfterEach
    void stop() {
        control.shutdownNow();
        waiters.shutdownNow();
    }

    /** A job whose work lasts until it is killed, or exits with the code once released. */
    private static final class Work implements Job {
        final CountDownLatch exit = new CountDownLatch(1);
        final CountDownLatch preparing = new CountDownLatch(1);
        final CountDownLatch prepared = new CountDownLatch(1);
        volatile IOException prepareFails;
        volatile long code;
        volatile boolean killed;
        volatile boolean cleaned;

        @Override
        public void prepare() throws IOException {
            preparing.countDown();
            try {
                prepared.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (prepareFails != null) {
                throw prepareFails;
            }
        }

        @Override
        public void start() {
        }

        @Override
        public long awaitExit() throws InterruptedException {
            exit.await();
            return code;
        }

        @Override
        public void kill() {
            killed = true;
            code = 137;
            exit.countDown();
        }

        @Override
        public void cleanup() {
            cleaned = true;
        }

        @Override
        public String failure(long exitCode) {
            return "exit " + exitCode;
        }
    }

    private SessionRun run(Work job, Duration length) {
        Instant now = Instant.now();
        return new SessionRun(ID, new SessionPlan(ID, now, now, now.plus(length), now.plus(length)), job, driver,
                new SessionFiles(dir), Clock.systemUTC(), control, waiters, ended::countDown);
    }

    private void awaitEnd() throws InterruptedException {
        assertTrue(ended.await(20, TimeUnit.SECONDS), "the run ends: " + reports);
    }

    @Test
    void aFailedPreparationFailsWithTheReasonAndCleansUp() throws Exception {
        Work job = new Work();
        job.prepareFails = new IOException("the image x is not on this machine");
        job.prepared.countDown();
        run(job, Duration.ofMinutes(1)).begin();
        awaitEnd();
        Await.until(Duration.ofSeconds(5), () -> reports.size() == 2, "two reports");
        assertEquals(List.of("PREPARING", "FAILED: preparation failed: the image x is not on this machine"), reports);
        assertTrue(job.cleaned);
    }

    @Test
    void aStopDuringPreparationNeverStartsTheWork() throws Exception {
        Work job = new Work();
        SessionRun run = run(job, Duration.ofMinutes(1));
        run.begin();
        assertTrue(job.preparing.await(10, TimeUnit.SECONDS));
        run.stop();
        job.prepared.countDown();
        awaitEnd();
        assertEquals(List.of("PREPARING"), reports, "a stopped session reports nothing more: the broker moved it");
        assertTrue(job.killed && job.cleaned);
    }

    @Test
    void workRunningAtTheOfferedEndIsKilledAndFailed() throws Exception {
        Work job = new Work();
        job.prepared.countDown();
        run(job, Duration.ofMillis(1500)).begin();
        awaitEnd();
        Await.until(Duration.ofSeconds(5), () -> reports.size() == 5, "five reports");
        assertEquals(List.of("PREPARING", "AVAILABLE", "RUNNING", "RELEASING"), reports.subList(0, 4));
        assertTrue(reports.get(4).startsWith("FAILED: ran past its offered end ("), reports.toString());
        assertTrue(job.killed);
    }

    @Test
    void aNonZeroExitFailsWithTheJobsReasonAndTheExitCodeIsKept() throws Exception {
        Work job = new Work();
        job.prepared.countDown();
        run(job, Duration.ofMinutes(1)).begin();
        job.code = 2;
        job.exit.countDown();
        awaitEnd();
        Await.until(Duration.ofSeconds(5), () -> reports.size() == 5, "five reports");
        assertEquals("FAILED: exit 2", reports.get(4));
        assertEquals(2L, new SessionFiles(dir).exitCode(ID).orElseThrow());
    }

    @Test
    void aRestartedBrokerFailsARunningSessionWhoseWorkIsGoneAndFinishesOneThatWasReleasing() throws Exception {
        run(new Work(), Duration.ofMinutes(1)).resume(SessionPhase.RUNNING, Job.Found.NOTHING);
        awaitEnd();
        Await.until(Duration.ofSeconds(5), () -> reports.size() == 1, "one report");
        assertTrue(reports.get(0).startsWith("FAILED: the broker restarted and found nothing left"), reports.toString());
        reports.clear();
        new SessionFiles(dir).exit(ID, 0);
        CountDownLatch second = new CountDownLatch(1);
        Instant now = Instant.now();
        new SessionRun(ID, new SessionPlan(ID, now, now, now.plusSeconds(60), now.plusSeconds(60)), new Work(), driver,
                new SessionFiles(dir), Clock.systemUTC(), control, waiters, second::countDown)
                .resume(SessionPhase.RELEASING, Job.Found.NOTHING);
        assertTrue(second.await(10, TimeUnit.SECONDS));
        Await.until(Duration.ofSeconds(5), () -> reports.size() == 1, "one report");
        assertEquals(List.of("COMPLETED"), reports);
    }

    @Test
    void aBrokerThatTakesOverIsToldEverythingSoFarAndWhatFollows() throws Exception {
        Work job = new Work();
        job.prepared.countDown();
        SessionRun run = run(job, Duration.ofMinutes(1));
        run.begin();
        Await.until(Duration.ofSeconds(10), () -> reports.contains("RUNNING"), "running");
        List<String> second = new CopyOnWriteArrayList<>();
        run.rebind(recorder(second));
        assertEquals(List.of("PREPARING", "AVAILABLE", "RUNNING"), second);
        job.exit.countDown();
        awaitEnd();
        Await.until(Duration.ofSeconds(5), () -> second.size() == 5, "the rest goes to the new broker");
        assertEquals(List.of("PREPARING", "AVAILABLE", "RUNNING", "RELEASING", "COMPLETED"), second);
        assertEquals(3, reports.size(), "the old broker hears no more");
    }

    @Test
    void workThatEndedWhileNoBrokerListenedIsFinishedFromItsFiles() throws Exception {
        SessionFiles files = new SessionFiles(dir);
        files.exit(ID, 0);
        files.done(ID);
        run(new Work(), Duration.ofMinutes(1)).resume(SessionPhase.PREPARING, Job.Found.NOTHING);
        awaitEnd();
        Await.until(Duration.ofSeconds(5), () -> reports.size() == 4, "four reports");
        assertEquals(List.of("AVAILABLE", "RUNNING", "RELEASING", "COMPLETED"), reports);
    }

    @Test
    void workFoundRunningForASessionTheBrokerHadStillPreparingReportsTheWayThere() throws Exception {
        Work job = new Work();
        run(job, Duration.ofMinutes(1)).resume(SessionPhase.PREPARING, Job.Found.RUNNING);
        job.exit.countDown();
        awaitEnd();
        Await.until(Duration.ofSeconds(5), () -> reports.size() == 4, "four reports: " + reports);
        assertEquals(List.of("AVAILABLE", "RUNNING", "RELEASING", "COMPLETED"), reports,
                "each phase the broker missed, in order, so that the session moves along the lifecycle's edges");
    }
}
