package io.orrery.server;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How much a broker takes on at once: at most {@code requests} requests being worked on, and at most
 * {@code bodyBytes} bytes of request bodies held in memory (each request reserves its declared length, or the body
 * limit when it declares none, before its body is read). A request that finds no room within a short wait is
 * answered 503 with Retry-After instead of being queued without bound, so a burst of large bodies cannot exhaust the
 * heap and a burst of slow ones cannot take every thread.
 */
final class Admission {
    /** How long a request waits for room before it is turned away. */
    private static final long WAIT_MS = 250;

    private final Semaphore requests;
    private final Semaphore bodyKiB;
    private final int requestLimit;
    private final int bodyLimitKiB;

    Admission(int requests, long bodyBytes) {
        this.requestLimit = requests;
        this.bodyLimitKiB = (int) Math.min(Integer.MAX_VALUE, Math.max(1, bodyBytes / 1024));
        this.requests = new Semaphore(requests, true);
        this.bodyKiB = new Semaphore(bodyLimitKiB, true);
    }

    /** Room for one request whose body may hold up to bytes; null when there is none (answer 503). */
    Ticket enter(long bytes) {
        int kib = (int) Math.min(bodyLimitKiB, (Math.max(0, bytes) + 1023) / 1024);
        try {
            if (!requests.tryAcquire(WAIT_MS, TimeUnit.MILLISECONDS)) {
                return null;
            }
            if (kib > 0 && !bodyKiB.tryAcquire(kib, WAIT_MS, TimeUnit.MILLISECONDS)) {
                requests.release();
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        return new Ticket(kib);
    }

    /** What the limits are, for the 503's message. */
    String limits() {
        String bodies = bodyLimitKiB >= 1024 ? bodyLimitKiB / 1024 + " MiB" : bodyLimitKiB + " KiB";
        return requestLimit + " requests and " + bodies + " of request bodies at once";
    }

    /** Room taken; give it back when the answer has been written. */
    final class Ticket implements AutoCloseable {
        private final int kib;
        private boolean closed;

        private Ticket(int kib) {
            this.kib = kib;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                bodyKiB.release(kib);
                requests.release();
            }
        }
    }
}
