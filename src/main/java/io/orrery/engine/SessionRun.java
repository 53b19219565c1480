package io.orrery.engine;

import io.orrery.broker.session.PhaseDriver;
import io.orrery.broker.session.SessionPlan;
import io.orrery.model.SessionPhase;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One accepted session really executed: PREPARING from its preparation time (the job prepared), AVAILABLE and
 * RUNNING from its start (the job started), then RELEASING once the work ends (logs and exit code kept, the engine's
 * copy and the scratch space removed) and COMPLETED or FAILED by the exit code. Work still running at the offered
 * end is killed and FAILED ("ran past its offered end"); a stop kills it at once. Phases are reported at the time
 * they happen, so capacity is freed as soon as the work ends.
 */
final class SessionRun {
    private final String id;
    private final SessionPlan plan;
    private final Job job;
    /** The broker to report to: a broker reopened on the same work (the window's, a command's) takes over. */
    private volatile PhaseDriver driver;
    /** Everything reported so far, to report again to a broker that takes over (it skips what it already has). */
    private final List<Runnable> reported = new ArrayList<>();
    private final SessionFiles files;
    private final Clock clock;
    private final ScheduledExecutorService control;
    private final ExecutorService waiters;
    private final Runnable ended;
    private final List<Future<?>> timers = new ArrayList<>();
    private volatile boolean stopped;
    private volatile boolean overran;
    private volatile boolean started;
    /** The way a session goes when all is well. */
    private static final List<SessionPhase> WAY = List.of(SessionPhase.ACCEPTED, SessionPhase.PREPARING,
            SessionPhase.AVAILABLE, SessionPhase.RUNNING, SessionPhase.RELEASING, SessionPhase.COMPLETED);
    /** The furthest phase along the way reported (or found after a restart). */
    private SessionPhase reached = SessionPhase.ACCEPTED; // guarded by progress
    private final Object progress = new Object();
    private final java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();

    SessionRun(String id, SessionPlan plan, Job job, PhaseDriver driver, SessionFiles files, Clock clock,
               ScheduledExecutorService control, ExecutorService waiters, Runnable ended) {
        this.id = id;
        this.plan = plan;
        this.job = job;
        this.driver = driver;
        this.files = files;
        this.clock = clock;
        this.control = control;
        this.waiters = waiters;
        this.ended = ended;
    }

    /** A fresh session: prepare at the preparation time. */
    void begin() {
        at(plan.preparing(), this::prepare);
    }

    /** A session brought back after a restart, in the phase the broker had it in, with what the engine still has. */
    void resume(SessionPhase phase, Job.Found found) {
        synchronized (progress) {
            reached = phase;
        }
        switch (found) {
            case RUNNING -> {
                started = true;
                at(plan.end(), this::overrun);
                waiters.execute(this::await);
            }
            case EXITED -> {
                started = true;
                waiters.execute(this::await);
            }
            case CREATED -> at(plan.start(), this::launch);
            case NOTHING -> {
                if (files.exitCode(id).isPresent() && files.finished(id)) {
                    act(() -> endedWhileAway(phase));
                    return;
                }
                switch (phase) {
                    case ACCEPTED, WAITING, PREPARING -> begin();
                    case RELEASING -> act(this::releasedWhileDown);
                    default -> act(() -> fail("the broker restarted and found nothing left of this"
                            + " session's work on the engine (it was removed while the broker was down)"));
                }
            }
        }
    }

    /** Cancelled or failed by the broker: kill the work at once. */
    void stop() {
        stopped = true;
        cancelTimers();
        act(() -> {
            try {
                job.kill();
            } catch (IOException e) {
                // nothing more to do: the sweep removes what is left at the next start
            }
            if (!started) {
                release();
            }
        });
    }

    private void prepare() {
        if (stopped) {
            return;
        }
        phase(SessionPhase.PREPARING);
        try {
            job.prepare();
        } catch (IOException | RuntimeException e) {
            fail("preparation failed: " + message(e));
            return;
        }
        if (stopped) {
            try {
                job.cleanup(); // made while the stop came: the stop's release ran before it existed
            } catch (IOException e) {
                // left for the sweep at the next start
            }
            return;
        }
        at(plan.start(), this::launch);
    }

    private void launch() {
        if (stopped) {
            return;
        }
        if (!now().isBefore(plan.end())) {
            fail("it could not start before its offered end (" + plan.end() + ")");
            return;
        }
        phase(SessionPhase.AVAILABLE);
        try {
            job.start();
        } catch (IOException | RuntimeException e) {
            fail("it could not start: " + message(e));
            return;
        }
        started = true;
        phase(SessionPhase.RUNNING);
        at(plan.end(), this::overrun);
        waiters.execute(this::await);
    }

