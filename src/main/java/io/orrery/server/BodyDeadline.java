package io.orrery.server;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.Request;

/**
 * Cuts off a request body that arrives slower than the broker allows: a body of n bytes gets 10 s, or n over the
 * minimum rate if that is longer; past it the read fails, and the client is answered 408 and disconnected. Without
 * this a client trickling a byte now and then (each within the idle timeout) would hold its thread and its share of
 * the body budget for as long as it liked.
 */
final class BodyDeadline implements AutoCloseable {
    private static final long LEAST_MS = 10_000;
    private static final ScheduledExecutorService TIMER = timer();

    private final ScheduledFuture<?> cut;
    private volatile boolean passed;

    BodyDeadline(Request request, long bytes, long minRate) {
        long ms = Math.max(LEAST_MS, Math.max(0, bytes) * 1000 / Math.max(1, minRate));
        cut = TIMER.schedule(() -> {
            passed = true;
            request.fail(new TimeoutException("the body did not arrive within " + ms / 1000 + " s"));
        }, ms, TimeUnit.MILLISECONDS);
    }

    /**
     * One timer thread for every deadline. A deadline met is removed from its queue at once: left there (the default)
     * each would keep its request reachable for the 10 s it was set for, some 15,000 requests under load, every one
     * copied by each young collection.
     */
    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "orrery-body-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Whether the deadline passed (so a failed read means the client was too slow). */
    boolean passed() {
        return passed;
    }

    @Override
    public void close() {
        cut.cancel(false);
    }
}
