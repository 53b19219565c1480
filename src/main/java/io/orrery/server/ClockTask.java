package io.orrery.server;

import io.orrery.broker.BrokerCore;
import java.time.Duration;

/**
 * Lets time pass for the sessions even when nobody asks. A failure (a database that cannot be written just now) is
 * logged and the next tick tries again: a scheduled task that throws would never run again, and the broker would
 * stop moving its sessions for good. The same failure is logged once a minute, not four times a second.
 */
final class ClockTask implements Runnable {
    private static final long QUIET_NANOS = Duration.ofMinutes(1).toNanos();

    private final BrokerCore core;
    private final RequestLog log;
    private String lastFailure;
    private long lastLogged;

    ClockTask(BrokerCore core, RequestLog log) {
        this.core = core;
        this.log = log;
    }

    @Override
    public void run() {
        try {
            core.catchUp();
            if (lastFailure != null) {
                log.note("the broker's clock runs again after: " + lastFailure);
                lastFailure = null;
            }
        } catch (RuntimeException e) {
            String what = e.getClass().getSimpleName() + ": " + e.getMessage();
            long now = System.nanoTime();
            if (!what.equals(lastFailure) || now - lastLogged > QUIET_NANOS) {
                log.failure("CLOCK", "-", e);
                lastLogged = now;
            }
            lastFailure = what;
        }
    }
}