    private void await() {
        long code;
        try {
            code = job.awaitExit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (IOException | RuntimeException e) {
            if (!control.isShutdown()) { // else the broker is closing: the work goes on, found again at its restart
                act(() -> fail("the engine lost track of it: " + message(e)));
            }
            return;
        }
        act(() -> exited(code));
    }

    private void overrun() {
        if (!stopped) {
            overran = true;
            try {
                job.kill();
            } catch (IOException e) {
                fail("it ran past its offered end and could not be stopped: " + message(e));
            }
        }
    }

    private void exited(long code) {
        cancelTimers();
        if (!stopped) {
            phase(SessionPhase.RELEASING);
        }
        try {
            files.exit(id, code);
        } catch (IOException e) {
            // the phase says it all; the exit file is a convenience
        }
        release();
        if (stopped) {
            return;
        }
        if (overran) {
            failed("ran past its offered end (" + plan.end() + ") and was stopped");
        } else if (code == 0) {
            phase(SessionPhase.COMPLETED);
        } else {
            failed(job.failure(code));
        }
    }

    /** The work ended and was released while no broker listened: its outcome is in its files. */
    private void endedWhileAway(SessionPhase phase) {
        if (phase != SessionPhase.RELEASING) {
            phase(SessionPhase.RELEASING); // and the phases before it the broker missed
        }
        releasedWhileDown();
    }

    private void releasedWhileDown() {
        long code = files.exitCode(id).orElse(-1L);
        release();
        if (code == 0) {
            phase(SessionPhase.COMPLETED);
        } else {
            failed(code < 0 ? "the broker restarted while releasing it; its exit code is unknown" : job.failure(code));
        }
    }

    private void fail(String reason) {
        cancelTimers();
        try {
            job.kill();
        } catch (IOException e) {
            // removed below if it can be
        }
        release();
        if (!stopped) {
            failed(reason);
        }
    }

    /** Removes the engine's copy and the scratch space, once; the outputs stay. */
    private void release() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        try {
            job.cleanup();
        } catch (IOException e) {
            // left for the sweep at the next start
        }
        try {
            files.dropScratch(id);
            files.done(id);
        } catch (IOException e) {
            // the outputs stay readable; a stale 'growing' flag is all that is lost
        }
        ended.run();
    }

    /** A broker reopened on this work takes over: everything so far is reported to it again. */
    void rebind(PhaseDriver to) {
        driver = to;
        List<Runnable> again;
        synchronized (reported) {
            again = List.copyOf(reported);
        }
        again.forEach(this::quietly);
    }

    /**
     * Reports a phase, and first those of the way there it has not reported (a broker restarted between two reports
     * has the session behind what the work did: the lifecycle moves only along its edges).
     */
    private void phase(SessionPhase p) {
        Instant at = now();
        List<SessionPhase> steps = new ArrayList<>();
        synchronized (progress) {
            int from = WAY.indexOf(reached == SessionPhase.WAITING ? SessionPhase.ACCEPTED : reached);
            int to = WAY.indexOf(p);
            for (int i = from + 1; from >= 0 && i < to; i++) {
                steps.add(WAY.get(i));
            }
            if (to > from || to < 0) {
                reached = p;
            }
        }
        steps.add(p);
        // never holding a lock of this run while the broker is told: the broker's lock may be taken
        steps.forEach(step -> record(() -> driver.at(at, id, step)));
    }

    private void failed(String reason) {
        Instant at = now();
        record(() -> driver.failed(at, id, reason));
    }

    /** Keeps a report, then makes it (never holding a lock of this run: the broker's lock may be taken). */
    private void record(Runnable report) {
        synchronized (reported) {
            reported.add(report);
        }
        quietly(report);
    }

    /**
     * Reports to the broker; one that cannot take it (closed, its database down) loses nothing for good: a broker
     * reopened on this work is told again, and one started afresh reads the outcome from the session's files.
     */
    private void quietly(Runnable report) {
        try {
            report.run();
        } catch (RuntimeException e) {
            // told again on rebind, or read from the files at the next start
        }
    }

    private synchronized void at(Instant when, Runnable task) {
        long delay = Math.max(0, Duration.between(now(), when).toMillis());
        try {
            timers.add(control.schedule(task, delay, TimeUnit.MILLISECONDS));
        } catch (RejectedExecutionException e) {
            // the broker is closing: its next start takes the session up again
        }
    }

    /** Runs a step on the control pool, unless the broker is closing (its next start takes the session up). */
    private void act(Runnable step) {
        try {
            control.execute(step);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private synchronized void cancelTimers() {
        timers.forEach(f -> f.cancel(false));
        timers.clear();
    }

    private Instant now() {
        return clock.instant();
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
